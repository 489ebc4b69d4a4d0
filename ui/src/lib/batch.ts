// How a run of captures ended, as the user counts it: one per channel.
// "49 tagna: 45 fullständiga, 3 ofullständiga, 1 misslyckad", failures first.
import type { ChannelCapture } from "../bindings/ChannelCapture";
import type { Snapshot } from "../bindings/Snapshot";
import { locale, t } from "./i18n.svelte";
import { pageError, renderMessage } from "./messages";

export type BatchCounts = { taken: number; complete: number; partial: number; failed: number; skipped: number };

/** Channels per outcome; a channel captured twice in one run counts once, by its last result. */
export function batchCounts(results: readonly ChannelCapture[]): BatchCounts {
  const last = new Map<number, ChannelCapture>();
  for (const r of results) last.set(r.outcome === "stored" ? r.snapshot.channel_id : r.channel_id, r);
  const c: BatchCounts = { taken: 0, complete: 0, partial: 0, failed: 0, skipped: 0 };
  for (const r of last.values()) {
    if (r.outcome === "skipped") {
      c.skipped += 1;
      continue;
    }
    c.taken += 1;
    c[r.snapshot.status] += 1;
  }
  return c;
}

/** "49 tagna: 45 fullständiga, 3 ofullständiga, 1 misslyckad" (and how many were skipped). */
export function batchSummary(c: BatchCounts): string {
  const head = t("batch.summary", { taken: c.taken, complete: c.complete, partial: c.partial, failed: c.failed });
  return c.skipped > 0 ? `${head}${t("batch.skippedCount", { n: c.skipped })}` : head;
}

const RANK = { failed: 0, partial: 1, skipped: 2, complete: 3 } as const;

function rank(r: ChannelCapture): number {
  return r.outcome === "skipped" ? RANK.skipped : RANK[r.snapshot.status];
}

/** Failures first, then partial, skipped, complete; in run order within each. */
export function orderResults(results: readonly ChannelCapture[]): ChannelCapture[] {
  return results
    .map((r, i) => ({ r, i }))
    .sort((a, b) => rank(a.r) - rank(b.r) || a.i - b.i)
    .map((x) => x.r);
}

/** Why a snapshot is not complete: its first failed page's reason, else its first warning. */
export function snapshotWhy(s: Snapshot): string {
  for (const p of s.pages) {
    if (!p.ok) {
      const why = pageError(p, locale.lang);
      if (why) return why;
    }
  }
  for (const p of s.pages) {
    const w = p.report.warnings[0];
    if (w) return renderMessage(w, locale.lang);
  }
  return t("batch.unknownWhy");
}

/** One sentence per stored snapshot: complete, or what went wrong and why. Failed is never "sparad". */
export function snapshotSentence(s: Snapshot, name: string): string {
  if (s.status === "complete") return t("batch.complete", { name });
  if (s.status === "partial") return t("batch.partial", { name, why: snapshotWhy(s) });
  return t("batch.failed", { name, why: snapshotWhy(s) });
}
