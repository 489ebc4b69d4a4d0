// The desktop's paging commands (`channel_page`, `due_page`) over a list held by a test, for components that
// fetch a page at a time. The engine's own queries are tested in Rust (store/tests/it/channel_page.rs,
// app/tests/it/due_page.rs); these answer as they do, over the few rows of a test.
import type { ChannelPage } from "../bindings/ChannelPage";
import type { ChannelQuery } from "../bindings/ChannelQuery";
import type { ChannelSummary } from "../bindings/ChannelSummary";
import type { DueEntry } from "../bindings/DueEntry";
import type { DuePage } from "../bindings/DuePage";
import type { DueQuery } from "../bindings/DueQuery";
import { dueReport } from "./fixtures";

const has = (v: string | null, q: string) => v !== null && v.toLocaleLowerCase("sv").includes(q.trim().toLocaleLowerCase("sv"));
/** A filter's choices as `filter_choices` makes them: trimmed, non-blank, once each in any case, Swedish order. */
const sorted = (xs: (string | null)[]) => {
  const seen = new Set<string>();
  return xs
    .map((x) => (x ?? "").trim())
    .filter((x) => x !== "" && !seen.has(x.toLowerCase()) && seen.add(x.toLowerCase()))
    .sort((a, b) => a.localeCompare(b, "sv"));
};
function window(q: { offset: number; limit: number }, n: number): number {
  return q.offset < n || q.limit === 0 ? Math.min(q.offset, n) : Math.floor(Math.max(n - 1, 0) / q.limit) * q.limit;
}

/** `channel_page` over `all`. */
/** `revisionOf`: each channel's revision as the page reads it. */
export function channelPageOf(
  all: ChannelSummary[],
  q: ChannelQuery,
  revisionOf: (id: number) => number = () => 7,
): ChannelPage {
  const keyOf = (s: ChannelSummary): string => {
    const c = s.channel;
    switch (q.sort) {
      case "name": return c.name;
      case "platform": return c.platform;
      case "owner": return c.board || c.unit ? `${c.board ?? ""}\u0000${c.unit ?? ""}` : "";
      case "responsible": return c.responsible ?? "";
      case "status": return c.status;
      case "last": return s.last_snapshot_at ?? "";
    }
  };
  const kept = all.filter(({ channel: c, ...s }) =>
    (q.board === null || c.board === q.board) &&
    (q.unit === null || c.unit === q.unit) &&
    (q.person === null || c.responsible === q.person || c.substitute === q.person) &&
    (q.platform === null || c.platform === q.platform) &&
    (q.status === null || c.status === q.status) &&
    (!q.failed || s.last_snapshot_status === "failed") &&
    (!q.no_substitute || ((c.substitute ?? "").trim() === "" && c.status !== "closed")) &&
    (q.ids === null || q.ids.includes(c.id)) &&
    (q.text.trim() === "" || [c.name, c.board, c.unit, c.responsible, c.substitute, ...c.urls].some((v) => has(v, q.text))),
  );
  kept.sort((a, b) => {
    const [x, y] = [keyOf(a), keyOf(b)];
    if (x === "" && y !== "") return 1;
    if (y === "" && x !== "") return -1;
    const by = x.localeCompare(y, "sv", { sensitivity: "base" });
    return (q.descending ? -by : by) || a.channel.name.localeCompare(b.channel.name, "sv");
  });
  const offset = window(q, kept.length);
  return {
    rows: kept.slice(offset, offset + q.limit),
    offset,
    matching: kept.length,
    total: all.length,
    matching_ids: kept.map((s) => s.channel.id),
    boards: sorted(all.map((s) => s.channel.board)),
    units: sorted(all.filter((s) => q.board === null || s.channel.board === q.board).map((s) => s.channel.unit)),
    people: sorted(all.flatMap((s) => [s.channel.responsible, s.channel.substitute])),
    revisions: kept.map((s) => revisionOf(s.channel.id)),
  };
}

/** `due_page` over the due report of `entries`; `failed`: channels whose latest snapshot failed. */
export function duePageOf(entries: DueEntry[], q: DueQuery, failed: number[] = []): DuePage {
  const report = dueReport(entries);
  const urgent = entries.filter((e) => ["due", "overdue", "closure-due"].includes(e.state));
  const kept = urgent.filter((e) =>
    (q.board === null || e.board === q.board) &&
    (q.unit === null || e.unit === q.unit) &&
    (q.person === null || e.responsible === q.person || e.substitute === q.person) &&
    (q.state === null || e.state === q.state) &&
    (!q.failed || failed.includes(e.channel_id)) &&
    (!q.no_substitute || ((e.substitute ?? "").trim() === "" && e.state !== "closed")) &&
    (q.text.trim() === "" || [e.name, e.board, e.unit, e.responsible, e.substitute].some((v) => has(v, q.text))),
  );
  const offset = window(q, kept.length);
  const groups: DuePage["groups"] = [];
  for (const e of kept.slice(offset, offset + q.limit)) {
    const last = groups[groups.length - 1];
    if (last && last.board === e.board && last.unit === e.unit) last.entries.push(e);
    else groups.push({ board: e.board, unit: e.unit, entries: [e] });
  }
  return {
    at: report.at,
    blackout: report.blackout,
    counts: report.summary.total,
    urgent: urgent.length,
    matching: kept.length,
    offset,
    groups,
    failed: groups.flatMap((g) => g.entries.map((e) => e.channel_id)).filter((id) => failed.includes(id)),
    boards: sorted(urgent.map((e) => e.board)),
    units: sorted(urgent.filter((e) => q.board === null || e.board === q.board).map((e) => e.unit)),
    people: sorted(urgent.flatMap((e) => [e.responsible, e.substitute])),
  };
}
