// Översikt as a table: board and unit (rows) against states (columns),
// counting channels, never snapshots. Pure functions of the coverage report's
// rows, so the totals follow whatever filter picked the rows.
import type { CoverageGroup, CoverageRow } from "./api";

/** The columns, in the order shown. A channel may be counted in several (e.g. overdue and no substitute). */
export const STATE_COLUMNS = ["documented", "due", "overdue", "failed", "closing", "no-substitute"] as const;
export type StateColumn = (typeof STATE_COLUMNS)[number];

/** Whether a channel belongs to a column. */
export function inColumn(r: CoverageRow, c: StateColumn): boolean {
  switch (c) {
    case "documented":
      // Nothing to take and a complete snapshot behind it (a channel new
      // between periods has nothing to take yet, but is not documented).
      return r.state === "not-due" && r.last_good !== null;
    case "due":
      return r.state === "due" || r.state === "closure-due";
    case "overdue":
      return r.state === "overdue";
    case "failed":
      return r.last_snapshot !== null && r.last_snapshot.status === "failed";
    case "closing":
      return r.status === "closing";
    case "no-substitute":
      return !hasText(r.substitute) && !r.closed;
  }
}

function hasText(s: string | null | undefined): boolean {
  return s !== null && s !== undefined && s.trim() !== "";
}

export type Counts = { channels: number } & Record<StateColumn, number>;

export function emptyCounts(): Counts {
  return { channels: 0, documented: 0, due: 0, overdue: 0, failed: 0, closing: 0, "no-substitute": 0 };
}

export function count(rows: readonly CoverageRow[]): Counts {
  const c = emptyCounts();
  for (const r of rows) {
    c.channels += 1;
    for (const col of STATE_COLUMNS) if (inColumn(r, col)) c[col] += 1;
  }
  return c;
}

/** One line of the table: a board and unit, or a board's total over its units (unit undefined). */
export type TableLine = {
  key: string;
  board: string | null;
  /** `undefined` on a board's total line. */
  unit?: string | null;
  rows: CoverageRow[];
  counts: Counts;
};

export type OverviewTable = { lines: TableLine[]; total: Counts; totalRows: CoverageRow[] };

/**
 * The table of the groups (in the report's order: board, then unit) after
 * `keep` chose the rows. Groups left empty are dropped; a board with more
 * than one unit gets a total line before its units.
 */
export function buildTable(
  groups: readonly CoverageGroup[],
  keep: (r: CoverageRow, g: CoverageGroup) => boolean,
): OverviewTable {
  const lines: TableLine[] = [];
  const totalRows: CoverageRow[] = [];
  let boardLines: TableLine[] = [];
  let boardKey: string | null = null;
  let boardName: string | null = null;
  const flush = () => {
    if (boardLines.length > 1) {
      const rows = boardLines.flatMap((l) => l.rows);
      lines.push({ key: `b:${boardKey}`, board: boardName, rows, counts: count(rows) });
    }
    lines.push(...boardLines);
    boardLines = [];
  };
  for (const g of groups) {
    const rows = g.rows.filter((r) => keep(r, g));
    if (rows.length === 0) continue;
    const bk = g.board ?? "\u0000";
    if (bk !== boardKey) {
      flush();
      boardKey = bk;
      boardName = g.board;
    }
    boardLines.push({ key: `u:${bk}\u0000${g.unit ?? "\u0000"}`, board: g.board, unit: g.unit, rows, counts: count(rows) });
    totalRows.push(...rows);
  }
  flush();
  return { lines, total: count(totalRows), totalRows };
}

/** The rows of a cell: a line's (or the total's) channels in a column, or all of them. */
export function cellRows(rows: readonly CoverageRow[], column: StateColumn | "channels"): CoverageRow[] {
  return column === "channels" ? [...rows] : rows.filter((r) => inColumn(r, column));
}

/** Case-insensitive search in name, board, unit, responsible and substitute. */
export function matchesText(r: CoverageRow, board: string | null, unit: string | null, text: string): boolean {
  const q = text.trim().toLocaleLowerCase("sv");
  if (q === "") return true;
  return [r.name, board, unit, r.responsible, r.substitute].some(
    (f) => f !== null && f !== undefined && f.toLocaleLowerCase("sv").includes(q),
  );
}
