//! The macro that makes [`Message`](super::Message) (and the CLI's
//! [`CliLine`](crate::CliLine)) of a list of keys:
//! the enum, its keys with their parameters, the text of a parameter, and a
//! sample of every key.

macro_rules! catalogue {
    ($name:ident; $( $(#[$m:meta])* $variant:ident = $key:literal { $($field:ident : $ty:ty),* $(,)? } ),* $(,)?) => {
        /// A sentence the engine shows a user: a key of the catalogue with its
        /// parameters. Serialised `{"key": "page-http-status", "args": {...}}`.
        #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
        #[ts(export)]
        #[serde(tag = "key", content = "args")]
        pub enum $name {
            $( $(#[$m])* #[serde(rename = $key)] $variant { $($field: $ty),* }, )*
        }

        impl $name {
            /// Every key with its parameters, in catalogue order.
            pub const KEYS: &'static [(&'static str, &'static [&'static str])] =
                &[ $( ($key, &[$(stringify!($field)),*]), )* ];

            /// The key, e.g. `page-http-status`.
            pub fn key(&self) -> &'static str {
                match self { $( $name::$variant { .. } => $key, )* }
            }

            /// The text of parameter `name` in `lang`.
            #[allow(unused_variables)]
            pub(crate) fn arg(&self, name: &str, lang: Language) -> Option<String> {
                match self {
                    $( $name::$variant { $($field),* } => {
                        $( if name == stringify!($field) { return Some(Arg::text($field, lang)); } )*
                        None
                    } )*
                }
            }

            /// The parameters the UI's renderer must be told how to write
            /// (`Arg::hint`): key, parameter, hint.
            pub fn hints() -> Vec<(&'static str, &'static str, String)> {
                #[allow(unused_mut)]
                let mut out = Vec::new();
                $( $( if let Some(h) = <$ty as Arg>::hint() {
                    out.push(($key, stringify!($field), h));
                } )* )*
                out
            }

            /// The parameters that are choices named by a `.ftl` select
            /// (`Arg::choices`): key, parameter, every name.
            #[allow(dead_code)]
            pub(crate) fn choice_params() -> Vec<(&'static str, &'static str, Vec<String>)> {
                #[allow(unused_mut)]
                let mut out = Vec::new();
                $( $( {
                    let names = <$ty as Arg>::choices();
                    if !names.is_empty() {
                        out.push(($key, stringify!($field), names));
                    }
                } )* )*
                out
            }

            /// One message of every key, with sample parameters.
            pub fn samples() -> Vec<$name> {
                vec![ $( $name::$variant { $($field: <$ty as Arg>::sample()),* }, )* ]
            }
        }
    };
}
pub(crate) use catalogue;
