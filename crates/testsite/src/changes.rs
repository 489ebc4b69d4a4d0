//! `/changes/<variant>`: pairs of the same channel page for comparisons of
//! snapshots (issue 17). `base` is the page as first captured; each other
//! variant changes one thing: `picture` (a new profile picture), `description`
//! (a new description), `renamed` (a new name, in the title and the header),
//! `posts` (two new posts in the feed, nothing else), `cookie` (another text
//! in the cookie notice, nothing else). `/changes/live` serves the variant
//! last set with [`set_live_variant`] (`base` until then), so one address
//! can change between two captures.
//!
//! The channel's rules page (an address of the channel but the first):
//! `rules` as first captured, `rules-changed` (two rules further down
//! rewritten, one added: a major change), `rules-cookie` (another cookie text only: none).
//! `/changes/live-rules` serves the rules variant last set (`rules` until
//! then), independently of `/changes/live`. `/changes/set/<variant>` sets
//! the live variant over HTTP, for a test that runs the site as a process
//! (the desktop's WebDriver specs).

use std::sync::Mutex;

/// The variants, `base` first.
pub const CHANGE_VARIANTS: &[&str] = &[
    "base",
    "picture",
    "description",
    "renamed",
    "posts",
    "cookie",
];

/// The variants of the channel's rules page, `rules` first.
pub const RULES_VARIANTS: &[&str] = &["rules", "rules-changed", "rules-cookie"];

/// The variants whose change is one of the channel's identity (a major change).
pub const MAJOR_CHANGES: &[&str] = &["picture", "description", "renamed", "rules-changed"];

static LIVE: Mutex<&'static str> = Mutex::new("base");
static LIVE_RULES: Mutex<&'static str> = Mutex::new("rules");

/// What `/changes/live` (a name of [`CHANGE_VARIANTS`]) or
/// `/changes/live-rules` (of [`RULES_VARIANTS`]) serves from now on.
pub fn set_live_variant(variant: &str) {
    if let Some(v) = CHANGE_VARIANTS.iter().find(|v| **v == variant) {
        *LIVE.lock().unwrap_or_else(|e| e.into_inner()) = v;
    }
    if let Some(v) = RULES_VARIANTS.iter().find(|v| **v == variant) {
        *LIVE_RULES.lock().unwrap_or_else(|e| e.into_inner()) = v;
    }
}

pub(crate) fn route(path: &str) -> Option<String> {
    let name = path.strip_prefix("/changes/")?;
    if let Some(v) = name.strip_prefix("set/") {
        CHANGE_VARIANTS
            .iter()
            .chain(RULES_VARIANTS)
            .find(|k| **k == v)?;
        set_live_variant(v);
        return Some(format!(
            "<!doctype html><html lang=\"en\"><title>set</title><p>live: {v}</p></html>"
        ));
    }
    if name == "live-rules" {
        return Some(rules_page(
            *LIVE_RULES.lock().unwrap_or_else(|e| e.into_inner()),
        ));
    }
    if let Some(v) = RULES_VARIANTS.iter().find(|v| **v == name) {
        return Some(rules_page(v));
    }
    let variant = if name == "live" {
        *LIVE.lock().unwrap_or_else(|e| e.into_inner())
    } else {
        CHANGE_VARIANTS.iter().find(|v| **v == name).copied()?
    };
    Some(page(variant))
}

/// The channel's rules page: a heading, twelve rules, a cookie notice.
fn rules_page(variant: &str) -> String {
    let mut rules = vec![
        "Håll god ton och visa respekt för andra.".to_string(),
        "Inga personangrepp, hot eller trakasserier.".to_string(),
        "Inga uppgifter om enskildas hälsa, brott eller privatliv.".to_string(),
        "Ingen reklam för varor, tjänster eller partier.".to_string(),
        "Håll dig till ämnet i inlägget.".to_string(),
        "Inga upphovsrättsskyddade bilder utan tillstånd.".to_string(),
        "Vi svarar på frågor vardagar 8–17.".to_string(),
        "Ärenden som gäller myndighetsutövning tas inte upp här.".to_string(),
        "Inlägg som bryter mot reglerna tas bort och diarieförs.".to_string(),
        "Upprepade brott kan leda till att du blockeras.".to_string(),
        "Kommentarer är allmänna handlingar och kan lämnas ut.".to_string(),
        "Kontakta kommunen via e-post för personliga ärenden.".to_string(),
    ];
    if variant == "rules-changed" {
        rules[9] = "Den som bryter mot reglerna blockeras.".into();
        rules[11] = "Personliga ärenden tas via e-post.".into();
        rules.push("Länkar till andra webbplatser tas bort.".into());
    }
    let cookie = if variant == "rules-cookie" {
        "Vi sparar kakor för statistik i tolv månader. Läs vår kakpolicy."
    } else {
        "Den här sidan använder kakor för att räkna besök."
    };
    let items: String = rules.iter().map(|r| format!("<li>{r}</li>")).collect();
    format!(
        "<!doctype html><html lang=\"sv\"><head><meta charset=\"utf-8\">\
<title>Kommenteringsregler | Fixturbok</title>\
<style>html,body{{margin:0;padding:0;background:#fff;color:#1c1e21;font:16px 'DejaVu Sans',sans-serif}}\
.top{{height:56px;background:#3b5998;color:#fff;font:bold 22px/56px 'DejaVu Sans',sans-serif;padding-left:24px}}\
main{{width:640px;margin:120px auto 80px auto}}li{{margin:18px 0}}\
.cookie-notice{{position:fixed;left:0;right:0;bottom:0;background:#263238;color:#fff;padding:12px 24px;font-size:14px}}</style></head>\
<body><div class=\"top\">Fixturbok · Ögonblicks kommun – fritid</div>\
<main><h1>Kommenteringsregler</h1><p>Så här modererar vi kommentarerna på kanalen.</p>\
<ol>{items}</ol></main><div class=\"cookie-notice\">{cookie}</div></body></html>"
    )
}

fn post(n: u32, colour: &str) -> String {
    format!(
        "<article class=\"post\"><h2>Inlägg {n}: Öppettider i biblioteket</h2>\
         <p>Kommunen informerar. changeword{n} – Älvsbyn, Åre.</p>\
         <div class=\"pic\" style=\"background:{colour}\"></div></article>\n"
    )
}

fn page(variant: &str) -> String {
    let name = if variant == "renamed" {
        "Nya Ögonblicks stadsbyggnad"
    } else {
        "Ögonblicks kommun – fritid"
    };
    let picture = if variant == "picture" {
        "#e53935"
    } else {
        "#43a047"
    };
    let description = if variant == "description" {
        "Här svarar kultur- och fritidsnämnden om bibliotek, idrott och bad. Vardagar 8–17."
    } else {
        "Nyheter om fritid, föreningar och evenemang i kommunen. Vi svarar vardagar."
    };
    let cookie = if variant == "cookie" {
        "Vi sparar kakor för statistik i tolv månader. Läs vår kakpolicy."
    } else {
        "Den här sidan använder kakor för att räkna besök."
    };
    let colours = ["#1e88e5", "#8e24aa", "#fb8c00", "#00897b"];
    let mut posts = String::new();
    if variant == "posts" {
        posts.push_str(&post(6, "#6d4c41"));
        posts.push_str(&post(5, "#c0ca33"));
    }
    for (i, c) in colours.iter().enumerate() {
        posts.push_str(&post(4 - i as u32, c));
    }
    format!(
        "<!doctype html><html lang=\"sv\"><head><meta charset=\"utf-8\"><title>{name} | Fixturbok</title>\
<style>html,body{{margin:0;padding:0;background:#fff;color:#1c1e21;font:16px 'DejaVu Sans',sans-serif}}\
.top{{height:56px;background:#3b5998;color:#fff;font:bold 22px/56px 'DejaVu Sans',sans-serif;padding-left:24px}}\
.cover{{height:160px;background:#8b9dc3}}\
.profile{{height:200px;padding:0 24px;position:relative}}\
.avatar{{position:absolute;left:24px;top:-48px;width:120px;height:120px;border:4px solid #fff}}\
.profile h1{{margin:0;padding:80px 0 0 0;font-size:28px}}.profile p{{margin:8px 0 0 0}}\
#feed{{width:600px;margin:40px auto 0 auto;padding-bottom:40px}}\
.post{{border:1px solid #dddfe2;margin:16px 0;padding:12px}}.post h2{{font-size:18px;margin:0 0 6px 0}}\
.pic{{height:200px}}\
.cookie-notice{{position:fixed;left:0;right:0;bottom:0;background:#263238;color:#fff;padding:12px 24px;font-size:14px}}</style></head>\
<body><div class=\"top\">Fixturbok · {name}</div><div class=\"cover\"></div>\
<section class=\"profile\"><div class=\"avatar\" style=\"background:{picture}\" role=\"img\" aria-label=\"Profilbild\"></div>\
<h1>{name}</h1><p>{description}</p></section>\
<main id=\"feed\">{posts}</main><div class=\"cookie-notice\">{cookie}</div></body></html>"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_live_variants_are_set_over_http_and_unknown_ones_refused() {
        assert!(route("/changes/set/nope").is_none());
        assert!(route("/changes/set/renamed").is_some());
        assert!(route("/changes/live")
            .unwrap()
            .contains("Nya Ögonblicks stadsbyggnad"));
        assert!(route("/changes/set/rules-changed").is_some());
        assert!(route("/changes/live-rules")
            .unwrap()
            .contains("Den som bryter mot reglerna blockeras."));
        // The main page keeps its own variant.
        assert!(route("/changes/live")
            .unwrap()
            .contains("Nya Ögonblicks stadsbyggnad"));
        set_live_variant("base");
        set_live_variant("rules");
        assert!(!route("/changes/live").unwrap().contains("Nya Ögonblicks"));
        assert!(!route("/changes/live-rules")
            .unwrap()
            .contains("Den som bryter mot reglerna blockeras."));
    }
}
