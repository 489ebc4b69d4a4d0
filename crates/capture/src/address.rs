//! Web addresses: the check done before Chromium sees one, and its origin.

/// Refuses anything but `http:` and `https:` addresses (no `file:`,
/// `javascript:`, `data:`, `chrome:`), before Chromium sees them. The same
/// check as the register's ([`ogonblick_model::text::validate_url`]), so an
/// address the register accepts is never refused here. The refusal is a
/// sentence of the catalogue.
pub fn validate_url(url: &str) -> Result<(), ogonblick_model::Message> {
    ogonblick_model::text::validate_url(url).map(|_| ())
}

/// `scheme://host[:port]` of an address.
pub(crate) fn origin_of(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    let host = rest.split(['/', '?', '#']).next()?;
    Some(format!("{scheme}://{host}"))
}
