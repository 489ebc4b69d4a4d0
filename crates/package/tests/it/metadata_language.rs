//! The package's texts outside its two documents follow the organisation's
//! language too (h-doc11): PREMIS's event details, agent notes and rights
//! (restrictions, citations, notes) and the inventory's PDF/A subject. A
//! Swedish organisation's package holds them in Swedish with no English
//! word; an English one's holds today's English texts. METS's content types
//! (`OTHERTYPE`, `OTHERCONTENTINFORMATIONTYPE`) are values for machines and
//! stay the same in both. Both pass `verify` (xmllint with the PREMIS 3.0 schema). h-voc7:
//! the format check's findings (`eventOutcomeDetailNote` of the validation
//! events) too.

use std::path::Path;
use std::process::Command;

use ogonblick_messages::english::english_words;
use ogonblick_model::{Language, NoProgress, SnapshotManifest, SnapshotReason};
use ogonblick_package::verify_package;

use crate::fixtures::export;
use crate::package::zip_entries;
use crate::removals::request_with_removals;

/// The free texts of the package's metadata, each with where it stood.
struct Texts {
    premis: String,
    /// `(element, text)` of every free text in PREMIS.
    free: Vec<(String, String)>,
    /// `(attribute, value)` of METS's content types, in document order.
    types: Vec<(String, String)>,
    subject: String,
}

fn export_in(lang: Language, dir: &Path) -> Texts {
    let mut req = request_with_removals(&dir.join("store"));
    req.org.language = lang;
    // The second snapshot a one-address capture (its PREMIS capture event
    // says so).
    {
        let (m, folder) = &mut req.snapshots[1];
        m.snapshot.single_address = Some(m.snapshot.pages[0].url.clone());
        m.snapshot.reason = SnapshotReason::SingleItem;
        std::fs::write(
            folder.join(SnapshotManifest::FILE_NAME),
            serde_json::to_vec_pretty(&*m).unwrap(),
        )
        .unwrap();
    }
    let out = dir.join("out");
    std::fs::create_dir_all(&out).unwrap();
    let s = export(&req, &out).unwrap();
    let r = verify_package(&s.path, &NoProgress).unwrap();
    assert!(r.ok, "{:#?}", r.problems);
    assert!(r.schemas_checked);

    let e = zip_entries(&s.path);
    let entry = |suffix: &str| {
        e.iter()
            .find(|(k, _)| k.ends_with(suffix))
            .map(|(_, (_, v))| v.clone())
            .unwrap_or_else(|| panic!("no {suffix} in the package"))
    };
    let premis = String::from_utf8(entry("/metadata/preservation/premis.xml")).unwrap();
    let mut free = Vec::new();
    let doc = roxmltree::Document::parse(&premis).unwrap();
    for n in doc.descendants().filter(|n| n.is_element()) {
        let name = n.tag_name().name();
        if [
            "eventDetail",
            "agentNote",
            "statuteCitation",
            "statuteNote",
            "restriction",
            "creatingApplicationName",
            "eventOutcomeDetailNote",
        ]
        .contains(&name)
        {
            free.push((name.to_string(), n.text().unwrap_or("").to_string()));
        }
    }
    let csip = "https://DILCIS.eu/XML/METS/CSIPExtensionMETS";
    let mut types = Vec::new();
    for file in [format!("{}/METS.xml", s.objid), "rep1/METS.xml".to_string()] {
        let text = String::from_utf8(entry(&file)).unwrap();
        let m = roxmltree::Document::parse(&text).unwrap();
        for n in m.descendants().filter(|n| n.is_element()) {
            for attr in ["OTHERTYPE", "OTHERCONTENTINFORMATIONTYPE"] {
                if let Some(v) = n.attribute((csip, attr)) {
                    types.push((attr.to_string(), v.to_string()));
                }
            }
        }
    }
    let pdf = dir.join("inventory.pdf");
    std::fs::write(&pdf, entry("/documentation/inventory.pdf")).unwrap();
    let info = Command::new("pdfinfo")
        .arg(&pdf)
        .output()
        .expect("pdfinfo (poppler-utils) must be installed");
    let subject = String::from_utf8_lossy(&info.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("Subject:").map(|s| s.trim().to_string()))
        .unwrap_or_default();
    Texts {
        premis,
        free,
        types,
        subject,
    }
}

/// The English words of a text, leaving out addresses, ids, file names and
/// versions (tokens with `/`, `:`, `.`, `-` or a digit) and the names the
/// fixture's people and programs have.
fn english_in(text: &str) -> Vec<String> {
    text.split_whitespace()
        .filter(|t| {
            !t.contains(['/', ':', '.', '-', '_']) && !t.chars().any(|c| c.is_ascii_digit())
        })
        .flat_map(english_words)
        .collect()
}

#[test]
fn the_metadata_speaks_the_organisations_language() {
    let tmp = tempfile::tempdir().unwrap();
    let sv = export_in(Language::Sv, &tmp.path().join("sv"));
    let en = export_in(Language::En, &tmp.path().join("en"));

    // Every kind of free text is there in both.
    for t in [&sv, &en] {
        for kind in [
            "eventDetail",
            "agentNote",
            "statuteCitation",
            "statuteNote",
            "restriction",
        ] {
            assert!(t.free.iter().any(|(k, _)| k == kind), "no {kind}");
        }
    }

    // Swedish: no English word in any of them (the check finds plenty in
    // the English package).
    let english = |t: &Texts| -> Vec<String> {
        t.free
            .iter()
            .flat_map(|(k, v)| english_in(v).into_iter().map(move |w| format!("{k}: {w}")))
            .collect()
    };
    assert!(english(&en).len() > 20, "{:?}", english(&en));
    assert_eq!(english(&sv), Vec::<String>::new(), "{:#?}", sv.free);
    assert_eq!(
        english_in(&sv.subject),
        Vec::<String>::new(),
        "{}",
        sv.subject
    );
    for want in [
        "Fångst av https://",
        "anledning halvårsvis) med Ögonblick",
        ", enskild adress https://",
        "visningsyta 1280 × 900 px",
        "SHA-256 beräknades för varje fil när den kopierades in i paketet",
        "Identifiering och kontroll av formatet för ",
        "Skärmbild av ",
        "som personalen lade till för hand för posten om borttaget innehåll rem-0002",
        "(kommentar) blev dold på plattformen",
        "Version 2 av posten om borttaget innehåll rem-0001: diarienummer KS 2026/12",
        "Posten om borttaget innehåll rem-0001 bestyrktes av en andra person, Cecilia Ek",
        "<premis:agentNote>operatör</premis:agentNote>",
        "<premis:agentNote>Organisationsnummer 212000-0167</premis:agentNote>",
        "Förordning (EU) 2016/679 (dataskyddsförordningen) art. 9: känsliga personuppgifter<",
        "Offentlighets- och sekretesslag (2009:400), OSL 21 kap. 7 §",
        "Innehåller känsliga personuppgifter: lämnas ut först efter prövning",
        "Skyddsmarkerad för sekretess: lämnas ut först efter sekretessprövning",
        "ögonblicksbild 11111111-aaaa-4aaa-8aaa-000000000002: skyddsmarkerad 2026-03-10T13:00:00Z av bo.berg",
        "post om borttaget innehåll rem-0002: skyddsmarkerad",
    ] {
        assert!(sv.premis.contains(want), "{want:?} not in:\n{}", sv.premis);
    }
    assert!(
        sv.subject
            .starts_with("Innehållsförteckning för leveranspaketet uuid-")
            && sv.subject.contains(", skapad 11 mars 2026 kl. 09:00 UTC"),
        "{}",
        sv.subject
    );

    // English: the texts as they were before they followed the language.
    for want in [
        "Capture of https://",
        ", one-address capture of https://",
        "viewport 1280x900",
        "SHA-256 computed for every file while it was copied into the package; for captured files it matched the fixity recorded at capture",
        "Format identification and validation of ",
        "supplied by hand for removal record rem-0002 (the item was already gone)",
        "The comment at ",
        "was hidden on the platform on the ground",
        "Version 2 of removal record rem-0001: diary number KS 2026/12",
        "Removal record rem-0001 certified by a second person, Cecilia Ek",
        "<premis:agentNote>operator</premis:agentNote>",
        "Förordning (EU) 2016/679 (dataskyddsförordningen) art. 9: känsliga personuppgifter / sensitive personal data",
        "Holds sensitive personal data: disclose only after review (känsliga personuppgifter, prövas före utlämnande)",
        "Marked as secret: disclose only after a secrecy review (sekretessprövning före utlämnande)",
        "snapshot 11111111-aaaa-4aaa-8aaa-000000000002: marked 2026-03-10T13:00:00Z by bo.berg",
    ] {
        assert!(en.premis.contains(want), "{want:?} not in:\n{}", en.premis);
    }
    assert!(
        en.subject
            .starts_with("Table of contents of the submission package uuid-"),
        "{}",
        en.subject
    );
}

#[test]
fn the_mets_content_types_are_the_same_in_every_language() {
    let tmp = tempfile::tempdir().unwrap();
    let sv = export_in(Language::Sv, &tmp.path().join("sv"));
    let en = export_in(Language::En, &tmp.path().join("en"));
    // The root METS's type and content type, the representation's too and
    // its data group's content type: fixed values, not texts.
    let fixed = |attr: &str| match attr {
        "OTHERTYPE" => "Social media snapshots",
        _ => "Ögonblick snapshots (PNG + PDF/A-2b with capture record)",
    };
    assert!(sv.types.len() >= 4, "{:?}", sv.types);
    for (attr, value) in &sv.types {
        assert_eq!(value, fixed(attr), "{attr}");
    }
    assert_eq!(sv.types, en.types);
}
