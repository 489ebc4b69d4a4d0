//! The one validator of page addresses and of register text, used by the
//! register (add, edit, CSV import), the capture engine and both front-ends,
//! so that an address the register accepts is one a capture accepts.

use std::borrow::Cow;

use ogonblick_messages::{Message, TextField};

/// Checks that `input` is an address Ögonblick can capture and returns it
/// trimmed. The rules: `http://` or `https://` followed by a host; no space,
/// control character, bidirectional-text control or backslash anywhere (a
/// browser would silently change them, so the register would not hold what
/// was captured); no user name or password (sign-in details would end up in
/// the register, every snapshot, package and CSV export). The error is a
/// sentence of the catalogue that says what to do.
pub fn validate_url(input: &str) -> Result<String, Message> {
    let s = input.trim();
    if s.is_empty() {
        return Err(Message::UrlEmpty {});
    }
    let url = shown(s);
    if let Some(c) = s
        .chars()
        .find(|c| c.is_whitespace() || c.is_control() || is_bidi_control(*c))
    {
        return Err(if c == ' ' {
            Message::UrlSpace { url }
        } else {
            Message::UrlInvisible {
                url,
                code: code_point(c),
            }
        });
    }
    if s.contains('\\') {
        return Err(Message::UrlBackslash { url });
    }
    let u = match url::Url::parse(s) {
        Ok(u) => u,
        Err(url::ParseError::RelativeUrlWithoutBase) => return Err(Message::UrlNoScheme { url }),
        Err(e) => {
            return Err(Message::UrlInvalid {
                url,
                detail: e.to_string(),
            })
        }
    };
    let scheme = u.scheme();
    if scheme != "http" && scheme != "https" {
        return Err(Message::UrlScheme {
            url,
            scheme: scheme.to_string(),
        });
    }
    let after_scheme = &s[scheme.len() + 1..];
    if !after_scheme.starts_with("//")
        || after_scheme.starts_with("///")
        || u.host_str().is_none_or(str::is_empty)
    {
        return Err(Message::UrlNoHost { url });
    }
    if !u.username().is_empty() || u.password().is_some() {
        let mut clean = u.clone();
        let _ = clean.set_username("");
        let _ = clean.set_password(None);
        return Err(Message::UrlSignIn {
            url: shown(&redacted(s)),
            clean: shown(clean.as_str()),
        });
    }
    Ok(s.to_string())
}

/// `s` with the part between `://` and the `@` of the authority replaced by
/// `…`, so that an error never repeats a password.
fn redacted(s: &str) -> String {
    let Some(start) = s.find("://").map(|i| i + 3) else {
        return s.to_string();
    };
    let rest = &s[start..];
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    match rest[..end].rfind('@') {
        Some(at) => format!("{}…{}", &s[..start], &rest[at..]),
        None => s.to_string(),
    }
}

/// The key under which a page address is unique in the register: the host
/// in lower case without a leading `www.`, the path without a trailing `/`,
/// and the query; the scheme (http/https), default port and fragment do not
/// count. `None` when the address is not a valid http(s) address.
pub fn normalise_url(input: &str) -> Option<String> {
    let u = url::Url::parse(input.trim()).ok()?;
    if u.scheme() != "http" && u.scheme() != "https" {
        return None;
    }
    let host = u.host_str()?.to_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
    let mut key = host;
    if let Some(port) = u.port() {
        key.push(':');
        key.push_str(&port.to_string());
    }
    let path = u.path().trim_end_matches('/');
    key.push_str(path);
    if let Some(q) = u.query() {
        if !q.is_empty() {
            key.push('?');
            key.push_str(q);
        }
    }
    Some(key)
}

/// Whether two addresses name the same page in the register's sense (see
/// [`normalise_url`]); addresses that are not valid compare as written.
pub fn same_address(a: &str, b: &str) -> bool {
    match (normalise_url(a), normalise_url(b)) {
        (Some(x), Some(y)) => x == y,
        (None, None) => a.trim() == b.trim(),
        _ => false,
    }
}

/// The characters that reorder text on screen (embeddings, overrides,
/// isolates and the invisible direction marks): a name holding one can show
/// as something other than what is stored (the "Trojan Source" trick).
pub fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}

/// Characters that must not reach a terminal raw: control characters (an
/// escape sequence can rewrite the screen or the window title) and
/// bidirectional-text controls.
pub fn is_unsafe_char(c: char) -> bool {
    c.is_control() || is_bidi_control(c)
}

fn code_point(c: char) -> String {
    format!("U+{:04X}", c as u32)
}

/// Checks a text field of a form (`field` names it in the sentence).
/// Control characters and bidirectional-text controls are refused;
/// `multiline` fields (purpose, notes) may hold line breaks and tabs.
pub fn check_text(field: TextField, value: &str, multiline: bool) -> Result<(), Message> {
    let bad = value
        .chars()
        .find(|&c| is_unsafe_char(c) && !(multiline && (c == '\n' || c == '\r' || c == '\t')));
    match bad {
        None => Ok(()),
        Some(c) if is_bidi_control(c) => Err(Message::TextDirection {
            field: field.into(),
            value: shown(value),
            code: code_point(c),
        }),
        Some(c) => Err(Message::TextControl {
            field: field.into(),
            value: shown(value),
            code: code_point(c),
            multiline,
        }),
    }
}

/// `s` with every character that must not reach a terminal written out as
/// `\u{…}`; with `keep_lines`, line breaks and tabs stay.
pub fn escape_unsafe(s: &str, keep_lines: bool) -> Cow<'_, str> {
    let keep = |c: char| keep_lines && (c == '\n' || c == '\t');
    if !s.chars().any(|c| is_unsafe_char(c) && !keep(c)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_unsafe_char(c) && !keep(c) {
            out.push_str(&format!("\\u{{{:04x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A value as an error message shows it: unsafe characters escaped, at most
/// 80 characters.
fn shown(s: &str) -> String {
    let s = escape_unsafe(s, false);
    if s.chars().count() > 80 {
        let mut t: String = s.chars().take(77).collect();
        t.push_str("...");
        t
    } else {
        s.into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ogonblick_messages::Language;

    /// The refusal's English sentence.
    fn en<T: std::fmt::Debug>(r: Result<T, Message>) -> String {
        r.unwrap_err().render(Language::En)
    }

    #[test]
    fn address_refusals_speak_swedish_too() {
        let sv = validate_url("https://anna:hemligt@x.se/")
            .unwrap_err()
            .render(Language::Sv);
        assert!(sv.contains("användarnamn eller lösenord"), "{sv}");
        assert!(!sv.contains("hemligt"), "{sv}");
        let sv = validate_url("ftp://x.se/a")
            .unwrap_err()
            .render(Language::Sv);
        assert!(
            sv.contains("”ftp:”") && sv.contains("kan inte fångas"),
            "{sv}"
        );
    }

    #[test]
    fn normalises_scheme_www_slash_and_case() {
        let a = normalise_url("https://www.Facebook.com/nacka/").unwrap();
        let b = normalise_url("http://facebook.com/nacka#about").unwrap();
        assert_eq!(a, b);
        assert_ne!(
            a,
            normalise_url("https://facebook.com/nacka/about").unwrap()
        );
    }

    #[test]
    fn rejects_non_web_schemes_with_advice() {
        for bad in [
            "javascript:alert(1)",
            "file:///etc/passwd",
            "data:text/html,x",
            "ftp://x.se/a",
        ] {
            let e = en(validate_url(bad));
            assert!(e.contains("only http:// and https://"), "{bad}: {e}");
            assert!(e.contains("addresses cannot be captured"), "{bad}: {e}");
        }
        let e = en(validate_url("facebook.com/nacka"));
        assert!(e.contains("https://facebook.com/nacka"), "{e}");
    }

    #[test]
    fn refuses_what_a_browser_would_change() {
        for (bad, needle) in [
            ("https://x.se/a b", "a space"),
            ("https://x.se/a\u{1b}[2J", "U+001B"),
            ("https://x.se/\u{202e}gpj.exe", "U+202E"),
            ("https://x.se\\sida", "backslash"),
            ("https:\\\\x.se\\sida", "backslash"),
            ("https:x.se/sida", "https://host/path"),
            ("https:///sida", "https://host/path"),
        ] {
            let e = en(validate_url(bad));
            assert!(e.contains(needle), "{bad:?}: {e}");
            assert!(!e.contains('\u{1b}') && !e.contains('\u{202e}'), "{e}");
        }
        assert_eq!(
            validate_url("  https://x.se/a%20b?q=1#x ").unwrap(),
            "https://x.se/a%20b?q=1#x"
        );
        assert!(validate_url("https://mastodon.social/@nacka").is_ok());
    }

    #[test]
    fn refuses_sign_in_details_without_repeating_the_password() {
        for bad in [
            "https://anna:hemligt@www.facebook.com/nacka",
            "https://anna@www.facebook.com/nacka",
            "http://:hemligt@x.se/",
        ] {
            let e = en(validate_url(bad));
            assert!(e.contains("Logga in på plattformen"), "{e}");
            assert!(e.contains("user name or password"), "{e}");
            assert!(!e.contains("hemligt"), "the password is not repeated: {e}");
        }
    }

    #[test]
    fn text_fields_refuse_controls_and_direction_overrides() {
        assert!(check_text(TextField::Name, "Växjö kommun", false).is_ok());
        assert!(check_text(TextField::Notes, "rad ett\nrad två\ttab", true).is_ok());
        let e = en(check_text(
            TextField::Name,
            "Nacka\u{1b}]0;pwned\u{7}",
            false,
        ));
        assert!(e.contains("U+001B") && !e.contains('\u{1b}'), "{e}");
        let e = en(check_text(TextField::Name, "Nacka\nkommun", false));
        assert!(
            e.contains("U+000A") && e.contains("line breaks belong"),
            "{e}"
        );
        let e = en(check_text(TextField::Unit, "abc\u{202e}fdp.exe", false));
        assert!(e.contains("U+202E") && e.contains("another order"), "{e}");
        let sv = check_text(TextField::Unit, "abc\u{202e}fdp.exe", false)
            .unwrap_err()
            .render(Language::Sv);
        assert!(sv.starts_with("enheten ”abc\\u{202e}fdp.exe”"), "{sv}");
        assert!(sv.contains("U+202E") && !sv.contains('\u{202e}'), "{sv}");
        assert_eq!(
            escape_unsafe("a\u{1b}b\u{202e}c\nd", true),
            "a\\u{001b}b\\u{202e}c\nd"
        );
    }
}
