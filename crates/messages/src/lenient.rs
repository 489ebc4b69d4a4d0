//! Reading messages stored by versions before the catalogue: where a record
//! held a sentence (a JSON string), it reads as [`Message::Text`]; a message
//! (`{"key": …, "args": …}`) reads as itself. Used with
//! `#[serde(deserialize_with = "…")]` on fields that were strings once.

use serde::{Deserialize, Deserializer};

use crate::Message;

#[derive(Deserialize)]
#[serde(untagged)]
enum Stored {
    Message(Message),
    Text(String),
}

impl From<Stored> for Message {
    fn from(s: Stored) -> Message {
        match s {
            Stored::Message(m) => m,
            Stored::Text(text) => Message::Text { text },
        }
    }
}

/// One message, or a sentence of an older record.
pub fn one<'de, D: Deserializer<'de>>(d: D) -> Result<Message, D::Error> {
    Stored::deserialize(d).map(Into::into)
}

/// An optional message, or a sentence of an older record.
pub fn option<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Message>, D::Error> {
    Ok(Option::<Stored>::deserialize(d)?.map(Into::into))
}

/// A list of messages, sentences of older records among them.
pub fn list<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Message>, D::Error> {
    Ok(Vec::<Stored>::deserialize(d)?
        .into_iter()
        .map(Into::into)
        .collect())
}
