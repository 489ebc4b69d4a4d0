// A long list drawn a page at a time (Att göra, Kanaler, Översikt, a channel's history): at 2,000 channels
// and 50,000 snapshots a view draws one page of rows, never all of them. Pure functions, so the paging is
// tested without a window (tests/paging.test.ts).

/** Rows on one page of a long list. */
export const PAGE_SIZE = 50;

/** One page of a list: its items and where it lies (1-based `page`; `from`/`to` 1-based, inclusive). */
export type Page<T> = { items: T[]; page: number; pages: number; from: number; to: number; total: number };

/** How many pages `total` rows fill (at least one, so an empty list is "page 1 of 1"). */
export function pageCount(total: number, size = PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / size));
}

/** `page` held to the pages there are (a list that shrank under it shows its last page). */
export function clampPage(page: number, total: number, size = PAGE_SIZE): number {
  if (!Number.isFinite(page)) return 1;
  return Math.min(Math.max(1, Math.floor(page)), pageCount(total, size));
}

/** Page `page` of `all`. */
export function pageOf<T>(all: readonly T[], page: number, size = PAGE_SIZE): Page<T> {
  const p = clampPage(page, all.length, size);
  const start = (p - 1) * size;
  const items = all.slice(start, start + size);
  return {
    items,
    page: p,
    pages: pageCount(all.length, size),
    from: items.length === 0 ? 0 : start + 1,
    to: start + items.length,
    total: all.length,
  };
}

/**
 * Page `page` of grouped rows, counted across the groups (a group that spans two pages shows on both with the
 * rows of each); groups without a row on the page are left out.
 */
export function pageOfGroups<G, R>(
  groups: readonly G[],
  rowsOf: (g: G) => readonly R[],
  withRows: (g: G, rows: R[]) => G,
  page: number,
  size = PAGE_SIZE,
): Page<G> {
  const total = groups.reduce((n, g) => n + rowsOf(g).length, 0);
  const p = clampPage(page, total, size);
  const start = (p - 1) * size;
  const end = start + size;
  const items: G[] = [];
  let at = 0;
  for (const g of groups) {
    const rows = rowsOf(g);
    const from = Math.max(start - at, 0);
    const to = Math.min(end - at, rows.length);
    if (from < to) items.push(withRows(g, rows.slice(from, to)));
    at += rows.length;
    if (at >= end) break;
  }
  const shown = Math.max(0, Math.min(end, total) - start);
  return { items, page: p, pages: pageCount(total, size), from: shown === 0 ? 0 : start + 1, to: start + shown, total };
}

/**
 * The page the desktop returned: `shown` rows from `offset` (0-based) of `total` matching rows. The view
 * fetches one page at a time (`offset` and PAGE_SIZE to the command), never every row.
 */
export function pageAt<T>(items: T[], offset: number, shown: number, total: number, size = PAGE_SIZE): Page<T> {
  return {
    items,
    page: Math.floor(offset / size) + 1,
    pages: pageCount(total, size),
    from: shown === 0 ? 0 : offset + 1,
    to: offset + shown,
    total,
  };
}

/** The offset of 1-based page `page`. */
export function offsetOf(page: number, size = PAGE_SIZE): number {
  return (Math.max(1, Math.floor(page)) - 1) * size;
}
