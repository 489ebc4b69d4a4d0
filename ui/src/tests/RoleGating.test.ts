// Issue 15 (h-roles): the window hides, not just disables, what a person's role cannot do — the
// engine refuses it anyway. Each view is drawn for a chef, an arkivarie, a handläggare (of the
// unit "Kultur") and an administratör with roles set, and for a register without roles (everyone
// may do everything: nothing is hidden). The access each role gets follows crates/app/src/roles.rs.
import { render, screen, within } from "@testing-library/svelte";
import { mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, describe, expect, it } from "vitest";
import type { ChannelQuery } from "../bindings/ChannelQuery";
import type { ChangeSuggestion } from "../bindings/ChangeSuggestion";
import type { CurrentAccess } from "../bindings/CurrentAccess";
import type { DueQuery } from "../bindings/DueQuery";
import { access } from "../lib/access.svelte";
import ChangeSuggestions from "../lib/ChangeSuggestions.svelte";
import ChannelDetail from "../lib/ChannelDetail.svelte";
import ChannelList from "../lib/ChannelList.svelte";
import { setLang } from "../lib/i18n.svelte";
import SettingsView from "../lib/SettingsView.svelte";
import TodoView from "../lib/TodoView.svelte";
import { changeSuggestion, channel, dueEntry, snapshot, summary } from "./fixtures";
import { channelPageOf, duePageOf } from "./pages";

import { accessOf, admin, archivist, button, chef, link, off, officer } from "./roleAccess";
import { settingsRead } from "./settingsReads";

// ---------------------------------------------------------------- Kanaler

const KULTUR = channel({ id: 1, name: "Kulturen på Facebook", unit: "Kultur" });
const FRITID = channel({ id: 2, name: "Fritiden på Instagram", platform: "instagram", unit: "Fritid" });

async function drawList(a: CurrentAccess) {
  setLang("sv");
  access.current = a;
  mockIPC((cmd, args) => {
    if (cmd === "channel_page") return channelPageOf([summary(KULTUR), summary(FRITID)], (args as { query: ChannelQuery }).query);
    throw new Error(`unexpected ${cmd}`);
  });
  const { unmount } = render(ChannelList, { onadd: () => {} });
  await screen.findByRole("table", { name: "Registrerade kanaler" });
  return unmount;
}

/** The bulk bar's action buttons, by name. */
function bulkButtons(): string[] {
  const bar = screen.queryByRole("region", { name: "Åtgärder för valda kanaler" });
  return bar ? within(bar).getAllByRole("button").map((b) => b.textContent?.trim() ?? "") : [];
}

describe("Kanaler by role", () => {
  it("shows a register without roles every bulk action, every box, the CSV import and Lägg till kanal", async () => {
    await drawList(off);
    expect(bulkButtons()).toEqual(["Ta ögonblicksbild nu", "Ändra ansvarig", "Exportera", "Avmarkera alla"]);
    expect(screen.getByRole("checkbox", { name: "Välj Kulturen på Facebook" })).toBeInTheDocument();
    expect(screen.getByRole("checkbox", { name: "Välj Fritiden på Instagram" })).toBeInTheDocument();
    expect(button("Importera från CSV")).toBeInTheDocument();
    expect(button("Lägg till kanal")).toBeInTheDocument();
  });

  it("shows an archivist every bulk action and the CSV import", async () => {
    await drawList(archivist);
    expect(bulkButtons()).toEqual(["Ta ögonblicksbild nu", "Ändra ansvarig", "Exportera", "Avmarkera alla"]);
    expect(screen.getAllByRole("checkbox", { name: /^Välj / })).toHaveLength(3);
    expect(button("Importera från CSV")).toBeInTheDocument();
    expect(button("Lägg till kanal")).toBeInTheDocument();
  });

  it("shows a manager no bulk bar, no boxes, no CSV import and no Lägg till kanal, but the CSV export", async () => {
    await drawList(chef);
    expect(screen.queryByRole("region", { name: "Åtgärder för valda kanaler" })).toBeNull();
    expect(screen.queryAllByRole("checkbox", { name: /^Välj / })).toHaveLength(0);
    expect(button("Importera från CSV")).toBeNull();
    expect(button("Lägg till kanal")).toBeNull();
    expect(button("Exportera till CSV")).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Exportera (CSV)" })).toBeInTheDocument();
  });

  it("lets a case officer choose and capture only their unit's channels: no responsible, export or CSV import", async () => {
    await drawList(officer);
    expect(bulkButtons()).toEqual(["Ta ögonblicksbild nu", "Avmarkera alla"]);
    expect(screen.getByRole("checkbox", { name: "Välj Kulturen på Facebook" })).toBeInTheDocument();
    expect(screen.queryByRole("checkbox", { name: "Välj Fritiden på Instagram" })).toBeNull();
    expect(button("Importera från CSV")).toBeNull();
    expect(button("Lägg till kanal")).toBeNull();
  });

  it("shows an administrator with roles set no bulk actions and no CSV import (they keep no archive rights)", async () => {
    await drawList(admin);
    expect(screen.queryByRole("region", { name: "Åtgärder för valda kanaler" })).toBeNull();
    expect(button("Importera från CSV")).toBeNull();
  });
});

// ---------------------------------------------------------------- Att göra

async function drawTodo(a: CurrentAccess) {
  setLang("sv");
  access.current = a;
  const entries = [
    dueEntry({ channel_id: 1, name: "Kulturen på Facebook", unit: "Kultur" }),
    dueEntry({ channel_id: 2, name: "Fritiden på Instagram", unit: "Fritid" }),
  ];
  mockIPC((cmd, args) => {
    if (cmd === "due_page") return duePageOf(entries, (args as { query: DueQuery }).query);
    if (cmd === "change_suggestions") return [];
    throw new Error(`unexpected ${cmd}`);
  });
  const { unmount } = render(TodoView);
  await screen.findByText("Kulturen på Facebook");
  return unmount;
}

describe("Att göra by role", () => {
  it("offers every capture while roles are off, and to an archivist", async () => {
    for (const a of [off, archivist]) {
      const unmount = await drawTodo(a);
      expect(screen.getAllByRole("button", { name: /^Ta ögonblicksbild nu av/ })).toHaveLength(2);
      expect(button("Ta ögonblicksbilder av alla som ska tas nu")).toBeInTheDocument();
      unmount();
    }
  });

  it("offers a manager and an administrator no capture", async () => {
    for (const a of [chef, admin]) {
      const unmount = await drawTodo(a);
      expect(screen.queryAllByRole("button", { name: /^Ta ögonblicksbild/ })).toHaveLength(0);
      expect(button("Ta ögonblicksbilder av alla som ska tas nu")).toBeNull();
      unmount();
    }
  });

  it("offers a case officer the capture of their unit's channel only (the due run leaves out the others)", async () => {
    await drawTodo(officer);
    expect(button("Ta ögonblicksbild nu av Kulturen på Facebook")).toBeInTheDocument();
    expect(button("Ta ögonblicksbild nu av Fritiden på Instagram")).toBeNull();
    expect(button("Ta ögonblicksbilder av alla som ska tas nu")).toBeInTheDocument();
  });
});

// ---------------------------------------------------------------- Suggested major changes

const suggestion = (): ChangeSuggestion => changeSuggestion({ signals: ["title"] });

async function drawSuggestions(a: CurrentAccess): Promise<{ calls: string[]; unmount: () => void }> {
  setLang("sv");
  access.current = a;
  const calls: string[] = [];
  mockIPC((cmd, args) => {
    calls.push(cmd);
    if (cmd === "change_suggestions") return [suggestion()];
    if (cmd === "channel_page")
      return channelPageOf([summary(channel({ id: 7, name: "Fritid på Facebook", unit: "Fritid" }))], (args as { query: ChannelQuery }).query);
    throw new Error(`unexpected ${cmd}`);
  });
  const { unmount } = render(ChangeSuggestions);
  await screen.findByText(/Kanalen verkar ha ändrats/);
  return { calls, unmount };
}

describe("suggested major changes by role", () => {
  it("offers register and dismiss while roles are off and to an archivist, without asking for units", async () => {
    for (const a of [off, archivist]) {
      const { calls, unmount } = await drawSuggestions(a);
      expect(button("Registrera större förändring för Fritid på Facebook")).toBeInTheDocument();
      expect(button("Avfärda förslaget för Fritid på Facebook")).toBeInTheDocument();
      expect(calls).not.toContain("channel_page");
      unmount();
    }
  });

  it("shows a manager the suggestion without its actions", async () => {
    await drawSuggestions(chef);
    expect(button("Registrera större förändring för Fritid på Facebook")).toBeNull();
    expect(button("Avfärda förslaget för Fritid på Facebook")).toBeNull();
    expect(screen.queryByLabelText("Beskriv förändringen")).toBeNull();
  });

  it("offers a case officer the actions on their own unit's channel only", async () => {
    const { calls, unmount } = await drawSuggestions(officer);
    // The channel's unit is read first (one call): Fritid is not Kultur.
    await new Promise((r) => setTimeout(r, 50));
    expect(calls.filter((c) => c === "channel_page")).toHaveLength(1);
    expect(button("Registrera större förändring för Fritid på Facebook")).toBeNull();
    expect(screen.getByText(/Kanalen verkar ha ändrats/)).toBeInTheDocument();
    unmount();
    await drawSuggestions(accessOf("handlaggare", ["fritid"]));
    expect(await screen.findByRole("button", { name: "Registrera större förändring för Fritid på Facebook" })).toBeInTheDocument();
    expect(button("Avfärda förslaget för Fritid på Facebook")).toBeInTheDocument();
  });
});

// ---------------------------------------------------------------- A channel's page

async function drawDetail(a: CurrentAccess, unit: string) {
  setLang("sv");
  access.current = a;
  mockIPC((cmd) => {
    switch (cmd) {
      case "channel_for_edit":
        return { channel: channel({ id: 1, unit }), revision: 1 };
      case "history":
        return [snapshot({ id: "snap-1", channel_id: 1 })];
      case "timestamp_status":
        return { key: "timestamp-not-configured", args: {} };
      case "audit_log":
      case "marks":
      case "list_removals":
        return [];
      default:
        return null;
    }
  });
  const { unmount } = render(ChannelDetail, { id: 1 });
  await screen.findByRole("heading", { level: 1 });
  // The history is drawn with the channel (one load).
  await screen.findByRole("heading", { name: "Ögonblicksbilder" });
  return unmount;
}

/** The channel page's controls a role gates, present or not. */
function detailControls() {
  return {
    extra: button("Ta en extra ögonblicksbild") !== null,
    major: button("Registrera större förändring") !== null,
    login: button("Logga in på plattformen") !== null,
    single: button("Fånga adressen") !== null,
    removal: link("Registrera borttaget innehåll i kanalen") !== null,
    diary: button("Sätt diarienumret") !== null,
    record: screen.queryByText("Diarienummer och skyddsmarkering") !== null,
    edit: button("Ändra uppgifter") !== null,
  };
}

describe("a channel's page by role", () => {
  it("hides nothing while roles are off", async () => {
    await drawDetail(off, "Kultur");
    expect(detailControls()).toEqual({
      extra: true, major: true, login: true, single: true, removal: true, diary: true, record: true, edit: true,
    });
  });

  it("shows a manager no capture, major change, single address, new removal record or diary number", async () => {
    await drawDetail(chef, "Kultur");
    expect(detailControls()).toEqual({
      extra: false, major: false, login: false, single: false, removal: false, diary: false, record: false, edit: false,
    });
    // What is read stays: the history and its snapshot.
    expect(screen.getByText(/den senaste först/)).toBeInTheDocument();
  });

  it("shows a case officer the capture and removal records of their unit's channel, and no diary number", async () => {
    const unmount = await drawDetail(officer, "Kultur");
    expect(detailControls()).toEqual({
      extra: true, major: true, login: true, single: true, removal: true, diary: false, record: false, edit: false,
    });
    unmount();
    await drawDetail(officer, "Fritid");
    expect(detailControls()).toEqual({
      extra: false, major: false, login: false, single: false, removal: false, diary: false, record: false, edit: false,
    });
  });

  it("shows an archivist the capture, diary numbers and marks, but no new removal record", async () => {
    await drawDetail(archivist, "Kultur");
    expect(detailControls()).toEqual({
      extra: true, major: true, login: true, single: true, removal: false, diary: true, record: true, edit: true,
    });
  });
});

// ---------------------------------------------------------------- Inställningar

async function drawSettings(a: CurrentAccess) {
  setLang("sv");
  access.current = a;
  mockIPC((cmd) => {
    switch (cmd) {
      case "list_roles":
        return [];
      case "org_units":
        return { boards: [] };
      default: {
        const read = settingsRead(cmd);
        if (read === undefined) throw new Error(`unexpected ${cmd}`);
        return read;
      }
    }
  });
  const { unmount } = render(SettingsView);
  await screen.findByRole("heading", { name: "Roller" });
  await new Promise((r) => setTimeout(r, 50));
  return unmount;
}

/** Every save of Inställningar, present or not. */
function saves() {
  return {
    org: button("Spara organisationen") !== null,
    pkg: button("Spara paketinställningarna") !== null,
    schedule: button("Spara schemat") !== null,
    auto: button("Spara") !== null,
    evidence: button("Spara bevisinställningarna") !== null,
    comparison: button("Spara jämförelserna") !== null,
    retention: button("Spara gallringsreglerna") !== null,
    grounds: button("Lägg till grunden") !== null,
    orgUnits: button("Lägg till nämnd") !== null,
  };
}

describe("Inställningar by role", () => {
  it("shows every save while roles are off", async () => {
    await drawSettings(off);
    expect(saves()).toEqual({
      org: true, pkg: true, schedule: true, auto: true, evidence: true, comparison: true, retention: true, grounds: true, orgUnits: true,
    });
  });

  it("shows an administrator the settings' saves, not the archive's (retention, grounds, org units)", async () => {
    await drawSettings(admin);
    expect(saves()).toEqual({
      org: true, pkg: true, schedule: true, auto: true, evidence: true, comparison: true, retention: false, grounds: false, orgUnits: false,
    });
  });

  it("shows an archivist retention, grounds and org units, and none of the administrator's saves", async () => {
    await drawSettings(archivist);
    expect(saves()).toEqual({
      org: false, pkg: false, schedule: false, auto: false, evidence: false, comparison: false, retention: true, grounds: true, orgUnits: true,
    });
    // The language is the person's own.
    expect(screen.getByLabelText("Språk i Ögonblick")).toBeInTheDocument();
  });

  it("shows a manager and a case officer no save (were they to reach the page)", async () => {
    for (const a of [chef, officer]) {
      const unmount = await drawSettings(a);
      expect(Object.values(saves()).some(Boolean)).toBe(false);
      unmount();
    }
  });
});
