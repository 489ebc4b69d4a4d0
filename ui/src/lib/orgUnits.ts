// The organisation's list of boards and units as the forms offer it
// (h-ui19): pure, so vitest checks it without a window.
import type { OrgUnits } from "../bindings/OrgUnits";

export type Choice = { name: string; known: boolean };

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The list's boards, and `current` marked unknown when the list lacks it. */
export function boardNames(list: OrgUnits, current: string): Choice[] {
  const out: Choice[] = list.boards.map((b) => ({ name: b.name, known: true }));
  if (current.trim() !== "" && !list.boards.some((b) => same(b.name, current))) {
    out.push({ name: current, known: false });
  }
  return out;
}

/** The units of `board`, and `current` marked unknown when the board lacks it. */
export function unitNames(list: OrgUnits, board: string, current: string): Choice[] {
  const b = list.boards.find((x) => same(x.name, board));
  const out: Choice[] = (b?.units ?? []).map((u) => ({ name: u, known: true }));
  if (current.trim() !== "" && !out.some((u) => same(u.name, current))) {
    out.push({ name: current, known: false });
  }
  return out;
}
