//! The page text file the capture keeps (`<stem>.text.json`, format
//! `ogonblick-page-text/1`), and how alike two lists of lines are.

use std::collections::HashMap;
use std::path::Path;

use serde::Deserialize;

use ogonblick_model::Message;

use crate::CompareError;

/// The largest text file read (a page's text is far smaller).
const MAX_TEXT_BYTES: u64 = 64 * 1024 * 1024;

/// One line of a page's text: its top in CSS px and its words.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct TextLine {
    pub y: f32,
    pub text: String,
}

#[derive(Deserialize)]
struct TextFile {
    format: String,
    lines: Vec<TextLine>,
}

/// Reads a page's text file.
pub fn read_text_file(path: &Path) -> Result<Vec<TextLine>, CompareError> {
    let io = |source| CompareError::Io {
        path: path.to_path_buf(),
        source,
    };
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > MAX_TEXT_BYTES {
        return Err(CompareError::Text {
            path: path.to_path_buf(),
            why: Box::new(Message::TextFileTooLarge {
                size,
                max: MAX_TEXT_BYTES,
            }),
        });
    }
    let bytes = std::fs::read(path).map_err(io)?;
    let file: TextFile = serde_json::from_slice(&bytes).map_err(|e| CompareError::Text {
        path: path.to_path_buf(),
        why: Box::new(Message::TextFileJson {
            detail: e.to_string(),
        }),
    })?;
    if file.format != "ogonblick-page-text/1" {
        return Err(CompareError::Text {
            path: path.to_path_buf(),
            why: Box::new(Message::TextFileFormat {
                format: file.format,
            }),
        });
    }
    Ok(file.lines)
}

/// A line as compared: words separated by one space.
pub(crate) fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// How alike two lists of lines are: twice the lines they share (as
/// multisets) over the lines of both, 1 when both are empty.
pub(crate) fn similarity(a: &[String], b: &[String]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let common = a.len() - only_in(a, b, usize::MAX).len();
    (2 * common) as f64 / (a.len() + b.len()) as f64
}

/// The lines of `a` that `b` lacks (as multisets), in `a`'s order, at most `max`.
pub(crate) fn only_in(a: &[String], b: &[String], max: usize) -> Vec<String> {
    let mut left: HashMap<&str, usize> = HashMap::new();
    for l in b {
        *left.entry(l.as_str()).or_default() += 1;
    }
    let mut out = Vec::new();
    for l in a {
        match left.get_mut(l.as_str()) {
            Some(n) if *n > 0 => *n -= 1,
            _ => {
                if out.len() < max {
                    out.push(l.clone());
                } else if max != usize::MAX {
                    break;
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &[&str]) -> Vec<String> {
        s.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn similarity_counts_shared_lines() {
        assert_eq!(similarity(&[], &[]), 1.0);
        assert_eq!(similarity(&v(&["a", "b"]), &v(&["a", "b"])), 1.0);
        assert_eq!(similarity(&v(&["a", "b"]), &v(&["c"])), 0.0);
        assert_eq!(similarity(&v(&["a", "b"]), &v(&["a", "c"])), 0.5);
        assert_eq!(
            only_in(&v(&["a", "a", "b"]), &v(&["a"]), 10),
            v(&["a", "b"])
        );
    }
}
