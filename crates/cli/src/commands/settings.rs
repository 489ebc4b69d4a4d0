//! `ogonblick settings show [KEY]|set`. A key on the command line is the
//! settings document's stored name (`organisation`, `package`, `scheduler`, `timestamp`),
//! parsed into `SettingKey` here.

use std::process::ExitCode;

use clap::{Args, Subcommand};
use ogonblick_app::AppError;
use ogonblick_model::messages::{CliLine, CliWord, Label};
use ogonblick_model::{ComparisonSettings, SchedulePolicy, SettingKey};

use super::Ctx;
use crate::{lang, output};

#[derive(Debug, Subcommand)]
pub enum SettingsCmd {
    /// Show the organisation settings, or another settings document:
    /// organisation, package (archival package defaults), scheduler or
    /// timestamp (the time-stamping authorities).
    Show {
        key: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Change the organisation settings (an empty value clears a field).
    Set(Box<SetArgs>),
}

#[derive(Debug, Args)]
pub struct SetArgs {
    /// The organisation's name, e.g. "Nacka kommun".
    #[arg(long)]
    pub name: Option<String>,
    /// Organisationsnummer.
    #[arg(long)]
    pub org_number: Option<String>,
    /// The e-archive packages are delivered to.
    #[arg(long)]
    pub e_archive: Option<String>,
    /// The submission agreement (leveransöverenskommelse) reference.
    #[arg(long)]
    pub submission_agreement: Option<String>,
    /// half-yearly, yearly or manual.
    #[arg(long)]
    pub default_policy: Option<String>,
    /// A time-stamping authority (RFC 3161, http:// or https://); repeat for
    /// several. Replaces the list. Every new snapshot's manifest is stamped
    /// by each.
    #[arg(long = "tsa-url", value_name = "URL")]
    pub tsa_url: Vec<String>,
    /// The root certificate (PEM) the authorities' certificates lead to;
    /// repeat for several. Copied into the data directory.
    #[arg(long = "tsa-ca", value_name = "FILE.pem")]
    pub tsa_ca: Vec<std::path::PathBuf>,
    /// Stop timestamping new snapshots (removes every authority).
    #[arg(long = "no-tsa", conflicts_with = "tsa_url")]
    pub no_tsa: bool,
    /// How long each time-stamping authority is given to answer, in seconds
    /// (1 to 120; 10 unless set). A snapshot whose authority does not answer
    /// in time is stored, marked as missing its timestamp, and retried.
    #[arg(long = "tsa-timeout", value_name = "SECONDS")]
    pub tsa_timeout: Option<u32>,
    /// Keep a web archive (WACZ) of every snapshot: on (the default) or off.
    #[arg(long, value_enum)]
    pub web_archive: Option<OnOff>,
    #[command(flatten)]
    pub comparison: ComparisonArgs,
    #[arg(long)]
    pub json: bool,
}

/// The thresholds of comparisons (`settings show comparison`); each flag
/// changes one, the others stay.
#[derive(Debug, Args)]
pub struct ComparisonArgs {
    /// Height in pixels of the page's top band compared as the channel's
    /// identity: name, description, profile and cover picture (16 to 4000;
    /// 400 unless set).
    #[arg(long = "comparison-header-height", value_name = "PX")]
    pub header_height: Option<u32>,
    /// Side in pixels of the square tiles whose pictures are compared (8 to
    /// 512; 64 unless set).
    #[arg(long = "comparison-tile-size", value_name = "PX")]
    pub tile_size: Option<u32>,
    /// Bits (of 64) a tile's picture hash may differ before the tile counts
    /// as changed (0 to 64; 8 unless set).
    #[arg(long = "comparison-tile-distance", value_name = "BITS")]
    pub tile_distance: Option<u32>,
    /// How far a tile's mean colour may move before it counts as changed (0
    /// to 255; 24 unless set).
    #[arg(long = "comparison-colour-distance", value_name = "N")]
    pub colour_distance: Option<u32>,
    /// Changed tiles in the top band that suggest a major change (1 to 1000;
    /// 2 unless set).
    #[arg(long = "comparison-header-tiles", value_name = "N")]
    pub header_tiles: Option<u32>,
    /// Below this similarity (0 to 1) of the top band's text, a major change
    /// is suggested (0.9 unless set).
    #[arg(long = "comparison-header-text-similarity", value_name = "0..1")]
    pub header_text_similarity: Option<f64>,
    /// Below this similarity (0 to 1) of the whole text of an about or rules
    /// page (a channel's address but the first), a major change is suggested
    /// (0.9 unless set).
    #[arg(long = "comparison-rules-page-text-similarity", value_name = "0..1")]
    pub rules_page_text_similarity: Option<f64>,
}

impl ComparisonArgs {
    fn given(&self) -> bool {
        self.header_height.is_some()
            || self.tile_size.is_some()
            || self.tile_distance.is_some()
            || self.colour_distance.is_some()
            || self.header_tiles.is_some()
            || self.header_text_similarity.is_some()
            || self.rules_page_text_similarity.is_some()
    }

    /// The stored thresholds with the given ones changed; the whole is
    /// checked by `App::set_comparison_settings`.
    fn apply(&self, mut c: ComparisonSettings) -> ComparisonSettings {
        let set = |field: &mut u32, v: Option<u32>| {
            if let Some(v) = v {
                *field = v;
            }
        };
        set(&mut c.header_height, self.header_height);
        set(&mut c.tile_size, self.tile_size);
        set(&mut c.tile_distance, self.tile_distance);
        set(&mut c.colour_distance, self.colour_distance);
        set(&mut c.header_tiles, self.header_tiles);
        if let Some(v) = self.header_text_similarity {
            c.header_text_similarity = v;
        }
        if let Some(v) = self.rules_page_text_similarity {
            c.rules_page_text_similarity = v;
        }
        c
    }
}

/// A setting turned on or off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OnOff {
    On,
    Off,
}

pub fn run(ctx: &Ctx, cmd: SettingsCmd) -> anyhow::Result<ExitCode> {
    let app = ctx.open()?;
    let (s, json) = match cmd {
        SettingsCmd::Show { key, json } => {
            let key = match key {
                Some(k) => k.parse::<SettingKey>().map_err(|e| {
                    AppError::said(
                        ogonblick_model::ErrorCode::InvalidInput,
                        ogonblick_model::Message::CliBadSettingKey {
                            given: e.0,
                            known: ogonblick_model::SettingKey::ALL
                                .map(ogonblick_model::SettingKey::as_str)
                                .join(", "),
                        },
                    )
                })?,
                None => SettingKey::Organisation,
            };
            match key {
                SettingKey::Organisation => (app.settings()?, json),
                // No text form of their own: JSON, as `--json` prints it.
                SettingKey::Package => {
                    output::json(&app.package_settings()?)?;
                    return Ok(ExitCode::SUCCESS);
                }
                SettingKey::Scheduler => {
                    output::json(&app.scheduler_settings()?)?;
                    return Ok(ExitCode::SUCCESS);
                }
                SettingKey::Retention => {
                    output::json(&app.retention_rules()?)?;
                    return Ok(ExitCode::SUCCESS);
                }
                SettingKey::DisposalHolds => {
                    output::json(&app.disposal_holds()?)?;
                    return Ok(ExitCode::SUCCESS);
                }
                SettingKey::Timestamp => {
                    output::json(&app.timestamp_settings()?)?;
                    return Ok(ExitCode::SUCCESS);
                }
                SettingKey::Comparison => {
                    output::json(&app.comparison_settings()?)?;
                    return Ok(ExitCode::SUCCESS);
                }
                SettingKey::OrgUnits => {
                    output::json(&app.org_units()?)?;
                    return Ok(ExitCode::SUCCESS);
                }
            }
        }
        SettingsCmd::Set(a) => {
            let a = *a;
            // Checked first: a threshold or time out of bounds changes nothing.
            let comparison = if a.comparison.given() {
                let c = a.comparison.apply(app.comparison_settings()?);
                ogonblick_app::check_comparison_settings(&c)?;
                Some(c)
            } else {
                None
            };
            if let Some(secs) = a.tsa_timeout {
                app.set_tsa_timeout(secs)?;
            }
            if let Some(c) = comparison {
                app.set_comparison_settings(&c)?;
            }
            let tsa_given = !a.tsa_url.is_empty() || !a.tsa_ca.is_empty() || a.no_tsa;
            if tsa_given {
                let urls = if a.no_tsa {
                    Vec::new()
                } else if a.tsa_url.is_empty() {
                    app.timestamp_settings()?.authorities
                } else {
                    a.tsa_url.clone()
                };
                app.set_timestamp_settings(urls, a.tsa_ca.clone())?;
            }
            let tsa_given = tsa_given || a.tsa_timeout.is_some() || a.comparison.given();
            let mut s = app.settings()?;
            let given = a.name.is_some()
                || a.org_number.is_some()
                || a.e_archive.is_some()
                || a.submission_agreement.is_some()
                || a.default_policy.is_some()
                || a.web_archive.is_some();
            if !given && !tsa_given {
                return Err(AppError::said(
                    ogonblick_model::ErrorCode::InvalidInput,
                    ogonblick_model::Message::CliSettingsNothing {},
                )
                .into());
            }
            if let Some(n) = a.name {
                s.name = n;
            }
            if let Some(v) = a.org_number {
                s.org_number = Some(v);
            }
            if let Some(v) = a.e_archive {
                s.e_archive_name = Some(v);
            }
            if let Some(v) = a.submission_agreement {
                s.submission_agreement = Some(v);
            }
            if let Some(p) = a.default_policy {
                s.default_policy = p.parse::<SchedulePolicy>().map_err(|e| {
                    AppError::said(ogonblick_model::ErrorCode::InvalidInput, e.message())
                })?;
            }
            if let Some(w) = a.web_archive {
                s.web_archive = w == OnOff::On;
            }
            if given {
                s = app.set_settings(s)?;
            }
            (s, a.json)
        }
    };
    let tsa = app.timestamp_settings()?;
    if json {
        output::json(&s)?;
    } else {
        let o = |v: &Option<String>| v.clone().unwrap_or_default();
        // Each block padded to its widest label in the chosen language.
        let org = lang::label_width(&[
            Label::OrgName,
            Label::OrgNumber,
            Label::EArchive,
            Label::SubmissionAgreement,
            Label::DefaultPolicy,
            Label::WebArchive,
        ]);
        let stamps =
            lang::label_width(&[Label::TsaAuthorities, Label::TsaRoots, Label::TsaTimeout]);
        let l = |label: Label, width: usize| lang::label(label, width);
        output::line(
            [
                format!("{}{}", l(Label::OrgName, org), s.name),
                format!("{}{}", l(Label::OrgNumber, org), o(&s.org_number)),
                format!("{}{}", l(Label::EArchive, org), o(&s.e_archive_name)),
                format!(
                    "{}{}",
                    l(Label::SubmissionAgreement, org),
                    o(&s.submission_agreement)
                ),
                format!(
                    "{}{}",
                    l(Label::DefaultPolicy, org),
                    lang::line(CliLine::CliPolicy {
                        policy: s.default_policy.as_str().into(),
                    })
                ),
                format!(
                    "{}{}",
                    l(Label::WebArchive, org),
                    lang::word(if s.web_archive {
                        CliWord::On
                    } else {
                        CliWord::Off
                    })
                ),
            ]
            .join("\n"),
        )?;
        output::line(
            [
                format!(
                    "{}{}",
                    l(Label::TsaAuthorities, stamps),
                    if tsa.authorities.is_empty() {
                        lang::line(CliLine::CliTsaNone {})
                    } else {
                        tsa.authorities.join(", ")
                    }
                ),
                format!("{}{}", l(Label::TsaRoots, stamps), tsa.ca_files.join(", ")),
                format!(
                    "{}{} s",
                    l(Label::TsaTimeout, stamps),
                    ogonblick_app::tsa_timeout(&tsa).as_secs()
                ),
            ]
            .join("\n"),
        )?;
    }
    Ok(ExitCode::SUCCESS)
}
