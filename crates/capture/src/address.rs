//! Web addresses: the check done before Chromium sees one, and its origin.

/// Refuses anything but `http:` and `https:` addresses (no `file:`,
/// `javascript:`, `data:`, `chrome:`), before Chromium sees them.
pub fn validate_url(url: &str) -> Result<(), String> {
    let t = url.trim();
    let lower = t.to_ascii_lowercase();
    let Some((scheme, rest)) = lower.split_once(':') else {
        return Err(format!(
            "'{t}' is not a web address: give a full address starting with https://"
        ));
    };
    if scheme != "http" && scheme != "https" {
        return Err(format!(
            "'{scheme}:' addresses cannot be captured: only http:// and https:// pages can be archived"
        ));
    }
    let host = rest
        .trim_start_matches('/')
        .split(['/', '?', '#'])
        .next()
        .unwrap_or("");
    if !rest.starts_with("//") || host.is_empty() || t.chars().any(char::is_whitespace) {
        return Err(format!(
            "'{t}' is not a valid web address: give it as https://host/path"
        ));
    }
    Ok(())
}

/// `scheme://host[:port]` of an address.
pub(crate) fn origin_of(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    let host = rest.split(['/', '?', '#']).next()?;
    Some(format!("{scheme}://{host}"))
}
