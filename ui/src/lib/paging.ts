// A long list drawn a page at a time (Att göra, Kanaler, Översikt, a channel's history): at 2,000 channels
// and 50,000 snapshots a view draws one page of rows, never all of them. Pure functions, so the paging is
// tested without a window (tests/paging.test.ts).

/** Rows on one page of a long list. */
export const PAGE_SIZE = 50;

/** Channels on one page of Översikt, each drawn with its calendar and timeline (at 50 the web process grew 12 MB more). */
export const OVERVIEW_PAGE_SIZE = 20;

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
