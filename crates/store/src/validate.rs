//! Validation of register input.

use ogonblick_model::NewChannel;

use ogonblick_model::text::check_text;
pub use ogonblick_model::text::{normalise_url, validate_url};

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
    check_field("name", Some(&new.name), &mut errors);
    for (field, value) in [
        ("board", &new.board),
        ("unit", &new.unit),
        ("responsible person", &new.responsible),
        ("substitute", &new.substitute),
        ("purpose", &new.purpose),
        ("audience", &new.audience),
        ("notes", &new.notes),
    ] {
        check_field(field, value.as_deref(), &mut errors);
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

/// Checks one register text field (see [`check_text`]); the purpose and the
/// notes may span several lines.
pub(crate) fn check_field(field: &str, value: Option<&str>, errors: &mut Vec<String>) {
    if let Some(v) = value {
        if let Err(e) = check_text(field, v, matches!(field, "purpose" | "notes")) {
            errors.push(e);
        }
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
    fn every_text_field_is_checked() {
        let base = NewChannel {
            name: "Nacka".into(),
            platform: Some(ogonblick_model::Platform::Facebook),
            urls: vec!["https://www.facebook.com/nacka".into()],
            ..Default::default()
        };
        assert!(check_new_channel(&base).is_ok());
        for (field, set) in TEXT_FIELDS {
            let mut n = base.clone();
            set(&mut n, "a\u{202e}b".into());
            let e = check_new_channel(&n).unwrap_err().join("; ");
            assert!(e.contains(field) && e.contains("U+202E"), "{field}: {e}");
        }
    }

    type Setter = fn(&mut NewChannel, String);
    const TEXT_FIELDS: [(&str, Setter); 8] = [
        ("name", |n, v| n.name = v),
        ("board", |n, v| n.board = Some(v)),
        ("unit", |n, v| n.unit = Some(v)),
        ("responsible person", |n, v| n.responsible = Some(v)),
        ("substitute", |n, v| n.substitute = Some(v)),
        ("purpose", |n, v| n.purpose = Some(v)),
        ("audience", |n, v| n.audience = Some(v)),
        ("notes", |n, v| n.notes = Some(v)),
    ];
}
