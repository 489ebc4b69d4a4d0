//! File names inside a package. Names come from the register (channel names)
//! and from snapshot manifests; none of them may escape the package folder or
//! carry characters an e-archive cannot store. Only `[A-Za-z0-9._-]` survive;
//! Swedish and other common Latin letters are transliterated.

/// Turns any text into one safe path segment: `[A-Za-z0-9._-]` only, no
/// leading dot or dash, at most 80 bytes, never empty (`unnamed`).
pub fn sanitize_name(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    for c in input.chars() {
        let t: &str = match c {
            'a'..='z' | 'A'..='Z' | '0'..='9' | '.' | '-' | '_' => {
                out.push(c);
                continue;
            }
            'å' | 'ä' | 'à' | 'á' | 'â' | 'ã' => "a",
            'Å' | 'Ä' | 'À' | 'Á' | 'Â' | 'Ã' => "A",
            'ö' | 'ø' | 'ò' | 'ó' | 'ô' | 'õ' => "o",
            'Ö' | 'Ø' | 'Ò' | 'Ó' | 'Ô' | 'Õ' => "O",
            'é' | 'è' | 'ê' | 'ë' => "e",
            'É' | 'È' | 'Ê' | 'Ë' => "E",
            'ü' | 'ú' | 'ù' | 'û' => "u",
            'Ü' | 'Ú' | 'Ù' | 'Û' => "U",
            'í' | 'ì' | 'î' | 'ï' => "i",
            'Í' | 'Ì' | 'Î' | 'Ï' => "I",
            'æ' => "ae",
            'Æ' => "AE",
            'ß' => "ss",
            'ç' => "c",
            'Ç' => "C",
            'ñ' => "n",
            'Ñ' => "N",
            _ => "_",
        };
        out.push_str(t);
    }
    // Collapse runs of '_' and of '.', so ".." can never survive.
    let mut collapsed = String::with_capacity(out.len());
    let mut prev = '\0';
    for c in out.chars() {
        if (c == '_' || c == '.') && c == prev {
            continue;
        }
        collapsed.push(c);
        prev = c;
    }
    let trimmed = collapsed
        .trim_start_matches(['.', '-', '_'])
        .trim_end_matches(['.', '_']);
    let mut s: String = trimmed.to_string();
    if s.len() > 80 {
        s.truncate(80);
        s = s.trim_end_matches(['.', '_']).to_string();
    }
    if s.is_empty() {
        "unnamed".to_string()
    } else {
        s
    }
}

/// Register text for one line of a generated text document: control
/// characters (NUL, line breaks, escapes …), which would make the document
/// binary or break its lines, become U+FFFD, as in the XML (`xml::esc`).
pub fn one_line(input: &str) -> String {
    input
        .chars()
        .map(|c| if c.is_control() { '\u{FFFD}' } else { c })
        .collect()
}

/// Sanitises a `/`-separated relative path segment by segment. Returns `None`
/// for an absolute path or one with `..` (it would escape its folder).
pub fn sanitize_rel_path(path: &str) -> Option<String> {
    if path.starts_with('/') || path.starts_with('\\') || path.contains('\\') || path.contains(':')
    {
        return None;
    }
    let mut parts = Vec::new();
    for seg in path.split('/') {
        match seg {
            "" | "." => continue,
            ".." => return None,
            s => parts.push(sanitize_name(s)),
        }
    }
    if parts.is_empty() {
        None
    } else {
        Some(parts.join("/"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transliterates_and_replaces() {
        assert_eq!(
            sanitize_name("Kulturnämnden på Öland"),
            "Kulturnamnden_pa_Oland"
        );
        assert_eq!(sanitize_name("../../etc/passwd"), "etc_passwd");
        assert_eq!(sanitize_name(".."), "unnamed");
        assert_eq!(sanitize_name(""), "unnamed");
        assert_eq!(sanitize_name("a<b>c:d\"e|f?g*h"), "a_b_c_d_e_f_g_h");
        assert_eq!(sanitize_name("😀 Emoji"), "Emoji");
        assert!(sanitize_name(&"x".repeat(300)).len() <= 80);
    }

    #[test]
    fn rel_paths_never_escape() {
        assert_eq!(
            sanitize_rel_path("page-01/shot.png").as_deref(),
            Some("page-01/shot.png")
        );
        assert_eq!(sanitize_rel_path("../x.png"), None);
        assert_eq!(sanitize_rel_path("/etc/passwd"), None);
        assert_eq!(sanitize_rel_path("a/../../b"), None);
        assert_eq!(sanitize_rel_path("C:\\x"), None);
        assert_eq!(
            sanitize_rel_path("sida ö/bild 1.png").as_deref(),
            Some("sida_o/bild_1.png")
        );
    }
}
