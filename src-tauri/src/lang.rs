//! The language of the texts the desktop shows itself (dialog titles,
//! notifications of the background scheduler). Swedish unless the window
//! says otherwise with `set_language`.

use std::sync::atomic::{AtomicBool, Ordering};

use serde::Deserialize;
use ts_rs::TS;

/// The UI languages; the desktop's dialogs and notifications follow it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, TS)]
#[ts(export)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    #[default]
    Sv,
    En,
}

/// The current language, shared by the commands and the scheduler thread.
#[derive(Debug, Default)]
pub struct LanguageCell(AtomicBool);

impl LanguageCell {
    pub fn get(&self) -> Language {
        if self.0.load(Ordering::Relaxed) {
            Language::En
        } else {
            Language::Sv
        }
    }
    pub fn set(&self, lang: Language) {
        self.0.store(lang == Language::En, Ordering::Relaxed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swedish_by_default_and_switchable() {
        let cell = LanguageCell::default();
        assert_eq!(cell.get(), Language::Sv);
        cell.set(serde_json::from_str("\"en\"").unwrap());
        assert_eq!(cell.get(), Language::En);
        assert!(serde_json::from_str::<Language>("\"de\"").is_err());
    }
}
