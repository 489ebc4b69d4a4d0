//! Pages with collapsed content (`/expand/...`): what a capture must expand
//! before it takes its pictures, and expander look-alikes it must leave alone.
//!
//! * `/expand/post?run=R`: a post whose text is clipped behind "Visa mer",
//!   one comment shown, more comments behind "Visa fler kommentarer" (two
//!   pages, fetched from the server with a delay after the click), replies
//!   behind "Visa 2 svar" / "View replies" (fetched, with a nested "Visa 1
//!   svar"), and a comment whose text is behind "Läs mer". Every piece of
//!   content is one [`ITEMS`] entry: a unique word and a block of a unique
//!   colour ([`item_colour`]). Beside them, decoys: expander texts on a link
//!   to another page, a link with `target=_blank`, a button that opens a
//!   window (inline handler and listener), a form's submit button, and
//!   actions ("Gilla", "Dela", "Svara", "Rapportera", "Följ", "Skicka", …)
//!   with and without expander text. Each decoy asks `/expand/hit/<name>?run=R`
//!   when it is activated; [`hits`] counts those requests.
//! * `/expand/many?run=R&n=N`: `N` posts, each clipped behind "Visa mer"
//!   whose click loads the rest from the server (`/expand/api/more`), for
//!   budget tests.
//!
//! `run` keeps the counts of tests that run at the same time apart.

use std::collections::HashMap;
use std::sync::Mutex;

use crate::{ok, query, Resp};

const HTML: &str = "text/html; charset=utf-8";

/// The content of `/expand/post`: (id, word). The first is visible at once;
/// every other one is only on the page once its expander was clicked.
pub const ITEMS: &[(&str, &str)] = &[
    ("visible", "expandwordvisible"),
    ("post", "expandwordpost"),
    ("c0", "expandwordcommentzero"),
    ("r0a", "expandwordreplyzeroa"),
    ("r0b", "expandwordreplyzerob"),
    ("r0b1", "expandwordnestedzerob"),
    ("c1", "expandwordcommentone"),
    ("c2", "expandwordcommenttwo"),
    ("r2a", "expandwordreplytwoa"),
    ("c3", "expandwordcommentthree"),
    ("c4", "expandwordcommentfour"),
    ("c5", "expandwordcommentfive"),
    ("c5more", "expandwordcommentfivemore"),
];

/// The decoys of `/expand/post`: each names its `/expand/hit/<name>` endpoint.
pub const DECOYS: &[&str] = &[
    "link",
    "blank",
    "open-inline",
    "open-listener",
    "submit",
    "input-submit",
    "link-inside",
    "aria-like",
    "title-follow",
    "testid-reply",
    "pressed",
    "act-gilla",
    "act-dela",
    "act-svara",
    "act-rapportera",
    "act-folj",
    "act-skicka",
    "act-like",
    "act-share",
    "act-reply",
    "act-report",
    "act-follow",
    "act-send",
];

/// The colour of item `i` of [`ITEMS`] (a block 60 px high at the left of
/// the item, x 20..420). No two items and no other part of the page share one.
pub fn item_colour(i: usize) -> [u8; 3] {
    let i = i as u32;
    [
        (30 + (i * 53) % 200) as u8,
        (200 - (i * 37) % 170) as u8,
        (40 + (i * 91) % 190) as u8,
    ]
}

fn item_index(id: &str) -> usize {
    ITEMS.iter().position(|(i, _)| *i == id).unwrap_or(0)
}

/// The block and word of one item, as HTML.
fn item(id: &str, lead: &str) -> String {
    let i = item_index(id);
    let [r, g, b] = item_colour(i);
    format!(
        "<div class=\"item\" id=\"item-{id}\"><div class=\"block\" style=\"background:rgb({r},{g},{b})\"></div>\
         <p>{lead} {} – åäö ÅÄÖ.</p></div>",
        ITEMS[i].1
    )
}

static HITS: Mutex<Option<HashMap<(String, String), u32>>> = Mutex::new(None);

/// How many requests `/expand/hit/<name>?run=<run>` received.
pub fn hits(run: &str, name: &str) -> u32 {
    HITS.lock()
        .ok()
        .and_then(|m| {
            m.as_ref()
                .and_then(|m| m.get(&(run.to_string(), name.to_string())).copied())
        })
        .unwrap_or(0)
}

fn count(run: &str, name: &str) {
    if let Ok(mut m) = HITS.lock() {
        *m.get_or_insert_with(HashMap::new)
            .entry((run.to_string(), name.to_string()))
            .or_insert(0) += 1;
    }
}

const STYLE: &str = "<style>body{font:16px 'DejaVu Sans',sans-serif;margin:0;padding:20px;width:900px;background:#fff;color:#111}\
 .item{margin:8px 0 8px 0}.block{width:400px;height:60px}.replies{margin-left:40px}\
 .see-more,.more-comments,.show-replies{color:#385898;cursor:pointer;font-weight:bold;display:inline-block;margin:4px 0}\
 .clipped{display:none}#decoys{margin-top:30px;border-top:1px solid #ccc}#decoys *{margin:4px}</style>";

/// The page script: every expander fetches or reveals its content.
const SCRIPT: &str = r#"<script>
const RUN = document.body.dataset.run;
function hit(name) { return fetch('/expand/hit/' + name + '?run=' + RUN); }
function load(el, url, into) {
  el.textContent = 'Laddar…';
  el.classList.add('loading');
  fetch(url).then(r => r.text()).then(html => {
    into.insertAdjacentHTML('beforeend', html);
    el.remove();
  });
}
document.addEventListener('click', e => {
  const el = e.target.closest('[data-expand]');
  if (!el) return;
  const k = el.dataset.expand;
  if (k === 'reveal') { document.getElementById(el.dataset.target).classList.remove('clipped'); el.remove(); }
  else if (k === 'comments') {
    const page = el.dataset.page;
    el.textContent = 'Laddar…';
    fetch('/expand/api/comments?page=' + page).then(r => r.text()).then(html => {
      document.getElementById('comment-list').insertAdjacentHTML('beforeend', html);
      if (page === '1') { el.dataset.page = '2'; el.textContent = 'Visa 2 fler kommentarer'; } else el.remove();
    });
  }
  else if (k === 'replies') load(el, '/expand/api/replies?of=' + el.dataset.of, el.parentElement.querySelector('.replies'));
  else if (k === 'more') load(el, '/expand/api/more?n=' + el.dataset.n, el.parentElement);
});
document.getElementById('open-listener').addEventListener('click', () => window.open('/expand/hit/open-listener?run=' + RUN));
for (const b of document.querySelectorAll('[data-act]')) b.addEventListener('click', () => hit(b.dataset.act));
</script>"#;

fn replies_button(of: &str, label: &str) -> String {
    format!("<div role=\"button\" tabindex=\"0\" class=\"show-replies\" data-expand=\"replies\" data-of=\"{of}\">{label}</div><div class=\"replies\"></div>")
}

fn post_page(run: &str) -> String {
    let decoys = format!(
        "<a href=\"/expand/hit/link?run={run}\">Visa mer</a>\
         <a href=\"/expand/hit/blank?run={run}\" target=\"_blank\">Visa fler kommentarer</a>\
         <button type=\"button\" onclick=\"window.open('/expand/hit/open-inline?run={run}')\">Visa svar</button>\
         <div role=\"button\" tabindex=\"0\" id=\"open-listener\">Läs mer</div>\
         <form action=\"/expand/hit/submit\" method=\"get\"><input type=\"hidden\" name=\"run\" value=\"{run}\"><button>Visa mer</button></form>\
         <form action=\"/expand/hit/input-submit\" method=\"get\"><input type=\"hidden\" name=\"run\" value=\"{run}\"><input type=\"submit\" value=\"View more comments\"></form>\
         <a href=\"/expand/hit/link-inside?run={run}\"><span role=\"button\">See more</span></a>\
         <div role=\"button\" tabindex=\"0\" aria-label=\"Gilla inlägget\" data-act=\"aria-like\">Visa mer</div>\
         <button type=\"button\" title=\"Följ sidan\" data-act=\"title-follow\">Läs mer</button>\
         <div role=\"button\" tabindex=\"0\" data-testid=\"reply\" data-act=\"testid-reply\">View replies</div>\
         <button type=\"button\" aria-pressed=\"false\" data-act=\"pressed\">See more</button>\
         <button type=\"button\" data-act=\"act-gilla\">Gilla</button>\
         <button type=\"button\" data-act=\"act-dela\">Dela</button>\
         <div role=\"button\" tabindex=\"0\" data-act=\"act-svara\">Svara</div>\
         <button type=\"button\" data-act=\"act-rapportera\">Rapportera</button>\
         <button type=\"button\" data-act=\"act-folj\">Följ</button>\
         <button type=\"button\" data-act=\"act-skicka\">Skicka</button>\
         <button type=\"button\" data-act=\"act-like\">Like</button>\
         <button type=\"button\" data-act=\"act-share\">Share</button>\
         <div role=\"button\" tabindex=\"0\" data-act=\"act-reply\">Reply</div>\
         <button type=\"button\" data-act=\"act-report\">Report</button>\
         <button type=\"button\" data-act=\"act-follow\">Follow</button>\
         <button type=\"button\" data-act=\"act-send\">Send</button>"
    );
    format!(
        "<!doctype html><html lang=\"sv\"><head><meta charset=\"utf-8\"><title>Inlägg med kommentarer</title>{STYLE}</head>\
         <body data-run=\"{run}\"><article id=\"post\">{visible}\
         <div id=\"post-rest\" class=\"clipped\">{post}</div>\
         <div role=\"button\" tabindex=\"0\" class=\"see-more\" data-expand=\"reveal\" data-target=\"post-rest\">Visa mer</div></article>\
         <section id=\"comments\"><h2>Kommentarer</h2><div id=\"comment-list\"><div class=\"comment\">{c0}{r0}</div></div>\
         <div role=\"button\" tabindex=\"0\" class=\"more-comments\" data-expand=\"comments\" data-page=\"1\">Visa fler kommentarer</div></section>\
         <section id=\"decoys\"><h2>Knappar som inte ska röras</h2>{decoys}</section>{SCRIPT}</body></html>",
        visible = item("visible", "Kommunen informerar:"),
        post = item("post", "Fortsättningen av inlägget:"),
        c0 = item("c0", "Anna skriver:"),
        r0 = replies_button("c0", "Visa 2 svar"),
    )
}

fn comments(page: &str) -> String {
    let c = |id: &str, extra: String| {
        format!(
            "<div class=\"comment\">{}{extra}</div>",
            item(id, "En invånare skriver:")
        )
    };
    match page {
        "1" => [
            c("c1", String::new()),
            c("c2", replies_button("c2", "View replies")),
            c("c3", String::new()),
        ]
        .concat(),
        _ => [
            c("c4", String::new()),
            c(
                "c5",
                format!(
                    "<div id=\"c5-rest\" class=\"clipped\">{}</div>\
                     <div role=\"button\" tabindex=\"0\" class=\"see-more\" data-expand=\"reveal\" data-target=\"c5-rest\">Läs mer</div>",
                    item("c5more", "Fortsättning:")
                ),
            ),
        ]
        .concat(),
    }
}

fn replies(of: &str) -> String {
    match of {
        "c0" => format!(
            "{}<div class=\"comment\">{}{}</div>",
            item("r0a", "Svar:"),
            item("r0b", "Svar:"),
            replies_button("r0b", "Visa 1 svar")
        ),
        "r0b" => item("r0b1", "Svar på svaret:"),
        "c2" => item("r2a", "Reply:"),
        _ => String::new(),
    }
}

/// Word of post `n` of `/expand/many`, shown only once its "Visa mer" was clicked.
pub fn many_word(n: u32) -> String {
    format!("manyhiddenword{n}")
}

fn many_page(n: u32) -> String {
    let posts: String = (0..n)
        .map(|i| {
            format!(
                "<article class=\"item\"><p>Inlägg {i} börjar här.</p>\
                 <div role=\"button\" tabindex=\"0\" class=\"see-more\" data-expand=\"more\" data-n=\"{i}\">Visa mer</div></article>"
            )
        })
        .collect();
    format!(
        "<!doctype html><html lang=\"sv\"><head><meta charset=\"utf-8\"><title>Många inlägg</title>{STYLE}</head>\
         <body data-run=\"many\">{posts}<div id=\"open-listener\"></div>{SCRIPT}</body></html>"
    )
}

/// The routes under `/expand/`; `None` for an unknown one.
pub(crate) fn route(path: &str, q: &str) -> Option<Resp> {
    let run = query(q, "run").unwrap_or_default();
    let delayed = |body: String, ms: u64| Resp {
        delay_ms: ms,
        ..ok(HTML, body)
    };
    Some(match path.strip_prefix("/expand/")? {
        "post" => ok(HTML, post_page(&run)),
        "many" => {
            let n = query(q, "n").and_then(|v| v.parse().ok()).unwrap_or(40u32);
            ok(HTML, many_page(n.min(2000)))
        }
        "api/comments" => delayed(comments(&query(q, "page").unwrap_or_default()), 400),
        "api/replies" => delayed(replies(&query(q, "of").unwrap_or_default()), 300),
        "api/more" => {
            let n: u32 = query(q, "n").and_then(|v| v.parse().ok()).unwrap_or(0);
            delayed(
                format!("<p>{} – resten av inlägget.</p>", many_word(n)),
                150,
            )
        }
        p => {
            let name = p.strip_prefix("hit/")?;
            count(&run, name);
            ok(
                HTML,
                format!("<!doctype html><title>Träff</title><p>expandhitword {name}</p>"),
            )
        }
    })
}
