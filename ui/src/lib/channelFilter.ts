// The filters and sorting of Kanaler: what the user chose, as the desktop's query of one page
// (`channel_page` filters, sorts and pages the register; the window holds one page).
import type { Channel } from "../bindings/Channel";
import type { ChannelQuery } from "../bindings/ChannelQuery";
import type { ChannelStatus } from "../bindings/ChannelStatus";
import type { ChannelSummary } from "../bindings/ChannelSummary";
import type { Platform } from "../bindings/Platform";

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
  return noSubstitute(s.channel);
}

/** A channel still in use with nobody to stand in for its responsible person (a closed one needs none). */
export function noSubstitute(c: Channel): boolean {
  return blank(c.substitute) && c.status !== "closed";
}

export function lastFailed(s: ChannelSummary): boolean {
  return s.last_snapshot_status === "failed";
}

export const SORT_KEYS = ["name", "platform", "owner", "responsible", "status", "last"] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type Sort = { key: SortKey; dir: "asc" | "desc" };

/** The desktop's query of one page of Kanaler under the filter and order. */
export function toQuery(f: ChannelFilterState, sort: Sort, offset: number, limit: number): ChannelQuery {
  return {
    text: f.text,
    board: f.board || null,
    unit: f.unit || null,
    person: f.person || null,
    platform: (f.platform || null) as Platform | null,
    status: (f.status || null) as ChannelStatus | null,
    failed: f.failed,
    no_substitute: f.noSubstitute,
    ids: null,
    sort: sort.key,
    descending: sort.dir === "desc",
    offset,
    limit,
  };
}
