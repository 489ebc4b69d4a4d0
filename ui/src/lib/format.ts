// Numbers, sizes, durations and days as the current language writes them:
// Swedish "7,8 s", "2,5 MB", "28 november 2026"; English "7.8 s", "2.5 MB",
// "28 November 2026". Dates and times use one style in the whole app (the
// engine's sentences write days the same way).
import { locale } from "./i18n.svelte";

function tag(): string {
  return locale.lang === "sv" ? "sv-SE" : "en-GB";
}

/** A number with at most `digits` decimals, in the language's style (decimal comma in Swedish). */
export function formatNumber(n: number, digits = 1): string {
  return n.toLocaleString(tag(), { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

/** Milliseconds as seconds with one decimal: "7,8 s". */
export function formatSeconds(ms: number): string {
  return `${n1(ms / 1000)} s`;
}

function n1(n: number): string {
  return n.toLocaleString(tag(), { maximumFractionDigits: 1, minimumFractionDigits: 1 });
}

/** A file size: "2,5 MB", "1,2 GB", "340 kB" (at least 1 kB). */
export function formatBytes(bytes: number): string {
  const mb = 1024 * 1024;
  if (bytes >= 1024 * mb) return `${n1(bytes / 1024 / mb)} GB`;
  if (bytes >= mb) return `${n1(bytes / mb)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString(tag())} kB`;
}

/** A calendar day ("2026-11-30") as "30 november 2026"; other text is returned as it is. */
export function formatDay(day: string | null | undefined): string {
  if (!day) return "";
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return day;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12));
  return d.toLocaleDateString(tag(), { dateStyle: "long", timeZone: "UTC" });
}
