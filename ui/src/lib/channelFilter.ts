// The filters and sorting of Kanaler, in the window: the whole register is
// loaded once, then every keystroke filters it (live search).
import type { ChannelSummary } from "../bindings/ChannelSummary";

export type ChannelFilterState = {
  text: string;
  board: string;
  unit: string;
  person: string;
  platform: string;
  status: string;
  failed: boolean;
  noSubstitute: boolean;
};

export const NO_FILTER: ChannelFilterState = {
  text: "",
  board: "",
  unit: "",
  person: "",
  platform: "",
  status: "",
  failed: false,
  noSubstitute: false,
};

export function isFiltered(f: ChannelFilterState): boolean {
  return (Object.keys(NO_FILTER) as (keyof ChannelFilterState)[]).some((k) => f[k] !== NO_FILTER[k]);
}

function blank(s: string | null | undefined): boolean {
  return s === null || s === undefined || s.trim() === "";
}

/** No substitute named, on a channel that is not closed down. */
export function lacksSubstitute(s: ChannelSummary): boolean {
  return blank(s.channel.substitute) && s.channel.status !== "closed";
}

export function lastFailed(s: ChannelSummary): boolean {
  return s.last_snapshot_status === "failed";
}

/** Every criterion must match; the text in name, address, board, unit, responsible or substitute (any case). */
export function matches(s: ChannelSummary, f: ChannelFilterState): boolean {
  const c = s.channel;
  if (f.board !== "" && c.board !== f.board) return false;
  if (f.unit !== "" && c.unit !== f.unit) return false;
  if (f.person !== "" && c.responsible !== f.person && c.substitute !== f.person) return false;
  if (f.platform !== "" && c.platform !== f.platform) return false;
  if (f.status !== "" && c.status !== f.status) return false;
  if (f.failed && !lastFailed(s)) return false;
  if (f.noSubstitute && !lacksSubstitute(s)) return false;
  const q = f.text.trim().toLocaleLowerCase("sv");
  if (q === "") return true;
  return [c.name, c.board, c.unit, c.responsible, c.substitute, ...c.urls].some(
    (v) => !blank(v) && (v as string).toLocaleLowerCase("sv").includes(q),
  );
}

export const SORT_KEYS = ["name", "platform", "owner", "responsible", "status", "last"] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type Sort = { key: SortKey; dir: "asc" | "desc" };

function sortText(s: ChannelSummary, key: SortKey): string {
  const c = s.channel;
  switch (key) {
    case "name":
      return c.name;
    case "platform":
      return c.platform;
    case "owner":
      return [c.board ?? "", c.unit ?? ""].join("\u0000");
    case "responsible":
      return c.responsible ?? "";
    case "status":
      return c.status;
    case "last":
      return s.last_snapshot_at ?? "";
  }
}

/** Sorted by the key (Swedish order, å ä ö last), ties by name; empty values last in either direction. */
export function sortChannels(list: readonly ChannelSummary[], sort: Sort): ChannelSummary[] {
  const sign = sort.dir === "asc" ? 1 : -1;
  return [...list].sort((a, b) => {
    const x = sortText(a, sort.key);
    const y = sortText(b, sort.key);
    if (x === "" && y !== "") return 1;
    if (y === "" && x !== "") return -1;
    const byKey = sort.key === "last" ? x.localeCompare(y) : x.localeCompare(y, "sv", { sensitivity: "base" });
    return sign * byKey || a.channel.name.localeCompare(b.channel.name, "sv");
  });
}
