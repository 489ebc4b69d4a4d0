// Small builders for request types the UI sends (local helpers; api.ts is
// owned by the desktop helper).
import type { ChannelCapture } from "../bindings/ChannelCapture";
import type { ChannelQuery } from "../bindings/ChannelQuery";
import { api, type ExportRequest } from "./api";

/** An export request with every field at its default, overridden by `over`. */
export function exportRequest(over: Partial<ExportRequest> = {}): ExportRequest {
  return {
    channel_id: null,
    board: null,
    from: null,
    to: null,
    snapshot_ids: [],
    include_incomplete: false,
    format: "zip",
    label: null,
    archive_creator: null,
    classification_code: null,
    removals: "none",
    marked: "include",
    ...over,
  };
}

/** A file-name-safe slug of a channel or board name: "Kultur & fritid" → "kultur-fritid". */
export function slug(name: string): string {
  const s = name
    .toLowerCase()
    .replace(/[åä]/g, "a")
    .replace(/ö/g, "o")
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return s.slice(0, 60) || "paket";
}

/** A query of Kanaler's pages with every field at its default (every channel, by name), overridden by `over`. */
export function channelQuery(over: Partial<ChannelQuery> = {}): ChannelQuery {
  return {
    text: "",
    board: null,
    unit: null,
    person: null,
    platform: null,
    status: null,
    failed: false,
    no_substitute: false,
    ids: null,
    sort: "name",
    descending: false,
    offset: 0,
    limit: 0,
    ...over,
  };
}

/**
 * The names of the channels of a batch's results that `known` lacks (a batch takes channels of every page,
 * the view holds one page), in one call; none when it fails (the results then say "#id").
 */
export async function channelNames(results: ChannelCapture[], known: Record<number, string>): Promise<Record<number, string>> {
  const ids = [...new Set(results.map((r) => (r.outcome === "stored" ? r.snapshot.channel_id : r.channel_id)))].filter(
    (id) => !(id in known),
  );
  if (ids.length === 0) return {};
  try {
    const page = await api.channelPage(channelQuery({ ids, limit: ids.length }));
    return Object.fromEntries(page.rows.map((s) => [s.channel.id, s.channel.name]));
  } catch {
    return {};
  }
}
