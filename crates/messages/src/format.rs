//! Numbers, sizes, durations and times as each language writes them, for
//! the documents the engine writes for people (the packages' inventory and
//! how-it-was-taken document): Swedish "7,8 s", "2,5 MB", "9 767" (a
//! non-breaking space between thousands), "10 mars 2026 kl. 10:05 UTC";
//! English "7.8 s", "2.5 MB", "9,767", "10 March 2026 at 10:05 UTC". The same
//! rules as the UI's `ui/src/lib/format.ts`, and days as [`Day`] writes them.

use chrono::{DateTime, TimeZone, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::args::{Arg, Day};
use crate::{render_key, Language};

/// A parameter: an instant, written by [`date_time_utc`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct UtcTime(#[ts(type = "string")] pub DateTime<Utc>);

impl Arg for UtcTime {
    fn text(&self, lang: Language) -> String {
        date_time_utc(lang, &self.0)
    }
    fn sample() -> Self {
        UtcTime(
            Utc.with_ymd_and_hms(2027, 3, 1, 9, 5, 0)
                .single()
                .unwrap_or_default(),
        )
    }
    fn hint() -> Option<String> {
        Some("utc-time".into())
    }
}

/// A parameter: a duration in milliseconds, written by [`duration`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Millis(#[ts(type = "number")] pub u64);

impl Arg for Millis {
    fn text(&self, lang: Language) -> String {
        duration(lang, self.0)
    }
    fn sample() -> Self {
        Millis(7800)
    }
    fn hint() -> Option<String> {
        Some("millis".into())
    }
}

/// A whole number with the language's thousands separator.
pub fn integer(lang: Language, n: u64) -> String {
    let digits = n.to_string();
    let sep = match lang {
        Language::Sv => '\u{a0}',
        Language::En => ',',
    };
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// `x` with exactly one decimal, in the language's style ("7,8" / "7.8").
pub fn one_decimal(lang: Language, x: f64) -> String {
    let tenths = (x * 10.0).round().max(0.0) as u64;
    let point = match lang {
        Language::Sv => ',',
        Language::En => '.',
    };
    format!("{}{point}{}", integer(lang, tenths / 10), tenths % 10)
}

/// Milliseconds as seconds with one decimal: "7,8 s".
pub fn seconds(lang: Language, ms: u64) -> String {
    format!("{} s", one_decimal(lang, ms as f64 / 1000.0))
}

/// A duration: seconds with one decimal under a minute ("7,8 s"), else
/// whole minutes ("30 min", "2 h 5 min").
pub fn duration(lang: Language, ms: u64) -> String {
    if ms < 60_000 {
        return seconds(lang, ms);
    }
    let min = (ms + 30_000) / 60_000;
    match (min / 60, min % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{} h", integer(lang, h)),
        (h, m) => format!("{} h {m} min", integer(lang, h)),
    }
}

/// A file size: "2,5 MB", "1,2 GB", "340 kB" (at least 1 kB), as the UI writes it.
pub fn size(lang: Language, bytes: u64) -> String {
    const MB: f64 = 1024.0 * 1024.0;
    let b = bytes as f64;
    if b >= 1024.0 * MB {
        format!("{} GB", one_decimal(lang, b / 1024.0 / MB))
    } else if b >= MB {
        format!("{} MB", one_decimal(lang, b / MB))
    } else {
        format!("{} kB", integer(lang, ((b / 1024.0).round() as u64).max(1)))
    }
}

/// An instant as the day ([`Day`]) and the time of day in UTC, said to be
/// UTC: "10 mars 2026 kl. 10:05 UTC".
pub fn date_time_utc(lang: Language, t: &DateTime<Utc>) -> String {
    let day = Day::new(t.date_naive()).text(lang);
    let time = t.format("%H:%M").to_string();
    render_key(lang, "date-time-utc", &|p| match p {
        "day" => Some(day.clone()),
        "time" => Some(time.clone()),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swedish_and_english_conventions() {
        use Language::{En, Sv};
        assert_eq!(integer(Sv, 9767), "9\u{a0}767");
        assert_eq!(integer(En, 1234567), "1,234,567");
        assert_eq!(integer(Sv, 12), "12");
        assert_eq!(seconds(Sv, 7800), "7,8 s");
        assert_eq!(seconds(En, 7849), "7.8 s");
        assert_eq!(duration(Sv, 59_940), "59,9 s");
        assert_eq!(duration(Sv, 30 * 60_000), "30 min");
        assert_eq!(duration(En, 125 * 60_000), "2 h 5 min");
        assert_eq!(size(Sv, 2_621_440), "2,5 MB");
        assert_eq!(size(En, 2_621_440), "2.5 MB");
        assert_eq!(size(Sv, 300), "1 kB");
        assert_eq!(size(Sv, 3 * 1024 * 1024 * 1024 / 2), "1,5 GB");
        let t = Utc.with_ymd_and_hms(2026, 3, 10, 10, 5, 0).unwrap();
        assert_eq!(date_time_utc(Sv, &t), "10 mars 2026 kl. 10:05 UTC");
        assert_eq!(date_time_utc(En, &t), "10 March 2026 at 10:05 UTC");
    }
}
