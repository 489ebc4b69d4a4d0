//! The generated pages of the fixture site: the platforms' channel pages
//! (how each is built, [`ChannelSpec`]) and the tall page of colour bands.

use crate::Ctx;

const CHANNEL_HTML: &str = include_str!("../../../tests/fixture-site/channel.html");

/// The platforms with a channel page, in the order of the fixture's index.
pub const PLATFORMS: &[&str] = &["facebook", "instagram", "x", "youtube", "linkedin"];

/// How a channel page of the fixture is built.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChannelSpec {
    pub platform: &'static str,
    pub brand: &'static str,
    /// Header colour.
    pub brand_rgb: [u8; 3],
    pub initial_posts: u32,
    /// Pages loaded by infinite scroll.
    pub pages: u32,
    pub per_page: u32,
    pub endless: bool,
    /// "page" (in-page dialog), "frame" (cross-origin iframe) or "none".
    pub consent: &'static str,
}

impl ChannelSpec {
    pub fn total_posts(&self) -> u32 {
        self.initial_posts + self.pages * self.per_page
    }
    /// Posts with a native lazy (red) image: the even-numbered ones.
    pub fn native_lazy(&self) -> u32 {
        (0..self.total_posts()).filter(|n| n % 2 == 0).count() as u32
    }
    pub fn io_lazy(&self) -> u32 {
        self.total_posts() - self.native_lazy()
    }
    /// The button text the consent dialog must be dismissed with.
    pub fn consent_button(&self) -> Option<&'static str> {
        match (self.platform, self.consent) {
            (_, "frame") => Some("Godkänn alla"),
            ("linkedin", "page") => Some("Acceptera alla"),
            (_, "page") => Some("Tillåt alla cookies"),
            _ => None,
        }
    }
}

/// The fixture's channel pages (`endless` included).
pub fn channel_spec(platform: &str) -> Option<ChannelSpec> {
    let s = |platform, brand, brand_rgb, initial_posts, pages, per_page, endless, consent| {
        ChannelSpec {
            platform,
            brand,
            brand_rgb,
            initial_posts,
            pages,
            per_page,
            endless,
            consent,
        }
    };
    Some(match platform {
        "facebook" => s(
            "facebook",
            "facebook",
            [0x3b, 0x59, 0x98],
            8,
            3,
            5,
            false,
            "page",
        ),
        "instagram" => s(
            "instagram",
            "Instagram",
            [0xc1, 0x35, 0x84],
            6,
            2,
            6,
            false,
            "frame",
        ),
        "x" => s("x", "X", [0x14, 0x17, 0x1a], 10, 3, 5, false, "none"),
        "youtube" => s(
            "youtube",
            "YouTube",
            [0xcc, 0x00, 0x00],
            9,
            2,
            6,
            false,
            "frame",
        ),
        "linkedin" => s(
            "linkedin",
            "LinkedIn",
            [0x0a, 0x66, 0xc2],
            8,
            2,
            4,
            false,
            "page",
        ),
        "endless" => s(
            "endless",
            "facebook",
            [0x3b, 0x59, 0x98],
            8,
            0,
            5,
            true,
            "none",
        ),
        _ => return None,
    })
}

/// The colour of band `i` of the tall page.
pub fn band_colour(i: u32) -> [u8; 3] {
    [
        ((i * 53 + 20) % 256) as u8,
        ((i * 97 + 80) % 256) as u8,
        ((i * 151 + 160) % 256) as u8,
    ]
}

pub(crate) fn post_html(platform: &str, n: u32) -> String {
    let img = if n.is_multiple_of(2) {
        format!(r#"<img loading="lazy" src="/img/red/{n}.svg?delay=120" alt="Bild {n}">"#)
    } else {
        format!(r#"<img data-src="/img/blue/{n}.svg?delay=120" alt="Bild {n}">"#)
    };
    format!(
        "<article class=\"post\" id=\"post-{n}\"><h2>Inlägg {n}: Räksmörgås åäö ÅÄÖ 🎉</h2>\
         <p>Kommunen informerar ({platform}). postword{n} – Östersjön, Älvsbyn, Åre.</p>{img}</article>\n"
    )
}

pub(crate) fn channel_page(spec: &ChannelSpec, ctx: &Ctx) -> String {
    let posts: String = (0..spec.initial_posts)
        .map(|n| post_html(spec.platform, n))
        .collect();
    let consent = match spec.consent {
        "page" => {
            let accept = spec.consent_button().unwrap_or("Acceptera alla");
            format!(
                "<div id=\"consent\" class=\"consent-backdrop\"><div class=\"consent-dialog\" role=\"dialog\">\
                 <h2>Vi använder cookies</h2><p>Välj om du godkänner kakor.</p>\
                 <button id=\"consent-deny\">Acceptera inte</button><button id=\"consent-accept\">{accept}</button></div></div>"
            )
        }
        "frame" => format!(
            "<div id=\"cmp-wrap\" class=\"consent-backdrop\"><iframe id=\"cmp\" title=\"Consent\" src=\"{}/consent-frame\"></iframe></div>",
            ctx.cross
        ),
        _ => String::new(),
    };
    let name = format!("Ögonblicks kommun på {}", spec.brand);
    CHANNEL_HTML
        .replace("{{TITLE}}", &format!("{name} – fixtur"))
        .replace(
            "{{PLATFORM}}",
            if spec.platform == "endless" {
                "facebook"
            } else {
                spec.platform
            },
        )
        .replace("{{BRAND}}", spec.brand)
        .replace("{{NAME}}", &name)
        .replace("{{POSTS}}", &posts)
        .replace("{{CONSENT}}", &consent)
        .replace("{{PAGES}}", &spec.pages.to_string())
        .replace("{{ENDLESS}}", if spec.endless { "1" } else { "0" })
        .replace(
            "data-platform=\"facebook\"",
            &format!("data-platform=\"{}\"", spec.platform),
        )
}

/// The colour of the tall page's `hero`, a block as tall as a share of the window.
pub const HERO_COLOUR: [u8; 3] = [0x20, 0x20, 0x20];

/// The tall page: `h` px of colour bands `band` px each, below a block
/// `hero` vh tall when `hero` > 0.
pub(crate) fn tall_page(h: u32, band: u32, hero: u32) -> String {
    let band = band.max(100);
    let n = h.div_ceil(band);
    let mut s = String::with_capacity(n as usize * 120 + 400);
    s.push_str("<!doctype html><html lang=\"sv\"><head><meta charset=\"utf-8\"><title>Hög sida med färgband</title>\
                <style>html,body{margin:0;padding:0}div{width:100%;font:12px 'DejaVu Sans',sans-serif}</style></head><body>");
    if hero > 0 {
        let [r, g, b] = HERO_COLOUR;
        s.push_str(&format!(
            "<div style=\"height:{hero}vh;background:rgb({r},{g},{b});color:#fff\">Överst, {hero} vh</div>"
        ));
    }
    for i in 0..n {
        let [r, g, b] = band_colour(i);
        let hh = band.min(h - i * band);
        s.push_str(&format!(
            "<div style=\"height:{hh}px;background:rgb({r},{g},{b})\">Band {i}</div>"
        ));
    }
    s.push_str("</body></html>");
    s
}
