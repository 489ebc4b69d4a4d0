//! The sentences of the removal records and diary numbers, in Swedish and
//! English, in one place (to move into the message catalogue as a whole).
//! An [`AppError`] carries the English one today; [`Problem::sv`] is what
//! the Swedish window shows once errors carry both.

use ogonblick_model::{ChannelId, ErrorCode, RemovedKind};

use crate::AppError;

/// What is wrong with a removal record or a diary number request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    UnknownGround {
        given: String,
        known: String,
    },
    GroundNeedsText {
        code: String,
    },
    CaptureFailed {
        url: String,
        snapshot: String,
        why: String,
    },
    BothEvidence,
    FileMissing {
        path: String,
    },
    FileNotScreenshot {
        path: String,
    },
    FileTooLarge {
        path: String,
        limit_mib: u64,
    },
    InFuture {
        field: &'static str,
        value: String,
    },
    BeforeChannel {
        field: &'static str,
        value: String,
        channel: ChannelId,
        created: String,
    },
    BadDate {
        value: String,
    },
    BadAddress {
        reason: String,
    },
    BadText {
        reason: String,
    },
    EmptyName {
        field: &'static str,
    },
    NoChange,
    NoDiaryTargets,
    UnknownDiaryTarget {
        id: String,
    },
    BadYear {
        value: String,
    },
}

impl Problem {
    pub fn code(&self) -> ErrorCode {
        ErrorCode::InvalidInput
    }

    pub fn en(&self) -> String {
        match self {
            Problem::UnknownGround { given, known } => format!(
                "'{given}' is not a removal ground of the organisation: use one of {known} (`ogonblick removal grounds` lists them)"
            ),
            Problem::GroundNeedsText { code } => format!(
                "the ground '{code}' needs a text that says what the ground is: give --ground-text TEXT"
            ),
            Problem::CaptureFailed { url, snapshot, why } => format!(
                "the capture of {url} before the removal failed ({why}); the failed snapshot {snapshot} keeps what was tried and no removal record was made: try again, or give your own screenshot with --file SCREENSHOT (PNG, JPEG or PDF) if the item is already gone"
            ),
            Problem::BothEvidence => "give either --snapshot or --file, not both".into(),
            Problem::FileMissing { path } => format!("{path} is not a file: give the path of the screenshot"),
            Problem::FileNotScreenshot { path } => format!(
                "{path} is not a PNG, JPEG or PDF file: save the screenshot as one of those and give that file"
            ),
            Problem::FileTooLarge { path, limit_mib } => format!(
                "{path} is larger than {limit_mib} MiB, the limit for a screenshot: crop it or save it as JPEG"
            ),
            Problem::InFuture { field, value } => format!(
                "{field} {value} is in the future: give the date and time it happened"
            ),
            Problem::BeforeChannel { field, value, channel, created } => format!(
                "{field} {value} is before channel {channel} was registered ({created}): check the date"
            ),
            Problem::BadDate { value } => format!(
                "'{value}' is not a date: write YYYY-MM-DD, YYYY-MM-DD HH:MM (Swedish time) or RFC 3339"
            ),
            Problem::BadAddress { reason } => format!("the item's address is refused: {reason}"),
            Problem::BadText { reason } => reason.clone(),
            Problem::EmptyName { field } => format!("{field} is empty: give a name"),
            Problem::NoChange => "nothing to correct: give at least one field to change".into(),
            Problem::NoDiaryTargets => "no snapshot or removal record matches: give ids, or --channel/--board with --year that has some".into(),
            Problem::UnknownDiaryTarget { id } => format!(
                "no snapshot or removal record has id {id}: run `ogonblick history` or `ogonblick removal list` to see the ids; nothing was changed"
            ),
            Problem::BadYear { value } => format!("'{value}' is not a year: give e.g. --year 2027"),
        }
    }

    pub fn sv(&self) -> String {
        match self {
            Problem::UnknownGround { given, known } => format!(
                "”{given}” är inte en av organisationens grunder för borttagning: använd någon av {known} (`ogonblick removal grounds` visar dem)"
            ),
            Problem::GroundNeedsText { code } => format!(
                "Grunden ”{code}” behöver en text som säger vilken grunden är: ange --ground-text TEXT"
            ),
            Problem::CaptureFailed { url, snapshot, why } => format!(
                "Fångsten av {url} före borttagningen misslyckades ({why}); den misslyckade ögonblicksbilden {snapshot} visar vad som prövades och ingen post om borttaget innehåll skapades: försök igen, eller ange en egen skärmbild med --file SKÄRMBILD (PNG, JPEG eller PDF) om inlägget redan är borta"
            ),
            Problem::BothEvidence => "Ange antingen --snapshot eller --file, inte båda".into(),
            Problem::FileMissing { path } => format!("{path} är ingen fil: ange sökvägen till skärmbilden"),
            Problem::FileNotScreenshot { path } => format!(
                "{path} är inte en PNG-, JPEG- eller PDF-fil: spara skärmbilden i något av de formaten och ange den filen"
            ),
            Problem::FileTooLarge { path, limit_mib } => format!(
                "{path} är större än {limit_mib} MiB, gränsen för en skärmbild: beskär den eller spara den som JPEG"
            ),
            Problem::InFuture { field, value } => format!(
                "{} {value} ligger i framtiden: ange när det hände",
                field_sv(field)
            ),
            Problem::BeforeChannel { field, value, channel, created } => format!(
                "{} {value} ligger före registreringen av kanal {channel} ({created}): kontrollera datumet",
                field_sv(field)
            ),
            Problem::BadDate { value } => format!(
                "”{value}” är inget datum: skriv ÅÅÅÅ-MM-DD, ÅÅÅÅ-MM-DD TT:MM (svensk tid) eller RFC 3339"
            ),
            Problem::BadAddress { reason } => format!("Inläggets adress godtas inte: {reason}"),
            Problem::BadText { reason } => format!("Texten godtas inte: {reason}"),
            Problem::EmptyName { field } => format!("{} är tomt: ange ett namn", field_sv(field)),
            Problem::NoChange => "Inget att rätta: ange minst ett fält att ändra".into(),
            Problem::NoDiaryTargets => "Ingen ögonblicksbild eller post om borttaget innehåll matchar: ange id:n, eller --channel/--board med ett --year som har några".into(),
            Problem::UnknownDiaryTarget { id } => format!(
                "Ingen ögonblicksbild eller post om borttaget innehåll har id {id}: `ogonblick history` och `ogonblick removal list` visar id:n; inget ändrades"
            ),
            Problem::BadYear { value } => format!("”{value}” är inget år: ange t.ex. --year 2027"),
        }
    }
}

fn field_sv(field: &str) -> &'static str {
    match field {
        "published at" => "Publiceringstiden",
        "removed at" => "Tiden för borttagningen",
        "contacted at" => "Tiden för kontakten",
        "forwarded at" => "Tiden för vidarebefordran",
        "police report date" => "Polisanmälans datum",
        "certified by" => "Bestyrkt av",
        "removed by" => "Borttaget av",
        _ => "Fältet",
    }
}

impl From<Problem> for AppError {
    fn from(p: Problem) -> Self {
        AppError::new(p.code(), p.en())
    }
}

/// The message to the author (Swedish; the Nacka guideline's example),
/// naming the channel's rules page.
pub fn contact_template(
    author: Option<&str>,
    kind: RemovedKind,
    rules_page: &str,
    sender: &str,
    organisation: &str,
) -> String {
    let org = if organisation.trim().is_empty() {
        String::new()
    } else {
        format!(" / {organisation}")
    };
    let your = match kind {
        RemovedKind::Comment | RemovedKind::Image => "Din",
        _ => "Ditt",
    };
    format!(
        "Hej {}. {your} {} går emot våra kommenteringsregler, som du hittar på {rules_page}, och har därför tagits bort. Med vänliga hälsningar, {sender}{org}",
        author.unwrap_or("där"),
        kind.labels().0
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_problem_reads_in_both_languages() {
        let all = [
            Problem::UnknownGround {
                given: "x".into(),
                known: "hot".into(),
            },
            Problem::GroundNeedsText {
                code: "annat".into(),
            },
            Problem::CaptureFailed {
                url: "a".into(),
                snapshot: "s".into(),
                why: "w".into(),
            },
            Problem::BothEvidence,
            Problem::FileMissing { path: "a".into() },
            Problem::FileNotScreenshot { path: "a".into() },
            Problem::FileTooLarge {
                path: "a".into(),
                limit_mib: 50,
            },
            Problem::InFuture {
                field: "removed at",
                value: "2030".into(),
            },
            Problem::BeforeChannel {
                field: "removed at",
                value: "2020".into(),
                channel: 1,
                created: "2026".into(),
            },
            Problem::BadDate { value: "x".into() },
            Problem::BadAddress { reason: "r".into() },
            Problem::BadText { reason: "r".into() },
            Problem::EmptyName {
                field: "certified by",
            },
            Problem::NoChange,
            Problem::NoDiaryTargets,
            Problem::UnknownDiaryTarget { id: "x".into() },
            Problem::BadYear { value: "x".into() },
        ];
        for p in all {
            assert!(!p.en().is_empty() && !p.sv().is_empty());
            assert_ne!(p.en(), p.sv(), "{p:?}");
            assert!(!p.sv().contains("Fältet"), "{p:?}");
        }
    }
}
