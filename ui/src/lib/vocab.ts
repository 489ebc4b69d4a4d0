// The vocabularies of the domain, as the UI shows them. The lists are checked
// against the generated bindings: a platform added in Rust fails the type check
// here until it is listed.
import type { Platform } from "../bindings/Platform";
import type { SchedulePolicy } from "../bindings/SchedulePolicy";
import type { ChannelStatus } from "../bindings/ChannelStatus";
import type { SnapshotStatus } from "../bindings/SnapshotStatus";
import { t, type Key } from "./i18n.svelte";

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

const _checks = [_platformsComplete, _policiesComplete];
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
