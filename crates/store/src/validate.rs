//! Validation of register input.

use ogonblick_model::{Message, NewChannel, TextField};

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
pub(crate) fn check_new_channel(new: &NewChannel) -> Result<NewChannel, Vec<Message>> {
    let mut errors = Vec::new();
    let name = new.name.trim().to_string();
    if name.is_empty() {
        errors.push(Message::ChannelNameEmpty {});
    }
    if new.platform.is_none() {
        errors.push(Message::ChannelPlatformMissing {
            allowed: ogonblick_model::Platform::ALL
                .iter()
                .map(|p| p.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        });
    }
    check_field(TextField::Name, Some(&new.name), &mut errors);
    for (field, value) in [
        (TextField::Board, &new.board),
        (TextField::Unit, &new.unit),
        (TextField::Responsible, &new.responsible),
        (TextField::Substitute, &new.substitute),
        (TextField::Purpose, &new.purpose),
        (TextField::Audience, &new.audience),
        (TextField::Notes, &new.notes),
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
pub(crate) fn check_field(field: TextField, value: Option<&str>, errors: &mut Vec<Message>) {
    if let Some(v) = value {
        let multiline = matches!(field, TextField::Purpose | TextField::Notes);
        if let Err(e) = check_text(field, v, multiline) {
            errors.push(e);
        }
    }
}

/// Validates a list of addresses: at least one, each http(s), none twice.
pub(crate) fn check_urls(urls: &[String], errors: &mut Vec<Message>) -> Vec<String> {
    let mut out = Vec::new();
    let mut keys: Vec<String> = Vec::new();
    let given: Vec<&String> = urls.iter().filter(|u| !u.trim().is_empty()).collect();
    if given.is_empty() {
        errors.push(Message::ChannelNoAddress {});
    }
    for u in given {
        match validate_url(u) {
            Ok(s) => {
                let key = normalise_url(&s).unwrap_or_default();
                if keys.contains(&key) {
                    errors.push(Message::ChannelAddressTwice { url: s });
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
            let e = Message::StoreInvalid {
                problems: check_new_channel(&n).unwrap_err(),
            }
            .to_string();
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
