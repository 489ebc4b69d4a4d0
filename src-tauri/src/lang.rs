//! The language of the texts the desktop shows itself (dialog titles,
//! notifications of the background scheduler, the `message` of a refusal).
//! Swedish unless the window says otherwise with `set_language` (the UI
//! sends its choice, kept in its localStorage, at start and on every switch).

use std::sync::atomic::{AtomicBool, Ordering};

use ogonblick_model::ErrorPayload;

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

/// `e` with its `message` rendered from its catalogue `key` in `lang`; a
/// payload without a key keeps its text.
pub fn in_language(mut e: ErrorPayload, lang: Language) -> ErrorPayload {
    if let Some(m) = &e.key {
        e.message = m.render(lang);
    }
    e
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
