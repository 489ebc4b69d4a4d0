//! The typed parameters of messages and how each becomes text. Plain values
//! (text, numbers, booleans, a choice like [`NetCause`]) become their own
//! text, which a `.ftl` select can choose on; dates and lists of names are
//! written with the catalogue's own words (month names, "och"/"and").

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{render_key, Language, Message};

/// A parameter of a message: its text in a language, and a sample value
/// (for the catalogue's tests; text samples are Swedish-neutral).
pub trait Arg {
    fn text(&self, lang: Language) -> String;
    fn sample() -> Self
    where
        Self: Sized;
    /// How the UI's renderer (`ui/src/lib/messages.ts`) writes this
    /// parameter where its JSON alone does not say: `utc-time`, `millis`,
    /// `word:KEY:PARAM` (a choice written by a helper key), `words:KEY:PARAM`
    /// (a list of them, joined by ", "); `None`: the JSON says.
    fn hint() -> Option<String>
    where
        Self: Sized,
    {
        None
    }
    /// Every value's name, for a choice a `.ftl` select chooses on by name
    /// (the catalogue's test requires a variant for each); empty otherwise.
    fn choices() -> Vec<String>
    where
        Self: Sized,
    {
        Vec::new()
    }
}

impl Arg for String {
    fn text(&self, _: Language) -> String {
        self.clone()
    }
    fn sample() -> Self {
        "Ö".into()
    }
}

macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl Arg for $t {
            fn text(&self, _: Language) -> String {
                self.to_string()
            }
            fn sample() -> Self {
                2
            }
        }
    )*};
}
number_arg!(u16, u32, u64, usize, i64);

impl Arg for bool {
    fn text(&self, _: Language) -> String {
        self.to_string()
    }
    fn sample() -> Self {
        true
    }
}

/// A list of problems, each a message, shown one after the other.
impl Arg for Vec<Message> {
    fn text(&self, lang: Language) -> String {
        self.iter()
            .map(|m| m.render(lang))
            .collect::<Vec<_>>()
            .join("; ")
    }
    fn sample() -> Self {
        vec![Message::StoreBusy {}, Message::StoreBusy {}]
    }
}

/// A message inside a message (a cause, an explanation).
impl Arg for Box<Message> {
    fn text(&self, lang: Language) -> String {
        self.render(lang)
    }
    fn sample() -> Self {
        Box::new(Message::ScheduleNoNextWindow {})
    }
}

/// A day, written "1 mars 2027" / "1 March 2027".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Day {
    #[ts(type = "string")]
    pub date: NaiveDate,
}

impl Day {
    pub fn new(date: NaiveDate) -> Day {
        Day { date }
    }
}

fn month(lang: Language, d: NaiveDate) -> String {
    render_key(lang, &format!("month-{}", d.month()), &|_| None)
}

impl Arg for Day {
    fn text(&self, lang: Language) -> String {
        let d = self.date;
        render_key(lang, "date", &|p| match p {
            "day" => Some(d.day().to_string()),
            "month" => Some(month(lang, d)),
            "year" => Some(d.year().to_string()),
            _ => None,
        })
    }
    fn sample() -> Self {
        Day::new(NaiveDate::from_ymd_opt(2027, 3, 1).unwrap_or_default())
    }
}

/// Two days, "1 oktober–30 november 2027" (the year once when both share it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Span {
    #[ts(type = "string")]
    pub from: NaiveDate,
    #[ts(type = "string")]
    pub to: NaiveDate,
}

impl Arg for Span {
    fn text(&self, lang: Language) -> String {
        let (a, b) = (self.from, self.to);
        let to = Day::new(b).text(lang);
        if a.year() == b.year() {
            render_key(lang, "date-span-same-year", &|p| match p {
                "from_day" => Some(a.day().to_string()),
                "from_month" => Some(month(lang, a)),
                "to" => Some(to.clone()),
                _ => None,
            })
        } else {
            let from = Day::new(a).text(lang);
            render_key(lang, "date-span", &|p| match p {
                "from" => Some(from.clone()),
                "to" => Some(to.clone()),
                _ => None,
            })
        }
    }
    fn sample() -> Self {
        let d = |m| NaiveDate::from_ymd_opt(2027, m, 1).unwrap_or_default();
        Span {
            from: d(10),
            to: d(11),
        }
    }
}

/// Names in a sentence: "A", "A och B", "A, B och C", "A, B, C och 2 till".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Names {
    pub list: Vec<String>,
}

impl Names {
    /// How many names are written out before "och N till".
    pub const SHOWN: usize = 3;
    pub fn new<S: Into<String>>(names: impl IntoIterator<Item = S>) -> Names {
        Names {
            list: names.into_iter().map(Into::into).collect(),
        }
    }
}

impl Arg for Names {
    fn text(&self, lang: Language) -> String {
        let n = &self.list;
        match n.len() {
            0 => String::new(),
            1 => n[0].clone(),
            len if len <= Self::SHOWN => {
                let first = n[..len - 1].join(", ");
                render_key(lang, "list-and", &|p| match p {
                    "first" => Some(first.clone()),
                    "last" => Some(n[len - 1].clone()),
                    _ => None,
                })
            }
            len => {
                let shown = n[..Self::SHOWN].join(", ");
                render_key(lang, "list-and-more", &|p| match p {
                    "shown" => Some(shown.clone()),
                    "more" => Some((len - Self::SHOWN).to_string()),
                    _ => None,
                })
            }
        }
    }
    fn sample() -> Self {
        Names::new(["Ö", "Å"])
    }
}

/// Why Chromium could not open an address (from its `net::ERR_…` code).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "kebab-case")]
pub enum NetCause {
    /// The host name could not be found (DNS).
    Dns,
    /// The server could not be reached.
    Unreachable,
    RedirectLoop,
    Refused,
    /// The TLS certificate could not be verified.
    Tls,
    Other,
}

impl NetCause {
    /// From Chromium's error text (`net::ERR_NAME_NOT_RESOLVED`).
    pub fn of(err: &str) -> NetCause {
        match err.trim_start_matches("net::") {
            "ERR_NAME_NOT_RESOLVED" | "ERR_NAME_RESOLUTION_FAILED" => NetCause::Dns,
            "ERR_CONNECTION_REFUSED"
            | "ERR_ADDRESS_UNREACHABLE"
            | "ERR_CONNECTION_TIMED_OUT"
            | "ERR_INTERNET_DISCONNECTED"
            | "ERR_CONNECTION_RESET"
            | "ERR_CONNECTION_CLOSED"
            | "ERR_EMPTY_RESPONSE"
            | "ERR_NETWORK_UNREACHABLE" => NetCause::Unreachable,
            "ERR_TOO_MANY_REDIRECTS" => NetCause::RedirectLoop,
            "ERR_BLOCKED_BY_CLIENT" | "ERR_BLOCKED_BY_RESPONSE" => NetCause::Refused,
            e if e.starts_with("ERR_CERT")
                || e.starts_with("ERR_SSL")
                || e.contains("CERTIFICATE") =>
            {
                NetCause::Tls
            }
            _ => NetCause::Other,
        }
    }
}

impl Arg for NetCause {
    fn text(&self, _: Language) -> String {
        serde_plain(self)
    }
    fn sample() -> Self {
        NetCause::Dns
    }
}

/// A unit enum's serde name.
pub(crate) fn serde_plain<T: Serialize + std::fmt::Debug>(v: &T) -> String {
    // Kebab-case of the Debug name, as serde's rename_all writes it.
    let mut out = String::new();
    for (i, c) in format!("{v:?}").chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 {
                out.push('-');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// Messages that each stand for a block of their own (the rows of a CSV
/// file), shown one after the other with ` | ` between them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Blocks {
    pub list: Vec<Message>,
}

impl Arg for Blocks {
    fn text(&self, lang: Language) -> String {
        self.list
            .iter()
            .map(|m| m.render(lang))
            .collect::<Vec<_>>()
            .join(" | ")
    }
    fn sample() -> Self {
        Blocks {
            list: vec![Message::StoreBusy {}, Message::StoreBusy {}],
        }
    }
}

macro_rules! text_fields {
    ($( $(#[$m:meta])* $variant:ident = $name:literal ),* $(,)?) => {
        /// A text field of a form (the register, a removal record, a mark),
        /// named in the sentence that refuses its value.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
        #[ts(export)]
        #[serde(rename_all = "kebab-case")]
        pub enum TextField {
            $( $(#[$m])* #[serde(rename = $name)] $variant, )*
        }

        impl TextField {
            /// Every field, in declaration order.
            pub const ALL: &'static [TextField] = &[$(TextField::$variant),*];

            /// The field's name as the catalogue's helper key `field-<name>` has it.
            pub fn name(self) -> &'static str {
                match self { $(TextField::$variant => $name),* }
            }
        }
    };
}

text_fields! {
    Name = "name",
    Board = "board",
    Unit = "unit",
    Responsible = "responsible",
    Substitute = "substitute",
    Purpose = "purpose",
    Audience = "audience",
    Notes = "notes",
    /// A removal record's fields.
    Author = "author",
    RemovedBy = "removed-by",
    Text = "text",
    DiaryNumber = "diary-number",
    PoliceReport = "police-report",
    GroundText = "ground-text",
    ContactMessage = "contact-message",
    ForwardedTo = "forwarded-to",
    CertifiedBy = "certified-by",
    /// A removal ground's wording.
    Ground = "ground",
    /// A mark's fields: the secrecy provision and the note.
    Secrecy = "secrecy",
    MarkNote = "mark-note",
    /// A person's login name (roles).
    Login = "login",
    /// h-close: the decision to close an account.
    Decision = "decision",
}

/// A [`TextField`] as a parameter, `{"field": "unit"}`: its name is the
/// helper key `field-unit` in each language (an object, so the UI's renderer
/// tells it from plain text).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Field {
    pub field: TextField,
}

impl From<TextField> for Field {
    fn from(field: TextField) -> Field {
        Field { field }
    }
}

impl Arg for Field {
    fn text(&self, lang: Language) -> String {
        render_key(lang, &format!("field-{}", self.field.name()), &|_| None)
    }
    fn sample() -> Self {
        TextField::Name.into()
    }
}

// h-roles
/// Roles in a sentence, each in the language's word (`role-name`), joined as
/// [`Names`]: "handläggare och chef". Serialised `{"roles": ["handlaggare", …]}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RoleNames {
    pub roles: Vec<String>,
}

impl RoleNames {
    pub fn new<S: Into<String>>(roles: impl IntoIterator<Item = S>) -> RoleNames {
        RoleNames {
            roles: roles.into_iter().map(Into::into).collect(),
        }
    }
}

impl Arg for RoleNames {
    fn text(&self, lang: Language) -> String {
        Names::new(
            self.roles
                .iter()
                .map(|r| Message::RoleName { role: r.clone() }.render(lang)),
        )
        .text(lang)
    }
    fn sample() -> Self {
        RoleNames::new(["arkivarie", "chef"])
    }
}
