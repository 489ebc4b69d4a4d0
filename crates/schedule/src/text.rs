//! Dates in Swedish and English sentences.

use chrono::{Datelike, NaiveDate};

const SV: [&str; 12] = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
];
const EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "1 mars 2027".
pub fn sv_day(d: NaiveDate) -> String {
    format!("{} {} {}", d.day(), SV[d.month0() as usize], d.year())
}

/// "1 March 2027".
pub fn en_day(d: NaiveDate) -> String {
    format!("{} {} {}", d.day(), EN[d.month0() as usize], d.year())
}

/// "1 oktober–30 november 2027", or with both years when they differ.
pub fn sv_span(a: NaiveDate, b: NaiveDate) -> String {
    if a.year() == b.year() {
        format!("{} {}–{}", a.day(), SV[a.month0() as usize], sv_day(b))
    } else {
        format!("{}–{}", sv_day(a), sv_day(b))
    }
}

pub fn en_span(a: NaiveDate, b: NaiveDate) -> String {
    if a.year() == b.year() {
        format!("{} {}–{}", a.day(), EN[a.month0() as usize], en_day(b))
    } else {
        format!("{}–{}", en_day(a), en_day(b))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_read_naturally() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(
            sv_span(d(2027, 10, 1), d(2027, 11, 30)),
            "1 oktober–30 november 2027"
        );
        assert_eq!(
            sv_span(d(2027, 12, 15), d(2028, 1, 7)),
            "15 december 2027–7 januari 2028"
        );
        assert_eq!(en_day(d(2028, 2, 29)), "29 February 2028");
    }
}
