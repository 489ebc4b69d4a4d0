//! Trusted timestamps (RFC 3161) of snapshots: the authorities and their
//! root certificates (settings), asking for the tokens of a new or pending
//! snapshot, and checking a snapshot's manifest and tokens offline.

use ogonblick_model::RoleAction;
use ogonblick_store::RegisterExt;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use ogonblick_model::fixity::sha256_file;
use ogonblick_model::{ErrorCode, Message, SnapshotTimestamp, TimestampSettings};
use ogonblick_store::fsutil::write_atomic;
use ogonblick_timestamp::manifest::token_number;
use ogonblick_timestamp::{
    load_ca_pem, parse_manifest, request_token, verify_token, TrustedRoots, MANIFEST_FILE,
};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{App, AppError, Result};

/// How long one authority is given to answer unless the settings say
/// otherwise (`settings set --tsa-timeout`), and the bounds of that setting,
/// in seconds: an authority that hangs holds a capture up no longer.
pub const TSA_TIMEOUT_DEFAULT: u32 = 10;
pub const TSA_TIMEOUT_MIN: u32 = 1;
pub const TSA_TIMEOUT_MAX: u32 = 120;

/// The time each authority is given under these settings.
pub fn tsa_timeout(settings: &TimestampSettings) -> Duration {
    Duration::from_secs(u64::from(
        settings
            .timeout_secs
            .unwrap_or(TSA_TIMEOUT_DEFAULT)
            .clamp(TSA_TIMEOUT_MIN, TSA_TIMEOUT_MAX),
    ))
}

/// What checking a snapshot's manifest and timestamps found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TimestampCheck {
    pub snapshot_id: String,
    /// Every token verified and the manifest matches the files.
    pub ok: bool,
    /// Tokens verified (`timestamp-verified`).
    pub verified: Vec<Message>,
    /// What does not hold (`timestamp-manifest-*`, `timestamp-token-refused`).
    pub problems: Vec<Message>,
    /// `timestamp-pending` or `timestamp-not-configured` where no token is
    /// there to check.
    pub note: Option<Message>,
}

/// The sentence for a snapshot's stamping state in a list: stamped by whom
/// and when, pending, or none configured.
pub fn timestamp_status(state: Option<&SnapshotTimestamp>) -> Message {
    match state {
        None => Message::TimestampNotConfigured {},
        Some(s) if s.is_pending() => Message::TimestampPending {},
        Some(s) => match s.first_stamp() {
            Some(a) => Message::TimestampStamped {
                signer: a.signer.clone().unwrap_or_else(|| a.url.clone()),
                time: a
                    .time
                    .map(|t| t.format("%Y-%m-%d %H:%M:%S").to_string())
                    .unwrap_or_default(),
            },
            None => Message::TimestampPending {},
        },
    }
}

fn is_tsa_url(u: &str) -> bool {
    let rest = u
        .strip_prefix("http://")
        .or_else(|| u.strip_prefix("https://"));
    matches!(rest, Some(r) if !r.is_empty() && !r.starts_with('/') && !r.contains(char::is_whitespace) && !r.split('/').next().unwrap_or("").contains('@'))
}

impl App {
    /// The authorities and root certificates.
    pub fn timestamp_settings(&self) -> Result<TimestampSettings> {
        Ok(self.store().setting()?)
    }

    /// Sets the authorities (replacing the list) and, when files are given,
    /// the trusted root certificates (copied into `<data>/tsa-ca/`). Every
    /// address and certificate is checked before anything is written. An
    /// empty list of addresses turns timestamps off.
    pub fn set_timestamp_settings(
        &self,
        authorities: Vec<String>,
        ca_files: Vec<PathBuf>,
    ) -> Result<TimestampSettings> {
        self.require(RoleAction::Settings, None)?;
        let authorities: Vec<String> = authorities.iter().map(|u| u.trim().to_string()).collect();
        for u in &authorities {
            if !is_tsa_url(u) {
                return Err(AppError::said(
                    ErrorCode::InvalidInput,
                    Message::TimestampBadUrl { url: u.clone() },
                ));
            }
        }
        let mut certs = Vec::new();
        for f in &ca_files {
            let bytes = std::fs::read(f).map_err(|e| {
                AppError::said(
                    ErrorCode::InvalidInput,
                    Message::StoreIoOf {
                        action: ogonblick_model::messages::IoAction::Read,
                        path: f.display().to_string(),
                        detail: e.to_string(),
                    },
                )
            })?;
            load_ca_pem(&bytes).map_err(|e| {
                AppError::said(
                    ErrorCode::InvalidInput,
                    Message::TimestampCaRefused {
                        path: f.display().to_string(),
                        reason: e.reason().to_string(),
                    },
                )
            })?;
            certs.push(bytes);
        }
        let mut settings = self.timestamp_settings()?;
        if !authorities.is_empty() && certs.is_empty() && settings.ca_files.is_empty() {
            return Err(AppError::said(
                ErrorCode::InvalidInput,
                Message::TimestampNoCa {},
            ));
        }
        if !certs.is_empty() {
            let dir = self.store().tsa_ca_dir()?;
            let mut names = Vec::new();
            for (i, bytes) in certs.iter().enumerate() {
                let name = format!("ca-{}.pem", i + 1);
                write_atomic(&dir.join(&name), bytes)?;
                names.push(name);
            }
            settings.ca_files = names;
        }
        settings.authorities = authorities;
        self.store().set_setting(&settings, self.operator())?;
        Ok(settings)
    }

    /// Sets how long each authority is given to answer, in seconds
    /// ([`TSA_TIMEOUT_MIN`]..=[`TSA_TIMEOUT_MAX`]).
    pub fn set_tsa_timeout(&self, seconds: u32) -> Result<TimestampSettings> {
        self.require(RoleAction::Settings, None)?;
        if !(TSA_TIMEOUT_MIN..=TSA_TIMEOUT_MAX).contains(&seconds) {
            return Err(AppError::said(
                ErrorCode::InvalidInput,
                Message::TimestampBadTimeout {
                    seconds: u64::from(seconds),
                    min: u64::from(TSA_TIMEOUT_MIN),
                    max: u64::from(TSA_TIMEOUT_MAX),
                },
            ));
        }
        let mut settings = self.timestamp_settings()?;
        settings.timeout_secs = Some(seconds);
        self.store().set_setting(&settings, self.operator())?;
        Ok(settings)
    }

    /// The configured root certificates.
    pub fn trusted_roots(&self) -> Result<TrustedRoots> {
        let settings = self.timestamp_settings()?;
        let dir = self.store().tsa_ca_dir()?;
        let mut roots = Vec::new();
        for name in &settings.ca_files {
            let path = dir.join(name);
            let bytes = std::fs::read(&path).map_err(|e| {
                AppError::said(
                    ErrorCode::Environment,
                    Message::StoreIoOf {
                        action: ogonblick_model::messages::IoAction::Read,
                        path: path.display().to_string(),
                        detail: e.to_string(),
                    },
                )
            })?;
            roots.extend(load_ca_pem(&bytes).map_err(|e| {
                AppError::said(
                    ErrorCode::Environment,
                    Message::TimestampCaRefused {
                        path: path.display().to_string(),
                        reason: e.reason().to_string(),
                    },
                )
            })?);
        }
        Ok(TrustedRoots(roots))
    }

    /// The configured root certificate files (for a package).
    pub fn trusted_root_files(&self) -> Result<Vec<PathBuf>> {
        let dir = self.store().tsa_ca_dir()?;
        Ok(self
            .timestamp_settings()?
            .ca_files
            .iter()
            .map(|n| dir.join(n))
            .collect())
    }

    /// Every snapshot's stamping state, by snapshot id.
    pub fn timestamp_states(&self) -> Result<BTreeMap<String, SnapshotTimestamp>> {
        Ok(self.store().timestamp_states()?)
    }

    /// The stamping states of one channel's snapshots, or every one's.
    pub fn timestamp_states_of(
        &self,
        channel: Option<ogonblick_model::ChannelId>,
    ) -> Result<BTreeMap<String, SnapshotTimestamp>> {
        Ok(match channel {
            Some(id) => self.store().timestamp_states_of_channel(id)?,
            None => self.store().timestamp_states()?,
        })
    }

    /// One snapshot's stamping state (`None`: no authority was configured).
    pub fn snapshot_timestamp(&self, snapshot_id: &str) -> Result<Option<SnapshotTimestamp>> {
        self.store().snapshot(snapshot_id)?;
        Ok(self.store().timestamp_state(snapshot_id)?)
    }

    /// Asks every authority that still owes a token for it; each answer is
    /// verified before it is kept. What failed stays pending, with why.
    /// `None`: the snapshot was not sent to any authority.
    pub fn stamp_snapshot(&self, snapshot_id: &str) -> Result<Option<SnapshotTimestamp>> {
        let Some(mut state) = self.store().timestamp_state(snapshot_id)? else {
            return Ok(None);
        };
        let mut digest = [0u8; 32];
        hex::decode_to_slice(&state.manifest_sha256, &mut digest).map_err(|_| {
            // Read back from the register: damaged data, not a fault.
            AppError::said(
                ErrorCode::Environment,
                Message::TimestampStateDamaged {
                    snapshot: snapshot_id.to_string(),
                    given: state.manifest_sha256.chars().take(80).collect(),
                },
            )
        })?;
        let roots = self.trusted_roots()?;
        let timeout = tsa_timeout(&self.timestamp_settings()?);
        for i in 0..state.authorities.len() {
            if state.authorities[i].token.is_some() {
                continue;
            }
            let url = state.authorities[i].url.clone();
            state = match request_token(&url, &digest, &roots, timeout) {
                Ok((reply, info)) => self.store().add_timestamp_token(
                    snapshot_id,
                    i,
                    &reply,
                    info.time,
                    &info.signer,
                    self.operator(),
                )?,
                Err(e) => self.store().record_timestamp_failure(
                    snapshot_id,
                    i,
                    Message::TimestampFailedWhy {
                        url: url.clone(),
                        reason: e.reason().to_string(),
                        detail: e.detail(),
                    },
                    self.operator(),
                )?,
            };
        }
        Ok(Some(state))
    }

    /// Retries every pending snapshot (`ogonblick timestamp --pending`, the
    /// scheduler). Returns their states afterwards.
    pub fn stamp_pending(&self) -> Result<Vec<SnapshotTimestamp>> {
        let mut out = Vec::new();
        for id in self.store().pending_timestamps()? {
            if let Some(s) = self.stamp_snapshot(&id)? {
                out.push(s);
            }
        }
        Ok(out)
    }

    /// Checks a snapshot offline: the manifest against the files, and every
    /// token against the manifest's SHA-256 and the configured roots.
    pub fn verify_snapshot_timestamp(&self, snapshot_id: &str) -> Result<TimestampCheck> {
        let (snapshot, dir) = self.snapshot_folder(snapshot_id)?;
        let state = self.store().timestamp_state(snapshot_id)?;
        let roots = self.trusted_roots()?;
        // Every captured file (the pages' and the web archive); not
        // snapshot.json, which a diary number rewrites.
        let recorded: Vec<String> = snapshot.all_files().map(|f| f.path.clone()).collect();
        let mut check = check_folder(&dir, &recorded, &roots)?;
        check.snapshot_id = snapshot_id.to_string();
        if check.verified.is_empty() {
            check.note = Some(timestamp_status(state.as_ref()));
        }
        if let Some(s) = &state {
            if s.is_pending() {
                check.note = Some(Message::TimestampPending {});
            }
        }
        Ok(check)
    }
}

/// Checks a folder's manifest against its files (`expected` must all be
/// listed) and every token beside it against the roots.
pub fn check_folder(
    dir: &Path,
    expected: &[String],
    roots: &TrustedRoots,
) -> Result<TimestampCheck> {
    let mut check = TimestampCheck {
        snapshot_id: String::new(),
        ok: false,
        verified: Vec::new(),
        problems: Vec::new(),
        note: None,
    };
    let manifest_path = dir.join(MANIFEST_FILE);
    let Ok(text) = std::fs::read_to_string(&manifest_path) else {
        check.problems.push(Message::TimestampManifestMissing {
            snapshot: dir
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
        });
        return Ok(check);
    };
    match parse_manifest(&text) {
        Ok(lines) => {
            for l in &lines {
                let ok = sha256_file(&dir.join(&l.path))
                    .map(|(sha, _)| sha == l.sha256)
                    .unwrap_or(false);
                if !ok {
                    check.problems.push(Message::TimestampManifestMismatch {
                        path: l.path.clone(),
                    });
                }
            }
            for p in expected {
                if !lines.iter().any(|l| &l.path == p) {
                    check
                        .problems
                        .push(Message::TimestampManifestMismatch { path: p.clone() });
                }
            }
        }
        Err(e) => check.problems.push(Message::TimestampManifestMismatch {
            path: format!("{MANIFEST_FILE} ({e})"),
        }),
    }
    let (sha, _) = sha256_file(&manifest_path).map_err(|e| {
        ogonblick_store::StoreError::io(
            ogonblick_model::messages::IoAction::Read,
            &manifest_path,
            e,
        )
    })?;
    let mut digest = [0u8; 32];
    hex::decode_to_slice(&sha, &mut digest)
        .map_err(|_| AppError::fault(ogonblick_model::messages::Fault::Sha256Hex))?;
    let mut tokens: Vec<(usize, String)> = std::fs::read_dir(dir)
        .map_err(|e| {
            AppError::said(
                ogonblick_model::ErrorCode::Environment,
                ogonblick_model::Message::StoreIoOf {
                    action: ogonblick_model::messages::IoAction::Read,
                    path: dir.display().to_string(),
                    detail: e.to_string(),
                },
            )
        })?
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            token_number(&name).map(|n| (n, name))
        })
        .collect();
    tokens.sort();
    for (_, name) in tokens {
        let bytes = std::fs::read(dir.join(&name)).map_err(|e| {
            AppError::said(
                ogonblick_model::ErrorCode::Environment,
                ogonblick_model::Message::StoreIoOf {
                    action: ogonblick_model::messages::IoAction::Read,
                    path: dir.join(&name).display().to_string(),
                    detail: e.to_string(),
                },
            )
        })?;
        match verify_token(&bytes, &digest, roots) {
            Ok(info) => check.verified.push(Message::TimestampVerified {
                token: name,
                signer: info.signer,
                time: info.time.format("%Y-%m-%d %H:%M:%S").to_string(),
            }),
            Err(e) => check.problems.push(Message::TimestampTokenRefused {
                token: name,
                reason: e.reason().to_string(),
                detail: e.detail(),
            }),
        }
    }
    check.ok = check.problems.is_empty() && !check.verified.is_empty();
    Ok(check)
}
