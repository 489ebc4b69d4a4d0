//! The language of the texts the desktop shows itself (dialog titles,
//! notifications of the background scheduler). Swedish unless the window
//! says otherwise with `set_language`.

use std::sync::atomic::{AtomicBool, Ordering};

/// The UI languages (the message catalogue's); the desktop's dialogs and
/// notifications follow it.
pub use ogonblick_model::Language;

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
