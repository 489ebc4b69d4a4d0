// What the person working may do (h-roles): their login's roles, from the
// desktop's `current_access`. The window hides what a role cannot do; the
// engine refuses it anyway (ErrorCode "forbidden"), so while the access is
// unknown nothing is hidden.
import type { CurrentAccess } from "../bindings/CurrentAccess";
import type { RoleAction } from "../bindings/RoleAction";
import { api, onForbidden } from "./api";
import { REFRESH_EVENT } from "./job.svelte";

export const access = $state<{ current: CurrentAccess | null }>({ current: null });

/**
 * Whether the person may do `action`; for a case officer's actions on a
 * channel, `unit` is that channel's unit (left out: on some channel).
 */
export function may(a: CurrentAccess | null | undefined, action: RoleAction, unit?: string | null): boolean {
  if (!a || !a.configured) return true;
  if (a.may.includes(action)) return true;
  if (!a.own_units.includes(action)) return false;
  if (unit === undefined) return true;
  const u = (unit ?? "").trim().toLowerCase();
  return u !== "" && a.units.some((x) => x.trim().toLowerCase() === u);
}

/**
 * Whether the person may do `action` on every channel, not only on their
 * units' (a *handläggare*'s): what a choice of channels that may span units
 * needs (Kanaler's "choose all that match").
 */
export function mayEvery(a: CurrentAccess | null | undefined, action: RoleAction): boolean {
  return !a || !a.configured || a.may.includes(action);
}

/** The main navigation's pages a person sees (the others change nothing a role allows them). */
export function pageAllowed(a: CurrentAccess | null | undefined, page: string): boolean {
  switch (page) {
    case "add":
      return may(a, "register-edit");
    case "export":
      return may(a, "export");
    case "disposal":
      return may(a, "disposal") || may(a, "retention");
    case "settings":
      return may(a, "settings") || may(a, "retention") || may(a, "removal-grounds") || may(a, "roles");
    default:
      return true;
  }
}

/** Asks the desktop who is working and what they may do. */
export async function loadAccess(): Promise<void> {
  try {
    access.current = (await api.currentAccess()) ?? null;
  } catch {
    access.current = null;
  }
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Whether two reads of the access say the same, field by field. */
function sameAccess(a: CurrentAccess | null, b: CurrentAccess | null): boolean {
  if (a === null || b === null) return a === b;
  return (
    a.login === b.login &&
    a.configured === b.configured &&
    sameList(a.roles, b.roles) &&
    sameList(a.units, b.units) &&
    sameList(a.may, b.may) &&
    sameList(a.own_units, b.own_units)
  );
}

let refreshing = false;

/**
 * Reads the access again (h-roles2), keeping what is known when the read
 * fails and leaving `access.current` untouched when nothing changed (no
 * re-render). One read at a time.
 */
export async function refreshAccess(): Promise<void> {
  if (refreshing) return;
  refreshing = true;
  try {
    const next = (await api.currentAccess()) ?? null;
    if (!sameAccess(next, access.current)) access.current = next;
  } catch {
    // Keep what is known: the engine refuses anyway.
  } finally {
    refreshing = false;
  }
}

/** How often the window reads the access while open (one SQLite read). */
export const ACCESS_POLL_MS = 60_000;

function everyMinute(f: () => void): () => void {
  const id = setInterval(f, ACCESS_POLL_MS);
  return () => clearInterval(id);
}

/**
 * Keeps the access current while roles change elsewhere (another desktop or
 * the CLI on the same data folder, or this window's own Roller view): read
 * again when the window regains focus or becomes visible, when the register
 * changed (the desktop's poll, `REFRESH_EVENT`), on a modest poll,
 * and after every refusal with code "forbidden". Returns the stop.
 */
export function watchAccess(win: Window = window, poll: (f: () => void) => () => void = everyMinute): () => void {
  const again = () => void refreshAccess();
  const onVisible = () => {
    if (win.document.visibilityState === "visible") again();
  };
  win.addEventListener("focus", again);
  // The register changed (`register-changed`, h-conc): roles may have.
  win.addEventListener(REFRESH_EVENT, again);
  win.document.addEventListener("visibilitychange", onVisible);
  const stopPoll = poll(again);
  const stopForbidden = onForbidden(again);
  return () => {
    win.removeEventListener("focus", again);
    win.removeEventListener(REFRESH_EVENT, again);
    win.document.removeEventListener("visibilitychange", onVisible);
    stopPoll();
    stopForbidden();
  };
}
