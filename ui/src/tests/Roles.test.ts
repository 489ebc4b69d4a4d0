// Roles (h-roles): the window hides what the person's role cannot do, and
// Inställningar lists who has which role.
import { render, screen, waitFor, within } from "@testing-library/svelte";
import { mockIPC } from "@tauri-apps/api/mocks";
import { describe, expect, it } from "vitest";
import App from "../App.svelte";
import type { CurrentAccess } from "../bindings/CurrentAccess";
import type { PersonRoles } from "../bindings/PersonRoles";
import { access, may, pageAllowed } from "../lib/access.svelte";
import { loadLang } from "../lib/i18n.svelte";
import ChannelDetail from "../lib/ChannelDetail.svelte";
import RolesSettings from "../lib/RolesSettings.svelte";
import { channel, dueReport } from "./fixtures";

const ALL: CurrentAccess["may"] = [
  "capture", "major-change", "removal-record", "certify-removal", "register-edit", "export", "closure",
  "diary-number", "mark", "retention", "removal-grounds", "disposal", "report", "reindex", "settings", "roles",
];
const off: CurrentAccess = { login: "åsa", configured: false, roles: [], units: [], may: ALL, own_units: [] };
const chef: CurrentAccess = { login: "chefen", configured: true, roles: ["chef"], units: [], may: ["report"], own_units: [] };
const officer: CurrentAccess = {
  login: "anna",
  configured: true,
  roles: ["handlaggare"],
  units: ["Kultur"],
  may: ["report"],
  own_units: ["capture", "major-change", "removal-record", "certify-removal"],
};
const admin: CurrentAccess = {
  login: "it-stod", configured: true, roles: ["administrator"], units: [], may: ["report", "reindex", "settings", "roles"], own_units: [],
};

let unitOfChannel: string | null = "Kultur";

function shell(current: CurrentAccess, people: PersonRoles[] = []) {
  mockIPC((cmd) => {
    switch (cmd) {
      case "current_access":
        return current;
      case "list_roles":
        return people;
      case "change_suggestions":
      case "marks":
        return [];
      case "due":
        return dueReport([]);
      case "scheduler_status":
        return { auto_capture: false, last_tick: null, next_tick: null, running: false, last_run_summary: null };
      case "app_info":
        return { version: "0.1.0", data_dir: "/tmp/ogonblick-test", operator: "åsa" };
      case "first_run_status":
        return { needed: false };
      case "channel_for_edit":
        return { channel: channel({ id: 1, unit: unitOfChannel }), revision: 1 };
      case "history":
      case "audit_log":
      case "list_removals":
        return [];
      default:
        return null;
    }
  });
}

async function navLinks(): Promise<string[]> {
  const nav = screen.getByRole("navigation", { name: "Huvudmeny" });
  return within(nav).getAllByRole("link").map((a) => a.textContent ?? "");
}

describe("roles in the window", () => {
  it("knows what each role may do, and hides nothing while roles are off or unknown", () => {
    expect(may(null, "disposal")).toBe(true);
    expect(may(off, "disposal")).toBe(true);
    expect(may(chef, "disposal")).toBe(false);
    expect(may(chef, "report")).toBe(true);
    expect(may(officer, "capture", "kultur ")).toBe(true);
    expect(may(officer, "capture", "Fritid")).toBe(false);
    expect(may(officer, "capture", null)).toBe(false);
    expect(may(officer, "register-edit")).toBe(false);
    expect(["add", "export", "disposal", "settings"].map((p) => pageAllowed(admin, p))).toEqual([false, false, false, true]);
    expect(["todo", "channels", "removals", "overview"].every((p) => pageAllowed(chef, p))).toBe(true);
  });

  it("shows a manager no register edits, export, disposal or settings", async () => {
    loadLang();
    shell(chef);
    render(App);
    await waitFor(() => expect(access.current?.login).toBe("chefen"));
    await waitFor(async () =>
      expect(await navLinks()).toEqual(["Att göra", "Kanaler", "Borttaget", "Översikt"]),
    );
  });

  it("shows an administrator the settings, but not the archive's pages", async () => {
    loadLang();
    shell(admin);
    render(App);
    await waitFor(async () =>
      expect(await navLinks()).toEqual(["Att göra", "Kanaler", "Borttaget", "Översikt", "Inställningar"]),
    );
  });

  it("lists who has which role in Inställningar", async () => {
    loadLang();
    const people: PersonRoles[] = [
      { login: "anna", roles: ["handlaggare"], units: ["Kultur", "Fritid"], set_at: "2026-04-01T08:00:00Z", set_by: "IT" },
      { login: "it-stod", roles: ["arkivarie", "administrator"], units: [], set_at: "2026-04-01T08:00:00Z", set_by: "IT" },
    ];
    shell(admin, people);
    access.current = admin;
    render(RolesSettings);
    const table = await screen.findByRole("table", { name: "Roller" });
    // The first three columns (an administrator also gets h-roles2's buttons).
    const rows = within(table).getAllByRole("row").map((r) => within(r).queryAllByRole("cell").slice(0, 3).map((c) => c.textContent));
    expect(rows.slice(1)).toEqual([
      ["anna", "handläggare", "Kultur, Fritid"],
      ["it-stod", "arkivarie, administratör", ""],
    ]);
    expect(screen.getByText("Du är it-stod.")).toBeInTheDocument();
  });

  it("says when no roles are set", async () => {
    loadLang();
    shell(off, []);
    render(RolesSettings);
    expect(await screen.findByText(/Inga roller är satta: alla får göra allt/)).toBeInTheDocument();
  });

  it("offers a case officer a snapshot of their unit's channel only, and no register edit", async () => {
    loadLang();
    shell(officer);
    access.current = officer;
    unitOfChannel = "Kultur";
    const { unmount } = render(ChannelDetail, { id: 1 });
    expect(await screen.findByRole("button", { name: "Ta en extra ögonblicksbild" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Ändra uppgifter" })).toBeNull();
    // h-roles2: closing a channel is the archivist's.
    expect(screen.queryByRole("link", { name: "Förbered avveckling av kanalen (checklista)" })).toBeNull();
    unmount();
    unitOfChannel = "Fritid";
    render(ChannelDetail, { id: 1 });
    expect(await screen.findByRole("heading", { level: 1 })).toBeInTheDocument();
    await screen.findByText("Adresser");
    expect(screen.queryByRole("button", { name: "Ta en extra ögonblicksbild" })).toBeNull();
    access.current = null;
  });
});
