// Small builders for request types the UI sends (local helpers; api.ts is
// owned by the desktop helper).
import type { ExportRequest } from "./api";

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
