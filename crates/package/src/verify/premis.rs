//! Step 6 of verify: PREMIS, checked for content (every object's file
//! exists with the fixity and size PREMIS records), not against its XSD,
//! which is not shipped.

use std::collections::BTreeMap;

use super::{base_of, parse, resolve, Item, State, PREMIS_NS};
use crate::Problem;
use ogonblick_model::Message;

/// Every PREMIS file the root METS named.
pub(super) fn check(items: &BTreeMap<String, Item>, st: &mut State) {
    for pp in &st.premis_files {
        let Some(bytes) = items.get(pp).and_then(|i| i.bytes.as_deref()) else {
            continue;
        };
        let Some(doc) = parse(pp, bytes, &mut st.problems) else {
            continue;
        };
        let base = base_of(pp);
        let mut objects = 0;
        for obj in doc
            .descendants()
            .filter(|n| n.has_tag_name((PREMIS_NS, "object")))
        {
            objects += 1;
            let text = |tag: &str| {
                obj.descendants()
                    .find(|n| n.has_tag_name((PREMIS_NS, tag)))
                    .and_then(|n| n.text())
                    .map(str::to_string)
            };
            let Some(loc) = text("contentLocationValue") else {
                st.problems.push(Problem {
                    path: pp.clone(),
                    what: Message::VerifyPremisNoLocation {},
                    expected: None,
                    found: None,
                });
                continue;
            };
            let Some(target) = resolve(&base, &loc) else {
                st.problems.push(Problem {
                    path: pp.clone(),
                    what: Message::VerifyPremisOutside {
                        location: loc.to_string(),
                    },
                    expected: None,
                    found: None,
                });
                continue;
            };
            let Some(item) = items.get(&target) else {
                st.problems.push(Problem {
                    path: target.clone(),
                    what: Message::VerifyDescribedMissing {
                        described_in: pp.to_string(),
                    },
                    expected: None,
                    found: None,
                });
                continue;
            };
            if let Some(d) = text("messageDigest") {
                if !d.eq_ignore_ascii_case(&item.sha256) {
                    st.problems.push(Problem {
                        path: target.clone(),
                        what: Message::VerifyPremisShaMismatch {
                            premis: pp.to_string(),
                        },
                        expected: Some(d),
                        found: Some(item.sha256.clone()),
                    });
                }
            } else {
                st.problems.push(Problem {
                    path: pp.clone(),
                    what: Message::VerifyPremisNoFixity {
                        file: target.to_string(),
                    },
                    expected: None,
                    found: None,
                });
            }
            if let Some(s) = text("size") {
                if s != item.size.to_string() {
                    st.problems.push(Problem {
                        path: target.clone(),
                        what: Message::VerifySizeMismatch {
                            source: pp.to_string(),
                        },
                        expected: Some(s),
                        found: Some(item.size.to_string()),
                    });
                }
            }
        }
        if objects == 0 {
            st.problems.push(Problem {
                path: pp.clone(),
                what: Message::VerifyPremisEmpty {},
                expected: None,
                found: None,
            });
        }
    }
}
