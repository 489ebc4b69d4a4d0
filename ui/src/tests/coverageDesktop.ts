// The desktop's Översikt commands for component tests: `coverage_summary`,
// `coverage_rows` and `coverage_view` answered from a coverage report by the engine's rules
// (crates/app/src/coverage_page.rs and overview_doc.rs; the engine's own
// tests hold those rules against a real register).
import type { CoverageFilter } from "../bindings/CoverageFilter";
import type { CoverageLine } from "../bindings/CoverageLine";
import type { CoveragePage } from "../bindings/CoveragePage";
import type { CoverageQuery } from "../bindings/CoverageQuery";
import type { CoverageSummary } from "../bindings/CoverageSummary";
import type { CoverageView } from "../bindings/CoverageView";
import type { OverviewCounts } from "../bindings/OverviewCounts";
import type { CoverageGroup, CoverageReport, CoverageRow } from "../lib/api";

type Column = NonNullable<CoverageQuery["column"]>;

function inColumn(r: CoverageRow, c: Column): boolean {
  switch (c) {
    case "channels":
      return true;
    case "documented":
      return r.state === "not-due" && r.last_good !== null;
    case "due":
      return r.state === "due" || r.state === "closure-due";
    case "overdue":
      return r.state === "overdue";
    case "failed":
      return r.last_snapshot?.status === "failed";
    case "closing":
      return r.status === "closing";
    case "no-substitute":
      return !r.closed && (r.substitute ?? "").trim() === "";
  }
}

function count(rows: CoverageRow[]): OverviewCounts {
  const n = (c: Column) => rows.filter((r) => inColumn(r, c)).length;
  return {
    channels: rows.length,
    documented: n("documented"),
    due: n("due"),
    overdue: n("overdue"),
    failed: n("failed"),
    closing: n("closing"),
    no_substitute: n("no-substitute"),
  };
}

function keeps(f: CoverageFilter, g: CoverageGroup, r: CoverageRow): boolean {
  const q = f.text.trim().toLocaleLowerCase("sv");
  const text = q === "" || [r.name, g.board, g.unit, r.responsible, r.substitute].some((v) => v?.toLocaleLowerCase("sv").includes(q));
  return (
    (f.board === null || (f.board === "" ? g.board === null : g.board === f.board)) &&
    (f.person === null || r.responsible === f.person || r.substitute === f.person) &&
    text &&
    (f.platform === null || r.platform === f.platform) &&
    (f.state === null || r.state === f.state) &&
    (!f.failures || r.failures > 0)
  );
}

const boardKey = (g: CoverageGroup) => `b:${g.board ?? "\u0000"}`;
const unitKey = (g: CoverageGroup) => `u:${g.board ?? "\u0000"}\u0000${g.unit ?? "\u0000"}`;

function kept(report: CoverageReport, f: CoverageFilter): { g: CoverageGroup; rows: CoverageRow[] }[] {
  return report.groups.map((g) => ({ g, rows: g.rows.filter((r) => keeps(f, g, r)) })).filter((k) => k.rows.length > 0);
}

export function coverageSummary(report: CoverageReport, filter: CoverageFilter): CoverageSummary {
  const groups = kept(report, filter);
  const lines: CoverageLine[] = [];
  const boards = new Map<string, typeof groups>();
  for (const k of groups) boards.set(boardKey(k.g), [...(boards.get(boardKey(k.g)) ?? []), k]);
  for (const [bk, board] of boards) {
    if (board.length > 1) {
      lines.push({ key: bk, board: board[0]?.g.board ?? null, unit: null, board_total: true, counts: count(board.flatMap((k) => k.rows)) });
    }
    for (const k of board) lines.push({ key: unitKey(k.g), board: k.g.board, unit: k.g.unit, board_total: false, counts: count(k.rows) });
  }
  const all = report.groups.flatMap((g) => g.rows);
  return {
    at: report.at,
    local_date: report.local_date,
    timezone: report.timezone,
    lines,
    total: count(groups.flatMap((k) => k.rows)),
    boards: [...new Set(report.groups.map((g) => g.board))],
    people: [...new Set(all.flatMap((r) => [r.responsible, r.substitute]))]
      .filter((p): p is string => p !== null && p.trim() !== "")
      .sort(new Intl.Collator("sv").compare),
  };
}

export function coverageRows(report: CoverageReport, q: CoverageQuery): CoveragePage {
  const column = q.column ?? "channels";
  const rows = kept(report, q.filter)
    .filter((k) => q.line === null || q.line === boardKey(k.g) || q.line === unitKey(k.g))
    .flatMap((k) => k.rows.filter((r) => inColumn(r, column)).map((r) => ({ g: k.g, r })));
  const offset = q.offset < rows.length || q.limit === 0 ? Math.min(q.offset, rows.length) : Math.floor(Math.max(rows.length - 1, 0) / q.limit) * q.limit;
  const groups: CoveragePage["groups"] = [];
  let last = null as { g: CoverageGroup; rows: CoverageRow[] } | null;
  for (const { g, r } of rows.slice(offset, offset + q.limit)) {
    if (last?.g !== g) {
      last = { g, rows: [] };
      groups.push({ board: g.board, unit: g.unit, rows: last.rows });
    }
    last.rows.push(r);
  }
  return { at: report.at, local_date: report.local_date, matching: rows.length, offset, groups };
}

/** Answers the Översikt commands from `report`; null for any other command. */
export function overviewCommands(report: () => CoverageReport) {
  return (cmd: string, args: unknown): CoverageSummary | CoveragePage | CoverageView | null => {
    const a = args as { filter: CoverageFilter; query: CoverageQuery };
    if (cmd === "coverage_summary") return coverageSummary(report(), a.filter);
    if (cmd === "coverage_rows") return coverageRows(report(), a.query);
    if (cmd === "coverage_view") return { summary: coverageSummary(report(), a.query.filter), page: coverageRows(report(), a.query) };
    return null;
  };
}
