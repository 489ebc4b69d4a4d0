//! Step 7 of verify: the capture records (descriptive metadata): the
//! snapshot ids they hold, and every file they list with its checksum and
//! size.

use std::collections::BTreeMap;

use super::{base_of, parse, resolve, Item, State};
use crate::Problem;
use ogonblick_model::Message;

/// Every capture record the root METS named (dmdSec).
pub(super) fn check(items: &BTreeMap<String, Item>, st: &mut State) {
    for dp in &st.dmd_files {
        let Some(bytes) = items.get(dp).and_then(|i| i.bytes.as_deref()) else {
            continue;
        };
        let Some(doc) = parse(dp, bytes, &mut st.problems) else {
            continue;
        };
        if let Some(id) = doc
            .descendants()
            .find(|n| n.tag_name().name() == "snapshotId")
            .and_then(|n| n.text())
        {
            st.snapshot_ids.push(id.to_string());
        }
        let base = base_of(dp);
        for f in doc
            .descendants()
            .filter(|n| n.tag_name().name() == "file" && n.attribute("href").is_some())
        {
            let href = f.attribute("href").unwrap_or("");
            let Some(target) = resolve(&base, href) else {
                st.problems.push(Problem {
                    path: dp.clone(),
                    what: Message::VerifyRecordOutside {
                        href: href.to_string(),
                    },
                    expected: None,
                    found: None,
                });
                continue;
            };
            match items.get(&target) {
                None => st.problems.push(Problem {
                    path: target.clone(),
                    what: Message::VerifyListedMissing {
                        listed_in: dp.to_string(),
                    },
                    expected: None,
                    found: None,
                }),
                Some(item) => {
                    if f.attribute("sha256")
                        .map(|s| !s.eq_ignore_ascii_case(&item.sha256))
                        .unwrap_or(true)
                    {
                        st.problems.push(Problem {
                            path: target.clone(),
                            what: Message::VerifyRecordShaMismatch {
                                record: dp.to_string(),
                            },
                            expected: f.attribute("sha256").map(String::from),
                            found: Some(item.sha256.clone()),
                        });
                    }
                    if f.attribute("size") != Some(item.size.to_string().as_str()) {
                        st.problems.push(Problem {
                            path: target.clone(),
                            what: Message::VerifyRecordSizeMismatch {
                                record: dp.to_string(),
                            },
                            expected: f.attribute("size").map(String::from),
                            found: Some(item.size.to_string()),
                        });
                    }
                }
            }
        }
    }
}
