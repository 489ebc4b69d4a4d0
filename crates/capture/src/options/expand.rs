//! How collapsed content is found and expanded: texts and selectors per
//! platform with a generic fallback, and the budget of a page.

use std::time::Duration;

use ogonblick_model::{ExpanderKind, Platform};

/// Expanders of one platform (or the generic ones). Texts are matched
/// against an element's whole visible text (or its `aria-label` when it has
/// none), case- and space-insensitive, leading and trailing dots and "…"
/// ignored, and `#` standing for any number: "Visa # svar" matches "Visa 12
/// svar". Selectors match elements whatever their text. Either way, an
/// element that would leave the page, open a window or act on the platform
/// is never clicked (see `page/expand.rs`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ExpandRules {
    /// Clipped text: "Visa mer", "See more".
    pub text: Vec<String>,
    /// More comments: "Visa fler kommentarer", "View more comments".
    pub comments: Vec<String>,
    /// Replies: "Visa svar", "View replies".
    pub replies: Vec<String>,
    /// CSS selectors and what they open.
    pub selectors: Vec<(ExpanderKind, String)>,
}

/// Expanding collapsed content before the pictures are taken.
#[derive(Debug, Clone, PartialEq)]
pub struct ExpandConfig {
    /// Off: nothing is clicked (the report then records nothing either).
    pub enabled: bool,
    /// Used on every page.
    pub generic: ExpandRules,
    /// Used besides the generic rules on the pages of that platform (the
    /// channel's platform, or the one the address's host belongs to).
    pub platforms: Vec<(Platform, ExpandRules)>,
    /// At most this many clicks per page (`report.expansion.click_budget_hit`).
    pub max_clicks: u32,
    /// At most this much time spent expanding per page, waiting for what the
    /// clicks load included (`report.expansion.time_budget_hit`).
    pub time_budget: Duration,
}

fn v(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

fn sel(items: &[(ExpanderKind, &str)]) -> Vec<(ExpanderKind, String)> {
    items.iter().map(|(k, s)| (*k, s.to_string())).collect()
}

impl Default for ExpandConfig {
    fn default() -> Self {
        use ExpanderKind::{Comments, Replies, Text};
        let generic = ExpandRules {
            text: v(&[
                "Visa mer",
                "Se mer",
                "Läs mer",
                "Visa hela inlägget",
                "See more",
                "Show more",
                "Read more",
            ]),
            comments: v(&[
                "Visa fler kommentarer",
                "Visa # fler kommentarer",
                "Visa tidigare kommentarer",
                "Visa alla kommentarer",
                "Visa alla # kommentarer",
                "Läs in fler kommentarer",
                "Fler kommentarer",
                "View more comments",
                "View # more comments",
                "View previous comments",
                "View all comments",
                "View all # comments",
                "Load more comments",
                "More comments",
            ]),
            replies: v(&[
                "Visa svar",
                "Visa # svar",
                "Visa alla # svar",
                "Visa fler svar",
                "Visa tidigare svar",
                "# svar",
                "View replies",
                "View # replies",
                "View # reply",
                "View all # replies",
                "View more replies",
                "View previous replies",
                "Show replies",
                "Show # replies",
                "Show more replies",
                "# replies",
                "# reply",
            ]),
            selectors: Vec::new(),
        };
        let platforms = vec![
            (
                Platform::Instagram,
                ExpandRules {
                    text: v(&["mer", "more"]),
                    replies: v(&["Visa svar (#)", "View replies (#)"]),
                    ..Default::default()
                },
            ),
            (
                Platform::X,
                ExpandRules {
                    replies: v(&[
                        "Visa ytterligare svar",
                        "Show additional replies",
                        "Show probable spam",
                    ]),
                    ..Default::default()
                },
            ),
            (
                Platform::YouTube,
                ExpandRules {
                    text: v(&["mer", "more"]),
                    selectors: sel(&[
                        (Text, "#description-inline-expander #expand"),
                        (Text, "ytd-comment-view-model #more"),
                        (Replies, "ytd-comment-replies-renderer #more-replies button"),
                        (
                            Replies,
                            "ytd-comment-replies-renderer ytd-continuation-item-renderer button",
                        ),
                    ]),
                    ..Default::default()
                },
            ),
            (
                Platform::LinkedIn,
                ExpandRules {
                    text: v(&["mer", "more"]),
                    selectors: sel(&[
                        (
                            Text,
                            "button.feed-shared-inline-show-more-text__see-more-less-toggle[aria-expanded=\"false\"]",
                        ),
                        (
                            Comments,
                            "button.comments-comments-list__load-more-comments-button",
                        ),
                        (Replies, "button.show-prev-replies"),
                    ]),
                    ..Default::default()
                },
            ),
            (
                Platform::TikTok,
                ExpandRules {
                    text: v(&["mer", "more"]),
                    ..Default::default()
                },
            ),
            (
                Platform::Threads,
                ExpandRules {
                    text: v(&["mer", "more"]),
                    ..Default::default()
                },
            ),
        ];
        ExpandConfig {
            enabled: true,
            generic,
            platforms,
            max_clicks: 200,
            time_budget: Duration::from_secs(60),
        }
    }
}

impl ExpandConfig {
    /// The rules for a page: the generic ones and those of its platform.
    pub fn rules_for(&self, platform: Option<Platform>) -> ExpandRules {
        let mut r = self.generic.clone();
        for (p, extra) in &self.platforms {
            if Some(*p) == platform {
                r.text.extend(extra.text.iter().cloned());
                r.comments.extend(extra.comments.iter().cloned());
                r.replies.extend(extra.replies.iter().cloned());
                r.selectors.extend(extra.selectors.iter().cloned());
            }
        }
        r
    }
}

/// The platform an address belongs to, by its host (`None` for hosts of no
/// known platform, e.g. a Mastodon instance: the channel's platform says).
pub fn platform_of_host(url: &str) -> Option<Platform> {
    let rest = url.split_once("://")?.1;
    let host = rest
        .split(['/', '?', '#'])
        .next()?
        .rsplit('@')
        .next()?
        .split(':')
        .next()?
        .to_ascii_lowercase();
    let is = |d: &str| host == d || host.ends_with(&format!(".{d}"));
    Some(if is("facebook.com") || is("fb.com") {
        Platform::Facebook
    } else if is("instagram.com") {
        Platform::Instagram
    } else if is("x.com") || is("twitter.com") {
        Platform::X
    } else if is("youtube.com") || is("youtu.be") {
        Platform::YouTube
    } else if is("linkedin.com") {
        Platform::LinkedIn
    } else if is("tiktok.com") {
        Platform::TikTok
    } else if is("threads.net") || is("threads.com") {
        Platform::Threads
    } else if is("flickr.com") {
        Platform::Flickr
    } else {
        return None;
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_platform_adds_its_rules_to_the_generic_ones() {
        let c = ExpandConfig::default();
        let g = c.rules_for(None);
        assert!(g.text.contains(&"Visa mer".to_string()));
        assert!(!g.text.contains(&"more".to_string()));
        let yt = c.rules_for(Some(Platform::YouTube));
        assert!(yt.text.contains(&"Visa mer".to_string()) && yt.text.contains(&"more".to_string()));
        assert!(!yt.selectors.is_empty());
    }

    #[test]
    fn the_platform_of_an_address_is_read_from_its_host() {
        let p = platform_of_host;
        assert_eq!(
            p("https://www.facebook.com/nacka"),
            Some(Platform::Facebook)
        );
        assert_eq!(p("https://m.facebook.com/x"), Some(Platform::Facebook));
        assert_eq!(p("https://x.com/nacka"), Some(Platform::X));
        assert_eq!(p("https://twitter.com:443/nacka"), Some(Platform::X));
        assert_eq!(p("https://www.youtube.com/@nacka"), Some(Platform::YouTube));
        assert_eq!(p("https://notfacebook.com/"), None);
        assert_eq!(p("https://facebook.com.evil.example/"), None);
        assert_eq!(p("http://127.0.0.1:8080/facebook"), None);
    }
}
