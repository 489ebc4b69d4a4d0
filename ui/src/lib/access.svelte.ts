// What the person working may do (h-roles): their login's roles, from the
// desktop's `current_access`. The window hides what a role cannot do; the
// engine refuses it anyway (ErrorCode "forbidden"), so while the access is
// unknown nothing is hidden.
import type { CurrentAccess } from "../bindings/CurrentAccess";
import type { RoleAction } from "../bindings/RoleAction";
import { api } from "./api";

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
