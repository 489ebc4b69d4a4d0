//! Validation of register input.

use ogonblick_model::NewChannel;

/// Checks that `input` is an address Ögonblick can capture (http or https
/// with a host) and returns the trimmed address. The error is a sentence
/// that says what to do.
pub fn validate_url(input: &str) -> Result<String, String> {
    let s = input.trim();
    if s.is_empty() {
        return Err("an address is empty: give the full page address, e.g. https://www.facebook.com/nackakommun".into());
    }
    match url::Url::parse(s) {
        Ok(u) => {
            let scheme = u.scheme();
            if scheme != "http" && scheme != "https" {
                return Err(format!(
                    "'{}' is not a web page address (it starts with '{scheme}:'): only http:// and https:// addresses can be captured; copy the address from the browser's address bar",
                    shorten(s)
                ));
            }
            match u.host_str() {
                Some(h) if !h.is_empty() => Ok(s.to_string()),
                _ => Err(format!(
                    "'{}' has no host name: give the full address, e.g. https://www.example.se/page",
                    shorten(s)
                )),
            }
        }
        Err(url::ParseError::RelativeUrlWithoutBase) => Err(format!(
            "'{}' is not a full address: start it with https://, e.g. https://{}",
            shorten(s),
            shorten(s)
        )),
        Err(e) => Err(format!(
            "'{}' is not a valid web address ({e}): copy the address from the browser's address bar",
            shorten(s)
        )),
    }
}

fn shorten(s: &str) -> String {
    if s.chars().count() > 80 {
        let mut t: String = s.chars().take(77).collect();
        t.push_str("...");
        t
    } else {
        s.to_string()
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

/// Trims a free-text field; empty means "not given".
pub(crate) fn clean(s: &Option<String>) -> Option<String> {
    s.as_ref()
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
}

/// Validates a new channel and returns it cleaned (trimmed fields, trimmed
/// addresses), or every problem found. Duplicate addresses within the
/// channel are reported here; duplicates against the register by the store.
pub(crate) fn check_new_channel(new: &NewChannel) -> Result<NewChannel, Vec<String>> {
    let mut errors = Vec::new();
    let name = new.name.trim().to_string();
    if name.is_empty() {
        errors.push("the name is empty: give the channel's display name".to_string());
    }
    if new.platform.is_none() {
        errors.push(format!(
            "the platform is missing: use one of {}",
            ogonblick_model::Platform::ALL
                .iter()
                .map(|p| p.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    let urls = check_urls(&new.urls, &mut errors);
    if errors.is_empty() {
        Ok(NewChannel {
            name,
            platform: new.platform,
            urls,
            board: clean(&new.board),
            unit: clean(&new.unit),
            responsible: clean(&new.responsible),
            substitute: clean(&new.substitute),
            purpose: clean(&new.purpose),
            audience: clean(&new.audience),
            policy: new.policy,
            notes: clean(&new.notes),
        })
    } else {
        Err(errors)
    }
}

/// Validates a list of addresses: at least one, each http(s), none twice.
pub(crate) fn check_urls(urls: &[String], errors: &mut Vec<String>) -> Vec<String> {
    let mut out = Vec::new();
    let mut keys: Vec<String> = Vec::new();
    let given: Vec<&String> = urls.iter().filter(|u| !u.trim().is_empty()).collect();
    if given.is_empty() {
        errors.push(
            "no address is given: add at least one page address, e.g. https://www.facebook.com/nackakommun"
                .into(),
        );
    }
    for u in given {
        match validate_url(u) {
            Ok(s) => {
                let key = normalise_url(&s).unwrap_or_default();
                if keys.contains(&key) {
                    errors.push(format!(
                        "the address '{s}' is given twice: give each address once"
                    ));
                } else {
                    keys.push(key);
                    out.push(s);
                }
            }
            Err(e) => errors.push(e),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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
            let e = validate_url(bad).unwrap_err();
            assert!(e.contains("only http:// and https://"), "{bad}: {e}");
        }
        let e = validate_url("facebook.com/nacka").unwrap_err();
        assert!(e.contains("https://facebook.com/nacka"), "{e}");
    }
}
