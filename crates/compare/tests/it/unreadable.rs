//! A page that cannot be compared says why in the catalogue's words: the
//! Swedish sentence holds no English of ours, the library's words stay a
//! technical detail.

use ogonblick_compare::{read_text_file, read_tiles};
use ogonblick_model::messages::english::english_words;
use ogonblick_model::Language;

#[test]
fn a_text_file_of_another_format_is_refused_in_swedish() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sida-01.text.json");
    std::fs::write(&path, r#"{"format":"other/2","lines":[]}"#).unwrap();
    let e = read_text_file(&path).unwrap_err();
    let sv = e.message().render(Language::Sv);
    assert!(
        sv.ends_with("är ingen textfil för en sida: dess format är ”other/2”, inte formatet för Ögonblicks sidtext (version 1)"),
        "{sv}"
    );
    assert_eq!(english_words(&sv), Vec::<String>::new(), "{sv}");
    assert!(e.to_string().contains("its format is “other/2”"), "{e}");
}

#[test]
fn a_file_that_is_no_png_keeps_the_library_words_as_a_detail() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("page-01.png");
    std::fs::write(&path, b"not a picture at all").unwrap();
    let e = read_tiles(&path, 64).unwrap_err();
    let sv = e.message().render(Language::Sv);
    assert!(
        sv.contains("är ingen PNG-bild som programmet kan läsa: PNG-läsaren kunde inte läsa den; teknisk uppgift: "),
        "{sv}"
    );
}
