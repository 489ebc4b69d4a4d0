//! Steps 4 and 5 of verify: the root METS (OBJID, profile, file groups,
//! the representations, PREMIS and capture records it names) and each
//! representation METS; every file and mdRef they list must exist with
//! that checksum, size and format.

use std::collections::{BTreeMap, BTreeSet};

use super::{base_of, parse, resolve, Item, State, METS_NS, XLINK_NS};
use crate::{Problem, SIP_PROFILE};
use ogonblick_model::Message;

/// The root METS of the package whose root folder is `root`.
pub(super) fn check_root(
    items: &BTreeMap<String, Item>,
    root: &str,
    root_mets: &str,
    st: &mut State,
) {
    match items.get(root_mets).and_then(|i| i.bytes.as_deref()) {
        None => st.problems.push(Problem {
            path: root_mets.to_string(),
            what: Message::VerifyRootMetsMissing {},
            expected: None,
            found: None,
        }),
        Some(bytes) => {
            if let Some(doc) = parse(root_mets, bytes, &mut st.problems) {
                let m = doc.root_element();
                let o = m.attribute("OBJID").unwrap_or("").to_string();
                if o != root {
                    st.problems.push(Problem {
                        path: root_mets.to_string(),
                        what: Message::VerifyObjid {},
                        expected: Some(root.to_string()),
                        found: Some(o.clone()),
                    });
                }
                st.objid = Some(o);
                if m.attribute("PROFILE") != Some(SIP_PROFILE) {
                    st.problems.push(Problem {
                        path: root_mets.to_string(),
                        what: Message::VerifyProfile {},
                        expected: Some(SIP_PROFILE.into()),
                        found: m.attribute("PROFILE").map(String::from),
                    });
                }
                check_refs(
                    &doc,
                    root_mets,
                    &format!("{root}/"),
                    items,
                    &mut st.referenced,
                    &mut st.problems,
                );
                for n in doc.descendants() {
                    if n.has_tag_name((METS_NS, "mptr")) {
                        if let Some(h) = n.attribute((XLINK_NS, "href")) {
                            if let Some(p) = resolve(&format!("{root}/"), h) {
                                st.rep_mets.push(p);
                            }
                        }
                    }
                    if n.has_tag_name((METS_NS, "mdRef")) {
                        let parent = n
                            .parent_element()
                            .map(|p| p.tag_name().name().to_string())
                            .unwrap_or_default();
                        if let Some(p) = n
                            .attribute((XLINK_NS, "href"))
                            .and_then(|h| resolve(&format!("{root}/"), h))
                        {
                            if parent == "digiprovMD" && n.attribute("MDTYPE") == Some("PREMIS") {
                                st.premis_files.push(p);
                            } else if parent == "dmdSec" {
                                st.dmd_files.push(p);
                            }
                        }
                    }
                }
                for grp in ["Documentation", "Schemas"] {
                    if !doc.descendants().any(|n| {
                        n.has_tag_name((METS_NS, "fileGrp")) && n.attribute("USE") == Some(grp)
                    }) {
                        st.problems.push(Problem {
                            path: root_mets.to_string(),
                            what: Message::VerifyNoFileGrp {
                                group: grp.to_string(),
                            },
                            expected: None,
                            found: None,
                        });
                    }
                }
                if st.rep_mets.is_empty() {
                    st.problems.push(Problem {
                        path: root_mets.to_string(),
                        what: Message::VerifyNoRepresentation {},
                        expected: None,
                        found: None,
                    });
                }
            }
        }
    }
}

/// Each representation METS the root METS named (mptr).
pub(super) fn check_representations(items: &BTreeMap<String, Item>, st: &mut State) {
    st.rep_mets.sort();
    st.rep_mets.dedup();
    for rp in &st.rep_mets {
        match items.get(rp).and_then(|i| i.bytes.as_deref()) {
            None => st.problems.push(Problem {
                path: rp.clone(),
                what: Message::VerifyRepMetsMissing {},
                expected: None,
                found: None,
            }),
            Some(bytes) => {
                if let Some(doc) = parse(rp, bytes, &mut st.problems) {
                    let base = base_of(rp);
                    check_refs(&doc, rp, &base, items, &mut st.referenced, &mut st.problems);
                }
            }
        }
    }
}

/// Checks every `mets:file` (via FLocat) and `mets:mdRef` of a METS document.
fn check_refs(
    doc: &roxmltree::Document,
    mets_path: &str,
    base: &str,
    items: &BTreeMap<String, Item>,
    referenced: &mut BTreeSet<String>,
    problems: &mut Vec<Problem>,
) {
    for n in doc.descendants() {
        let (href, holder) = if n.has_tag_name((METS_NS, "file")) {
            let fl = n.children().find(|c| c.has_tag_name((METS_NS, "FLocat")));
            (fl.and_then(|f| f.attribute((XLINK_NS, "href"))), n)
        } else if n.has_tag_name((METS_NS, "mdRef")) {
            (n.attribute((XLINK_NS, "href")), n)
        } else {
            continue;
        };
        let id = holder.attribute("ID").unwrap_or("?");
        let Some(href) = href else {
            problems.push(Problem {
                path: mets_path.into(),
                what: Message::VerifyNoHref {
                    element: holder.tag_name().name().to_string(),
                    id: id.to_string(),
                },
                expected: None,
                found: None,
            });
            continue;
        };
        let Some(target) = resolve(base, href) else {
            problems.push(Problem {
                path: mets_path.into(),
                what: Message::VerifyRefLeaves {
                    href: href.to_string(),
                },
                expected: None,
                found: None,
            });
            continue;
        };
        referenced.insert(target.clone());
        let Some(item) = items.get(&target) else {
            problems.push(Problem {
                path: target.clone(),
                what: Message::VerifyListedMissing {
                    listed_in: mets_path.to_string(),
                },
                expected: None,
                found: None,
            });
            continue;
        };
        if holder.attribute("CHECKSUMTYPE") != Some("SHA-256") {
            problems.push(Problem {
                path: mets_path.into(),
                what: Message::VerifyChecksumType {
                    href: href.to_string(),
                },
                expected: Some("SHA-256".into()),
                found: holder.attribute("CHECKSUMTYPE").map(String::from),
            });
        }
        match holder.attribute("CHECKSUM") {
            Some(c) if c.eq_ignore_ascii_case(&item.sha256) => {}
            other => problems.push(Problem {
                path: target.clone(),
                what: Message::VerifyShaMismatch {
                    source: mets_path.to_string(),
                },
                expected: other.map(String::from),
                found: Some(item.sha256.clone()),
            }),
        }
        match holder.attribute("SIZE") {
            Some(s) if s == item.size.to_string() => {}
            other => problems.push(Problem {
                path: target.clone(),
                what: Message::VerifySizeMismatch {
                    source: mets_path.to_string(),
                },
                expected: other.map(String::from),
                found: Some(item.size.to_string()),
            }),
        }
        if let Some(key) = holder.attribute((
            "https://DILCIS.eu/XML/METS/SIPExtensionMETS",
            "FORMATREGISTRYKEY",
        )) {
            if item.puid.as_deref() != Some(key) {
                problems.push(Problem {
                    path: target.clone(),
                    what: Message::VerifyFormatMismatch {
                        source: mets_path.to_string(),
                    },
                    expected: Some(key.to_string()),
                    found: Some(item.puid.clone().unwrap_or_else(|| "–".into())),
                });
            }
        }
        if holder.attribute("CREATED").is_none() {
            problems.push(Problem {
                path: mets_path.into(),
                what: Message::VerifyNoCreated {
                    href: href.to_string(),
                },
                expected: None,
                found: None,
            });
        }
    }
}
