// The access each role gets, as crates/app/src/roles.rs's table gives it, for the role-gating tests
// (RoleGating*.test.ts): a chef, an arkivarie, a handläggare of the unit "Kultur", an administratör
// with roles set, and a register without roles.
import { screen } from "@testing-library/svelte";
import { afterEach } from "vitest";
import type { CurrentAccess } from "../bindings/CurrentAccess";
import type { Role } from "../bindings/Role";
import type { RoleAction } from "../bindings/RoleAction";
import { access } from "../lib/access.svelte";

// roles.rs's table: what each role gets of an action (handläggare, arkivarie, chef, administratör).
type Grant = "no" | "any" | "own";
export const TABLE: Record<RoleAction, [Grant, Grant, Grant, Grant]> = {
  capture: ["own", "any", "no", "no"],
  "major-change": ["own", "any", "no", "no"],
  "removal-record": ["own", "no", "no", "no"],
  "certify-removal": ["own", "any", "no", "no"],
  "register-edit": ["no", "any", "no", "no"],
  export: ["no", "any", "no", "no"],
  closure: ["no", "any", "no", "no"],
  "diary-number": ["no", "any", "no", "no"],
  mark: ["no", "any", "no", "no"],
  retention: ["no", "any", "no", "no"],
  "removal-grounds": ["no", "any", "no", "no"],
  disposal: ["no", "any", "no", "no"],
  report: ["any", "any", "any", "any"],
  reindex: ["no", "any", "no", "any"],
  settings: ["no", "no", "no", "any"],
  roles: ["no", "no", "no", "any"],
};
export const ORDER: Role[] = ["handlaggare", "arkivarie", "chef", "administrator"];
export const ACTIONS = Object.keys(TABLE) as RoleAction[];

/** What `current_access` answers for a person with `role` (and `units`, a handläggare's). */
export function accessOf(role: Role, units: string[] = []): CurrentAccess {
  const i = ORDER.indexOf(role);
  return {
    login: role,
    configured: true,
    roles: [role],
    units,
    may: ACTIONS.filter((a) => TABLE[a][i] === "any"),
    own_units: ACTIONS.filter((a) => TABLE[a][i] === "own"),
  };
}
export const chef = accessOf("chef");
export const archivist = accessOf("arkivarie");
export const officer = accessOf("handlaggare", ["Kultur"]);
export const admin = accessOf("administrator");
/** A register without roles (single-desktop SQLite): everyone is administrator and more. */
export const off: CurrentAccess = { login: "åsa", configured: false, roles: [], units: [], may: [...ACTIONS], own_units: [] };

afterEach(() => {
  access.current = null;
});

export const button = (name: string | RegExp) => screen.queryByRole("button", { name });
export const link = (name: string) => screen.queryByRole("link", { name });

