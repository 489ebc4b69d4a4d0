//! Domain types of Ögonblick, shared by every engine crate and (through
//! generated TypeScript bindings, see `ui/src/bindings/`) by the UI.
//!
//! This crate has no I/O but [`fixity::sha256_file`], the one file hash. It also holds the small seams every other crate
//! injects: the [`Clock`], the [`IdGen`], the [`ProgressSink`] and the
//! [`CancelToken`], so schedules, metadata and packages are testable byte for
//! byte.

use chrono::{DateTime, Utc};

pub mod fixity;
pub mod text;

pub type Timestamp = DateTime<Utc>;

/// Integer id of a channel in the register. Stable: it is written into every
/// snapshot folder, so a rebuilt database keeps the same ids.
pub type ChannelId = i64;

// The vocabularies first: the audit log declares one with their macro.
#[macro_use]
mod vocab;
mod audit;
mod audit_legacy;
mod channel;
mod channel_page;
mod comparison;
mod error;
mod expansion;
mod marks;
mod org_units;
mod removal;
mod retention;
mod roles;
mod schedule_settings;
mod seams;
mod settings;
mod snapshot;
mod timestamp;

pub use audit::GroundChange;
pub use audit::{AuditEntry, AuditEvent, ChannelField, AUDIT_EVENT_VERSION};
pub use channel::{Channel, ChannelBrief, ChannelPatch, ChannelSummary, NewChannel};
pub use channel_page::{
    filter_choices, lacks_substitute, page_start, swedish_key, ChannelPage, ChannelQuery,
    ChannelSort,
};
pub use comparison::{ChangeSignal, ChangedRegion, ComparisonSettings, PageComparison};
pub use error::{ErrorCode, ErrorPayload};
pub use expansion::{Expanded, ExpanderKind, ExpansionReport};
pub use marks::{Mark, MarkChange, MarkFlags, MarkedKind};
/// The message catalogue (`crates/messages`): every sentence the engine
/// shows a user, as a key with typed parameters.
pub use ogonblick_messages as messages;
pub use ogonblick_messages::{Blocks, Language, Message, TextField};
pub use org_units::{same_name, OrgBoard, OrgUnits};
pub use removal::{
    AuthorContact, Certification, Evidence, Forwarded, GroundChoice, PoliceReport, RemovalAction,
    RemovalGround, RemovalManifest, RemovalRecord, RemovedKind, SuppliedFile,
};
pub use retention::{
    diary_norm, DisposalHolds, DisposalLogEntry, DisposalLogLine, DisposedFile, DisposedKind, Hold,
    KeptDiaryNumber, RetentionKind, RetentionPeriod, RetentionRule, RetentionRules,
    UnknownRetentionKind,
};
pub use roles::{PersonRoles, Role, RoleAction};
pub use schedule_settings::{
    DayError, DayProblem, MonthDay, Period, PeriodForm, ScheduleSettings, ScheduleSettingsForm,
};
pub use seams::{
    CancelToken, Clock, CollectProgress, FixedClock, IdGen, NoProgress, ProgressEvent,
    ProgressSink, RandomIds, SequentialIds, Stage, SystemClock,
};
pub use settings::{OrgSettings, Setting, SettingKey, UnknownSettingKey};
pub use snapshot::{
    BlockedDownload, CompletenessReport, FileRecord, PageRecord, PostCoverage, Provenance,
    Snapshot, SnapshotManifest,
};
pub use timestamp::{AuthorityStamp, SnapshotTimestamp, TimestampSettings};
pub use vocab::{
    ChannelStatus, FileRole, Platform, SchedulePolicy, SnapshotReason, SnapshotStatus, UnknownWord,
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vocabulary_round_trips_and_accepts_aliases() {
        for p in Platform::ALL {
            assert_eq!(p.as_str().parse::<Platform>().unwrap(), *p);
        }
        assert_eq!("Twitter".parse::<Platform>().unwrap(), Platform::X);
        assert_eq!(
            " halvår ".parse::<SchedulePolicy>().unwrap(),
            SchedulePolicy::HalfYearly
        );
        let err = "myspace".parse::<Platform>().unwrap_err().to_string();
        assert!(err.contains("myspace") && err.contains("facebook"), "{err}");
    }

    #[test]
    fn random_ids_are_uuid_v4_and_distinct() {
        let a = RandomIds.new_id();
        let b = RandomIds.new_id();
        assert_ne!(a, b);
        assert_eq!(a.len(), 36);
        assert_eq!(&a[14..15], "4");
    }

    #[test]
    fn sequential_ids_are_deterministic() {
        let ids = SequentialIds::default();
        assert_eq!(ids.new_id(), "00000000-0000-4000-8000-000000000001");
        assert_eq!(ids.new_id(), "00000000-0000-4000-8000-000000000002");
    }

    #[test]
    fn serde_words_match_display() {
        let json = serde_json::to_string(&SnapshotReason::MajorChange).unwrap();
        assert_eq!(json, "\"major-change\"");
        assert_eq!(SnapshotReason::MajorChange.to_string(), "major-change");
    }
}
