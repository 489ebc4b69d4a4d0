// Kanaler's choice of channels for the bulk actions (h-ui19): pure, so
// vitest checks it without a window.

/** The chosen ids that are still shown (a filter change drops the rest from the count the user sees). */
export function chosenShown(chosen: ReadonlySet<number>, shown: readonly number[]): number[] {
  return shown.filter((id) => chosen.has(id));
}

/** The header's "choose all on the page": all of `shown` (the page's ids) when not all are chosen, else none of them. */
export function toggleAll(chosen: ReadonlySet<number>, shown: readonly number[]): Set<number> {
  const next = new Set(chosen);
  const all = shown.length > 0 && shown.every((id) => chosen.has(id));
  for (const id of shown) {
    if (all) next.delete(id);
    else next.add(id);
  }
  return next;
}

/** One id in or out. */
export function toggleOne(chosen: ReadonlySet<number>, id: number): Set<number> {
  const next = new Set(chosen);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}

/** "Choose all N that match the filter": every id in `shown` added. */
export function chooseAll(chosen: ReadonlySet<number>, shown: readonly number[]): Set<number> {
  return new Set([...chosen, ...shown]);
}
