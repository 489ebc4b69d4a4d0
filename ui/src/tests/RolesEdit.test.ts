// Role editing in Inställningar → Roller (h-roles2): an administrator adds a
// person with a role and units picked from the organisation's list, changes
// and removes; the engine's refusals are shown as their catalogue sentence;
// anyone else sees the list read-only. The window's access follows a change
// of roles without a restart.
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, describe, expect, it } from "vitest";
import type { CurrentAccess } from "../bindings/CurrentAccess";
import type { OrgUnits } from "../bindings/OrgUnits";
import type { PersonRoles } from "../bindings/PersonRoles";
import { access, loadAccess, refreshAccess, watchAccess } from "../lib/access.svelte";
import { api } from "../lib/api";
import { loadLang } from "../lib/i18n.svelte";
import RolesSettings from "../lib/RolesSettings.svelte";

const admin: CurrentAccess = {
  login: "it-stod", configured: true, roles: ["administrator"], units: [], may: ["report", "reindex", "settings", "roles"], own_units: [],
};
const chef: CurrentAccess = { login: "chefen", configured: true, roles: ["chef"], units: [], may: ["report"], own_units: [] };
const org: OrgUnits = {
  boards: [
    { name: "Kultur- och fritidsnämnden", units: ["Kultur", "Fritid"] },
    { name: "Kommunstyrelsen", units: ["Kommunikation"] },
  ],
} as OrgUnits;
const at = "2026-04-01T08:00:00Z";
const person = (login: string, roles: PersonRoles["roles"], units: string[] = []): PersonRoles => ({
  login, roles, units, set_at: at, set_by: "IT",
});

type Call = { cmd: string; args: Record<string, unknown> };

/** A desktop holding `people`; set_role/remove_role change them as the engine would (or refuse with `refusal`). */
function desktop(current: CurrentAccess, start: PersonRoles[], refusal?: unknown) {
  let people = [...start];
  const calls: Call[] = [];
  mockIPC((cmd, args) => {
    calls.push({ cmd, args: (args ?? {}) as Record<string, unknown> });
    switch (cmd) {
      case "current_access":
        return current;
      case "list_roles":
        return people;
      case "org_units":
        return org;
      case "set_role": {
        if (refusal) throw refusal;
        const a = args as { login: string; roles: PersonRoles["roles"]; units: string[] };
        people = [...people.filter((p) => p.login !== a.login), person(a.login, a.roles, a.units)].sort((x, y) =>
          x.login.localeCompare(y.login),
        );
        return people;
      }
      case "remove_role": {
        if (refusal) throw refusal;
        people = people.filter((p) => p.login !== (args as { login: string }).login);
        return people;
      }
      default:
        return null;
    }
  });
  return calls;
}

function rows(): string[][] {
  const table = screen.getByRole("table", { name: "Roller" });
  return within(table)
    .getAllByRole("row")
    .slice(1)
    .map((r) => within(r).queryAllByRole("cell").slice(0, 3).map((c) => c.textContent ?? ""));
}

afterEach(() => {
  access.current = null;
});

describe("role editing", () => {
  it("lets an administrator add a case officer for a unit picked from the list, then change and remove", async () => {
    loadLang();
    const calls = desktop(admin, [person("it-stod", ["administrator"])]);
    access.current = admin;
    render(RolesSettings);
    await screen.findByRole("table", { name: "Roller" });

    await fireEvent.input(screen.getByLabelText("Användarnamn (inloggning)"), { target: { value: "anna" } });
    await fireEvent.click(screen.getByRole("checkbox", { name: "handläggare" }));
    const units = await screen.findByRole("group", { name: "Enheter för handläggare" });
    // The organisation's units, by board.
    expect(within(units).getAllByRole("checkbox").map((c) => (c as HTMLInputElement).value)).toEqual([
      "Kultur", "Fritid", "Kommunikation",
    ]);
    await fireEvent.click(within(units).getByRole("checkbox", { name: "Kultur" }));
    await fireEvent.click(screen.getByRole("button", { name: "Spara roller" }));
    await waitFor(() => expect(rows()).toEqual([["anna", "handläggare", "Kultur"], ["it-stod", "administratör", ""]]));
    expect(calls.find((c) => c.cmd === "set_role")?.args).toEqual({ login: "anna", roles: ["handlaggare"], units: ["Kultur"] });
    // The window's own access is read again after a change.
    expect(calls.filter((c) => c.cmd === "current_access").length).toBeGreaterThan(0);

    // Change: the row fills the form; anna becomes archivist (no units).
    await fireEvent.click(screen.getByRole("button", { name: "Ändra roller för anna" }));
    expect((screen.getByLabelText("Användarnamn (inloggning)") as HTMLInputElement).value).toBe("anna");
    expect((screen.getByRole("checkbox", { name: "handläggare" }) as HTMLInputElement).checked).toBe(true);
    await fireEvent.click(screen.getByRole("checkbox", { name: "handläggare" }));
    await fireEvent.click(screen.getByRole("checkbox", { name: "arkivarie" }));
    expect(screen.queryByRole("group", { name: "Enheter för handläggare" })).toBeNull();
    await fireEvent.click(screen.getByRole("button", { name: "Spara roller" }));
    await waitFor(() => expect(rows()[0]).toEqual(["anna", "arkivarie", ""]));
    expect(calls.filter((c) => c.cmd === "set_role").slice(-1)[0]?.args).toEqual({ login: "anna", roles: ["arkivarie"], units: [] });

    await fireEvent.click(screen.getByRole("button", { name: "Ta bort roller för anna" }));
    await waitFor(() => expect(rows()).toEqual([["it-stod", "administratör", ""]]));
    expect(calls.find((c) => c.cmd === "remove_role")?.args).toEqual({ login: "anna" });
  });

  it("shows the engine's refusal as its catalogue sentence", async () => {
    loadLang();
    desktop(admin, [person("it-stod", ["administrator"])], {
      code: "conflict",
      message: "it-stod is the last administrator",
      key: { key: "role-last-administrator", args: { login: "it-stod" } },
    });
    access.current = admin;
    render(RolesSettings);
    await screen.findByRole("table", { name: "Roller" });
    await fireEvent.click(screen.getByRole("button", { name: "Ta bort roller för it-stod" }));
    const alert = await screen.findByRole("alert");
    // The sentence of role-last-administrator in Swedish; the login keeps its case.
    expect(alert.textContent?.trim()).toBe(
      "Det går inte just nu: it-stod är den sista administratören: ge först någon annan rollen administratör, eller ta bort alla roller för att stänga av rollerna.",
    );
    expect(rows()).toEqual([["it-stod", "administratör", ""]]);
  });

  it("shows anyone but an administrator the list read-only", async () => {
    loadLang();
    desktop(chef, [person("chefen", ["chef"]), person("it-stod", ["administrator"])]);
    access.current = chef;
    render(RolesSettings);
    await screen.findByRole("table", { name: "Roller" });
    expect(rows().length).toBe(2);
    expect(screen.queryByRole("button")).toBeNull();
    expect(screen.queryByLabelText("Användarnamn (inloggning)")).toBeNull();
  });

  it("reads the person's access again on focus, on a poll and after a refusal for their role", async () => {
    let current: CurrentAccess = admin;
    const calls: string[] = [];
    mockIPC((cmd) => {
      calls.push(cmd);
      if (cmd === "current_access") return current;
      if (cmd === "set_settings") throw { code: "forbidden", message: "no" };
      return null;
    });
    await loadAccess();
    expect(access.current?.roles).toEqual(["administrator"]);
    let tick: () => void = () => {};
    const stop = watchAccess(window, (f) => {
      tick = f;
      return () => {};
    });
    // Changed by the CLI meanwhile: the window follows when it regains focus.
    current = chef;
    window.dispatchEvent(new Event("focus"));
    await waitFor(() => expect(access.current?.roles).toEqual(["chef"]));
    current = admin;
    tick();
    await waitFor(() => expect(access.current?.roles).toEqual(["administrator"]));
    current = chef;
    await expect(api.setSettings({} as never)).rejects.toMatchObject({ code: "forbidden" });
    await waitFor(() => expect(access.current?.roles).toEqual(["chef"]));
    stop();
    current = admin;
    window.dispatchEvent(new Event("focus"));
    await new Promise((r) => setTimeout(r, 10));
    expect(access.current?.roles).toEqual(["chef"]);
  });

  it("keeps the access it holds when a read gives the same one, in whatever order its fields come", async () => {
    const same: CurrentAccess = {
      own_units: [], may: ["report", "reindex", "settings", "roles"], units: [], roles: ["administrator"], configured: true, login: "it-stod",
    };
    let current: CurrentAccess = same;
    mockIPC((cmd) => (cmd === "current_access" ? current : null));
    access.current = admin;
    const held = access.current;
    await refreshAccess();
    expect(access.current).toBe(held);
    // A change of any field is taken.
    current = { ...admin, units: ["Kultur"] };
    await refreshAccess();
    expect(access.current?.units).toEqual(["Kultur"]);
    current = { ...admin, units: ["Kultur"], may: ["report"] };
    await refreshAccess();
    expect(access.current?.may).toEqual(["report"]);
  });
});
