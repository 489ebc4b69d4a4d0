// Översikt as a table: board and unit (rows) against states (columns),
// counting channels, never snapshots. The desktop counts
// (`coverage_summary`, the engine's rules, crates/app/src/overview_doc.rs)
// and lists a cell's channels a page at a time (`coverage_rows`); this module
// turns its answer into the table's lines and the view's filters into its
// query, so the window never holds every channel.
import type { CoverageFilter } from "../bindings/CoverageFilter";
import type { CoverageSummary } from "../bindings/CoverageSummary";
import type { DueState } from "../bindings/DueState";
import type { OverviewCounts } from "../bindings/OverviewCounts";
import type { Platform } from "../bindings/Platform";

/** The columns, in the order shown. A channel may be counted in several (e.g. overdue and no substitute). */
export const STATE_COLUMNS = ["documented", "due", "overdue", "failed", "closing", "no-substitute"] as const;
export type StateColumn = (typeof STATE_COLUMNS)[number];

export type Counts = { channels: number } & Record<StateColumn, number>;

export function emptyCounts(): Counts {
  return { channels: 0, documented: 0, due: 0, overdue: 0, failed: 0, closing: 0, "no-substitute": 0 };
}

/** The desktop's counts under the table's column names. */
export function countsOf(c: OverviewCounts): Counts {
  return {
    channels: c.channels,
    documented: c.documented,
    due: c.due,
    overdue: c.overdue,
    failed: c.failed,
    closing: c.closing,
    "no-substitute": c.no_substitute,
  };
}

/** One line of the table: a board and unit, or a board's total over its units (unit undefined). */
export type TableLine = {
  key: string;
  board: string | null;
  /** `undefined` on a board's total line. */
  unit?: string | null;
  counts: Counts;
};

export type OverviewTable = { lines: TableLine[]; total: Counts };

/** The table of the desktop's summary (its lines in order: board, then unit; a board's total before its units). */
export function tableOf(s: CoverageSummary): OverviewTable {
  return {
    lines: s.lines.map((l) => ({
      key: l.key,
      board: l.board,
      ...(l.board_total ? {} : { unit: l.unit }),
      counts: countsOf(l.counts),
    })),
    total: countsOf(s.total),
  };
}

/** The board filter's value for channels without a board (the desktop's `""`). */
export const NO_BOARD = "\u0000";

/** The view's filter fields as they are kept ("" for any). */
export type OverviewFilter = {
  board: string;
  platform: Platform | "";
  dueFilter: DueState | "failures" | "";
  person: string;
  text: string;
};

/** The desktop's filter for the view's fields. */
export function filterOf(f: OverviewFilter): CoverageFilter {
  return {
    text: f.text.trim(),
    board: f.board === "" ? null : f.board === NO_BOARD ? "" : f.board,
    person: f.person === "" ? null : f.person,
    platform: f.platform === "" ? null : f.platform,
    state: f.dueFilter === "" || f.dueFilter === "failures" ? null : f.dueFilter,
    failures: f.dueFilter === "failures",
  };
}
