// Typed calls to the desktop shell's commands (src-tauri/src/lib.rs). Every
// failure arrives as an ErrorPayload {code, message}.
import { invoke } from "@tauri-apps/api/core";
import type { Channel } from "../bindings/Channel";
import type { ChannelFilter } from "../bindings/ChannelFilter";
import type { ChannelPatch } from "../bindings/ChannelPatch";
import type { ChannelSummary } from "../bindings/ChannelSummary";
import type { ErrorCode } from "../bindings/ErrorCode";
import type { ErrorPayload } from "../bindings/ErrorPayload";
import type { NewChannel } from "../bindings/NewChannel";

export type AppInfo = { version: string; data_dir: string; operator: string };

const CODES: readonly ErrorCode[] = [
  "invalid_input",
  "not_found",
  "conflict",
  "cancelled",
  "environment",
  "internal",
];

export function isErrorPayload(e: unknown): e is ErrorPayload {
  return (
    typeof e === "object" &&
    e !== null &&
    typeof (e as ErrorPayload).message === "string" &&
    CODES.includes((e as ErrorPayload).code)
  );
}

/** Whatever was thrown, as {code, message}. */
export function toPayload(e: unknown): ErrorPayload {
  if (isErrorPayload(e)) return e;
  if (typeof e === "string") return { code: "internal", message: e };
  if (e instanceof Error) return { code: "internal", message: e.message };
  return { code: "internal", message: String(e) };
}

async function call<T>(cmd: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(cmd, args);
  } catch (e) {
    throw toPayload(e);
  }
}

export const api = {
  appInfo: () => call<AppInfo>("app_info"),
  listChannels: (filter: ChannelFilter | null = null) =>
    call<ChannelSummary[]>("list_channels", { filter }),
  getChannel: (id: number) => call<Channel>("get_channel", { id }),
  addChannel: (channel: NewChannel) => call<Channel>("add_channel", { channel }),
  editChannel: (id: number, patch: ChannelPatch) => call<Channel>("edit_channel", { id, patch }),
  cancelJob: (jobId: string) => call<boolean>("cancel_job", { jobId }),
};
