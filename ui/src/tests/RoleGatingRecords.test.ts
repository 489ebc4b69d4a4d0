// Issue 15 (h-roles): a removal record's page, Borttaget and the new record's form by role (see
// RoleGating.test.ts; the access of each role in roleAccess.ts).
import { render, screen, within } from "@testing-library/svelte";
import { mockIPC } from "@tauri-apps/api/mocks";
import { describe, expect, it } from "vitest";
import type { CurrentAccess } from "../bindings/CurrentAccess";
import type { RemovalRecord } from "../bindings/RemovalRecord";
import { access } from "../lib/access.svelte";
import { setLang } from "../lib/i18n.svelte";
import RemovalForm from "../lib/RemovalForm.svelte";
import RemovalRecordView from "../lib/RemovalRecordView.svelte";
import RemovalsView from "../lib/RemovalsView.svelte";
import { channel, summary } from "./fixtures";
import { archivist, button, chef, off, officer } from "./roleAccess";

// ---------------------------------------------------------------- A removal record's page and Borttaget

function record(overrides: Partial<RemovalRecord> = {}): RemovalRecord {
  return {
    id: "rm-1",
    version: 1,
    channel_id: 1,
    url: "https://www.facebook.com/kultur/posts/1?comment_id=9",
    kind: "comment",
    author: null,
    published_at: null,
    text: "Du ska få se",
    removed_at: "2026-11-20T10:00:00Z",
    removed_by: "anna",
    action: "raderad",
    ground: { code: "hot", label_sv: "Hot", label_en: "Threats", text: null },
    police_report: { reported: false, reference: null, date: null },
    contact: null,
    forwarded: null,
    diary_number: null,
    certified: null,
    evidence: { type: "file", original_name: "bild.png", sha256: "c".repeat(64) },
    supplied_by_hand: false,
    recorded_at: "2026-11-20T10:01:00Z",
    recorded_by: "anna",
    change_note: null,
    ...overrides,
  } as RemovalRecord;
}

async function drawRecord(a: CurrentAccess, unit: string) {
  setLang("sv");
  access.current = a;
  mockIPC((cmd) => {
    switch (cmd) {
      case "removal_versions":
        return [record()];
      case "get_channel":
        return channel({ id: 1, unit });
      case "marks":
        return [];
      default:
        throw new Error(`unexpected ${cmd}`);
    }
  });
  const { unmount } = render(RemovalRecordView, { id: "rm-1" });
  await screen.findByText("Du ska få se");
  // The channel (its unit) is read after the record.
  await new Promise((r) => setTimeout(r, 20));
  return unmount;
}

function recordControls() {
  return {
    certify: button("Bestyrk") !== null,
    correct: button("Rätta") !== null,
    recapture: button("Fånga igen") !== null,
    diary: button("Spara diarienummer") !== null,
    mark: button("Spara markeringen") !== null,
    hold: button("Undanta från gallring") !== null,
  };
}

describe("a removal record's page by role", () => {
  it("hides nothing while roles are off", async () => {
    await drawRecord(off, "Kultur");
    expect(recordControls()).toEqual({ certify: true, correct: true, recapture: true, diary: true, mark: true, hold: true });
  });

  it("shows a manager the record and its mark, and no action", async () => {
    await drawRecord(chef, "Kultur");
    expect(recordControls()).toEqual({ certify: false, correct: false, recapture: false, diary: false, mark: false, hold: false });
    expect(screen.getByRole("heading", { name: "Skyddsmarkering" })).toBeInTheDocument();
    expect(screen.getByText("Inte markerad.")).toBeInTheDocument();
  });

  it("shows a case officer certify, correct and capture again on their unit's record, and no diary number or mark", async () => {
    const unmount = await drawRecord(officer, "Kultur");
    expect(recordControls()).toEqual({ certify: true, correct: true, recapture: true, diary: false, mark: false, hold: false });
    unmount();
    await drawRecord(officer, "Fritid");
    expect(recordControls()).toEqual({ certify: false, correct: false, recapture: false, diary: false, mark: false, hold: false });
  });

  it("shows an archivist certify, the diary number, the mark and the hold, but no correction", async () => {
    await drawRecord(archivist, "Kultur");
    expect(recordControls()).toEqual({ certify: true, correct: false, recapture: false, diary: true, mark: true, hold: true });
  });

  it("offers a new removal record in Borttaget to a case officer, and not to a manager or an archivist", async () => {
    setLang("sv");
    mockIPC((cmd) => {
      if (cmd === "list_channels" || cmd === "removal_grounds" || cmd === "list_removals") return [];
      throw new Error(`unexpected ${cmd}`);
    });
    for (const [a, shown] of [[off, true], [officer, true], [chef, false], [archivist, false]] as const) {
      access.current = a;
      const { unmount } = render(RemovalsView);
      await screen.findByRole("heading", { name: "Borttaget innehåll" });
      expect(button("Registrera borttaget innehåll") !== null).toBe(shown);
      unmount();
    }
  });
});


describe("the new removal record's form by role", () => {
  it("offers a case officer only their units' channels, and everyone's while roles are off", async () => {
    setLang("sv");
    const kultur = channel({ id: 1, name: "Kulturen på Facebook", unit: "Kultur" });
    const fritid = channel({ id: 2, name: "Fritiden på Instagram", platform: "instagram", unit: "Fritid" });
    mockIPC((cmd) => {
      if (cmd === "list_channels") return [summary(kultur), summary(fritid)];
      if (cmd === "removal_grounds") return [];
      throw new Error(`unexpected ${cmd}`);
    });
    for (const [a, offered] of [
      [off, ["Kulturen på Facebook", "Fritiden på Instagram"]],
      [officer, ["Kulturen på Facebook"]],
    ] as const) {
      access.current = a;
      const { unmount } = render(RemovalForm, {});
      const select = (await screen.findByLabelText(/^Kanal/)) as HTMLSelectElement;
      await within(select).findByRole("option", { name: "Kulturen på Facebook" });
      const names = within(select)
        .getAllByRole("option")
        .map((o) => o.textContent?.trim())
        .filter((n) => n !== "" && !n?.startsWith("Välj"));
      expect(names).toEqual(offered);
      unmount();
    }
  });
});
