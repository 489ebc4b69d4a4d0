// The vocabularies of the domain, as the UI shows them. The lists are checked
// against the generated bindings: a platform added in Rust fails the type check
// here until it is listed.
import type { Platform } from "../bindings/Platform";
import type { SchedulePolicy } from "../bindings/SchedulePolicy";
import type { ChannelStatus } from "../bindings/ChannelStatus";
import type { SnapshotStatus } from "../bindings/SnapshotStatus";
import type { AuditLine } from "../bindings/AuditLine";
import { locale, t, type Key } from "./i18n.svelte";

type Exhaustive<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : never;

export const PLATFORMS = [
  "facebook",
  "instagram",
  "x",
  "youtube",
  "linkedin",
  "tiktok",
  "threads",
  "mastodon",
  "flickr",
  "blog",
  "other",
] as const satisfies readonly Platform[];
const _platformsComplete: Exhaustive<Platform, (typeof PLATFORMS)[number]> = true;

export const POLICIES = ["half-yearly", "yearly", "manual"] as const satisfies readonly SchedulePolicy[];
const _policiesComplete: Exhaustive<SchedulePolicy, (typeof POLICIES)[number]> = true;

export const STATUSES = ["active", "closing", "closed"] as const satisfies readonly ChannelStatus[];
const _statusesComplete: Exhaustive<ChannelStatus, (typeof STATUSES)[number]> = true;

export const DUE_STATES = [
  "overdue",
  "due",
  "closure-due",
  "not-due",
  "manual",
  "closed",
] as const satisfies readonly import("../bindings/DueState").DueState[];
const _dueComplete: Exhaustive<import("../bindings/DueState").DueState, (typeof DUE_STATES)[number]> = true;

const _checks = [_dueComplete, _platformsComplete, _policiesComplete, _statusesComplete];
void _checks;

/** Brand names stay as they are in both languages. */
const PLATFORM_NAMES: Record<Platform, string | Key> = {
  facebook: "Facebook",
  instagram: "Instagram",
  x: "X (Twitter)",
  youtube: "YouTube",
  linkedin: "LinkedIn",
  tiktok: "TikTok",
  threads: "Threads",
  mastodon: "Mastodon",
  flickr: "Flickr",
  blog: "platform.blog",
  other: "platform.other",
};

export function platformName(p: Platform): string {
  const name = PLATFORM_NAMES[p];
  return name.startsWith("platform.") ? t(name as Key) : name;
}

export function policyName(p: SchedulePolicy | null): string {
  return p === null ? t("add.policyDefault") : t(`policy.${p}`);
}

export function statusName(s: ChannelStatus): string {
  return t(`status.${s}`);
}

export function snapshotStatusName(s: SnapshotStatus): string {
  return t(`snapshot.${s}`);
}

export function reasonName(r: import("../bindings/SnapshotReason").SnapshotReason): string {
  return t(`reason.${r}`);
}

export function dueName(s: import("../bindings/DueState").DueState): string {
  return t(`due.${s}`);
}

export function stageName(s: import("../bindings/Stage").Stage): string {
  return t(`stage.${s}`);
}

/** The audit log's stable verbs, as people read them; unknown verbs are shown as they are. */
const ACTIONS: Record<string, Key> = {
  "channel.add": "action.channel.add",
  "channel.edit": "action.channel.edit",
  "closure.start": "action.closure.start",
  "closure.complete": "action.closure.complete",
  "closure.note": "action.closure.note",
  "closure.review": "action.closure.review",
  "snapshot.commit": "action.snapshot.commit",
  "package.export": "action.package.export",
  "package.verify": "action.package.verify",
  "browser.login": "action.browser.login",
  "register.export": "action.register.export",
  "register.import": "action.register.import",
  "settings.set": "action.settings.set",
  "store.reindex": "action.store.reindex",
  // h-close
  "closure.undo": "action.closure.undo",
  "closure.deleted": "action.closure.deleted",
};

export function actionName(action: string): string {
  const key = ACTIONS[action];
  return key ? t(key) : action;
}

/** An audit entry's action as the log shows it: a failed snapshot is never called stored. */
export function auditActionName(entry: Pick<AuditLine, "action" | "event">): string {
  if (entry.event.kind === "snapshot-stored" && entry.event.status === "failed") return t("action.snapshot.failed");
  return actionName(entry.action);
}

export const REMOVED_KINDS = [
  "post",
  "comment",
  "reply",
  "image",
  "private-message",
  "account-blocked",
] as const satisfies readonly import("../bindings/RemovedKind").RemovedKind[];
const _kindsComplete: Exhaustive<
  import("../bindings/RemovedKind").RemovedKind,
  (typeof REMOVED_KINDS)[number]
> = true;

export const REMOVAL_ACTIONS = [
  "raderad",
  "avpublicerad",
  "dold",
  "blockerad",
] as const satisfies readonly import("../bindings/RemovalAction").RemovalAction[];
const _actionsComplete: Exhaustive<
  import("../bindings/RemovalAction").RemovalAction,
  (typeof REMOVAL_ACTIONS)[number]
> = true;

export function removedKindName(k: import("../bindings/RemovedKind").RemovedKind): string {
  return t(`removal.kind.${k}` as Key);
}

export function removalActionName(a: import("../bindings/RemovalAction").RemovalAction): string {
  return t(`removal.action.${a}` as Key);
}

/** A ground in the current language, with its own text for "annat". */
export function groundName(g: import("../bindings/GroundChoice").GroundChoice): string {
  const label = locale.lang === "sv" ? g.label_sv : g.label_en;
  return g.text ? `${label}: ${g.text}` : label;
}
void [_kindsComplete, _actionsComplete];
