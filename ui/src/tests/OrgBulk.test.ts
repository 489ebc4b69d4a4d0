// h-ui19: the organisation's list of boards and units (Inställningar, the
// channel forms) and Kanaler's bulk actions.
import { render, screen, waitFor, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { mockIPC } from "@tauri-apps/api/mocks";
import { describe, expect, it } from "vitest";
import type { OrgUnits } from "../bindings/OrgUnits";
import ChannelList from "../lib/ChannelList.svelte";
import OrgPicker from "../lib/OrgPicker.svelte";
import OrgUnitsSettings from "../lib/OrgUnitsSettings.svelte";
import { chosenShown, toggleAll, toggleOne } from "../lib/bulk";
import { setLang, t } from "../lib/i18n.svelte";
import { boardNames, unitNames } from "../lib/orgUnits";
import type { ChannelQuery } from "../bindings/ChannelQuery";
import { channel, page, snapshot, summary } from "./fixtures";
import { channelPageOf } from "./pages";

const asked = (args: unknown) => (args as { query: ChannelQuery }).query;

/** Kanaler of two channels read at revisions `revisions` (by id); `answer` answers the other commands. */
function twoChannels(revisions: Record<number, number>, answer: (cmd: string) => unknown): { cmd: string; args: unknown }[] {
  const calls: { cmd: string; args: unknown }[] = [];
  mockIPC((cmd, args) => {
    calls.push({ cmd, args });
    if (cmd === "channel_page") {
      const two = [summary(channel()), summary(channel({ id: 2, name: "Biblioteket", urls: ["https://x.com/bibl"] }))];
      return channelPageOf(two, asked(args), (id) => revisions[id] ?? 0);
    }
    return answer(cmd);
  });
  return calls;
}

const LIST: OrgUnits = {
  boards: [
    { name: "Kulturnämnden", units: ["Bibliotek", "Fritid"] },
    { name: "Kommunstyrelsen", units: ["Kommunikationsenheten"] },
  ],
};

describe("the organisation's list in the forms", () => {
  it("offers the list's boards and the chosen board's units, and keeps an old value marked", () => {
    expect(boardNames(LIST, "kulturnämnden").map((b) => b.known)).toEqual([true, true]);
    expect(boardNames(LIST, "Gamla nämnden")[2]).toEqual({ name: "Gamla nämnden", known: false });
    expect(unitNames(LIST, "KULTURNÄMNDEN", "").map((u) => u.name)).toEqual(["Bibliotek", "Fritid"]);
    expect(unitNames(LIST, "Kommunstyrelsen", "Bibliotek")[1]).toEqual({ name: "Bibliotek", known: false });
  });

  it("picks board then unit from selects; free text while the list is empty", async () => {
    setLang("sv");
    const user = userEvent.setup();
    render(OrgPicker, { board: "", unit: "", idPrefix: "t", list: LIST });
    const board = screen.getByRole("combobox", { name: "Nämnd" });
    const unit = screen.getByRole("combobox", { name: "Enhet" });
    expect(unit).toBeDisabled();
    await user.selectOptions(board, "Kulturnämnden");
    expect(unit).toBeEnabled();
    expect(within(unit).getAllByRole("option").map((o) => o.textContent)).toEqual(["Ingen enhet", "Bibliotek", "Fritid"]);
  });

  it("is free text while the organisation has no list", () => {
    setLang("sv");
    render(OrgPicker, { board: "", unit: "", idPrefix: "u", list: { boards: [] } });
    expect(screen.getByRole("textbox", { name: "Nämnd" })).toBeInTheDocument();
  });
});

describe("Nämnder och enheter in Inställningar", () => {
  it("adds a board, and shows the engine's refusal to remove one in use", async () => {
    setLang("sv");
    const user = userEvent.setup();
    const calls: { cmd: string; args: unknown }[] = [];
    let list: OrgUnits = { boards: [{ name: "Kulturnämnden", units: ["Bibliotek"] }] };
    mockIPC((cmd, args) => {
      calls.push({ cmd, args });
      switch (cmd) {
        case "org_units":
          return list;
        case "add_org_entry":
          list = { boards: [...list.boards, { name: "Kommunstyrelsen", units: [] }] };
          return list;
        case "remove_org_entry":
          throw { code: "conflict", message: "Nämnden ”Kulturnämnden” används av en kanal: flytta kanalerna först." };
        default:
          throw new Error(`unexpected ${cmd}`);
      }
    });
    render(OrgUnitsSettings);
    await user.type(await screen.findByRole("textbox", { name: "Ny nämnd" }), "Kommunstyrelsen");
    await user.click(screen.getByRole("button", { name: "Lägg till nämnd" }));
    expect(calls.find((c) => c.cmd === "add_org_entry")?.args).toEqual({ board: "Kommunstyrelsen", unit: null });
    expect(await screen.findByText("Kommunstyrelsen")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Ta bort nämnden Kulturnämnden" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("används av en kanal");
    expect(screen.getByText("Kulturnämnden")).toBeInTheDocument();
  });
});

describe("bulk actions in Kanaler", () => {
  it("chooses all shown, and toggles one", () => {
    const all = toggleAll(new Set(), [1, 2, 3]);
    expect([...all]).toEqual([1, 2, 3]);
    expect([...toggleAll(all, [1, 2, 3])]).toEqual([]);
    expect(chosenShown(toggleOne(all, 2), [2, 3])).toEqual([3]);
  });

  it("changes the responsible person of the chosen channels and captures them now", async () => {
    setLang("sv");
    const user = userEvent.setup();
    const calls = twoChannels({ 1: 7, 2: 9 }, (cmd) => {
      switch (cmd) {
        case "set_channels_responsible":
          return [channel(), channel({ id: 2 })];
        case "capture":
          return [];
        default:
          throw new Error(`unexpected ${cmd}`);
      }
    });
    render(ChannelList);
    const bar = await screen.findByRole("region", { name: "Åtgärder för valda kanaler" });
    expect(within(bar).getByRole("button", { name: "Ändra ansvarig" })).toBeDisabled();
    await user.click(screen.getByRole("checkbox", { name: "Välj alla på sidan" }));
    expect(within(bar).getByText("2 valda")).toBeInTheDocument();
    await user.click(screen.getByRole("checkbox", { name: "Välj Biblioteket" }));
    expect(within(bar).getByText("1 vald")).toBeInTheDocument();
    await user.click(screen.getByRole("checkbox", { name: "Välj Biblioteket" }));

    await user.click(within(bar).getByRole("button", { name: "Ändra ansvarig" }));
    await user.type(within(bar).getByRole("textbox", { name: "Ansvarig" }), "Karin Berg");
    await user.click(within(bar).getByRole("button", { name: "Spara för valda" }));
    await waitFor(() =>
      expect(calls.find((c) => c.cmd === "set_channels_responsible")?.args).toEqual({
        ids: [2, 1],
        responsible: "Karin Berg",
        substitute: null,
        revisions: [9, 7],
      }),
    );
    expect(await within(bar).findByText("Ansvarig ändrad för 2 kanaler.")).toBeInTheDocument();

    await user.click(within(bar).getByRole("button", { name: "Ta ögonblicksbild nu" }));
    await waitFor(() => expect(calls.some((c) => c.cmd === "capture")).toBe(true));
    const req = calls.find((c) => c.cmd === "capture")?.args as { request: { channel_ids: number[] } };
    expect(req.request.channel_ids.sort()).toEqual([1, 2]);
  });

  it("shows a bulk capture's details per channel under its summary, the failure first, in red, with its reason", async () => {
    setLang("sv");
    const user = userEvent.setup();
    const failed = page({
      ok: false,
      error: "x",
      message: { key: "page-crashed", args: { url: "https://x.com/bibl" } },
    });
    twoChannels({}, (cmd) => {
      switch (cmd) {
        case "capture":
          return [
            { outcome: "stored", snapshot: snapshot({ id: "s1", channel_id: 1 }) },
            { outcome: "stored", snapshot: snapshot({ id: "s2", channel_id: 2, status: "failed", pages: [failed] }) },
          ];
        case "thumbnail":
          return "data:image/png;base64,iVBORw0KGgo=";
        case "timestamp_status":
          return { key: "timestamp-not-configured", args: {} };
        default:
          throw new Error(`unexpected ${cmd}`);
      }
    });
    render(ChannelList);
    const bar = await screen.findByRole("region", { name: "Åtgärder för valda kanaler" });
    await user.click(await screen.findByRole("checkbox", { name: "Välj alla på sidan" }));
    await user.click(within(bar).getByRole("button", { name: "Ta ögonblicksbild nu" }));
    expect(await within(bar).findByText("2 tagna: 1 fullständig, 0 ofullständiga, 1 misslyckad")).toHaveClass("failed");
    const details = screen.getByText("Detaljer per kanal").closest("details") as HTMLElement;
    expect(details).not.toHaveAttribute("open");
    await user.click(within(details).getByText("Detaljer per kanal"));
    const said = within(details).getAllByText(/^Ögonblicksbilden av /);
    expect(said[0]).toHaveTextContent(/^Ögonblicksbilden av Biblioteket misslyckades – orsak: Sidan https:\/\/x\.com\/bibl/);
    expect(said[0]).toHaveClass("status-failed");
    expect(said[1]).toHaveTextContent("Ögonblicksbilden av Nacka kommun på Facebook är sparad och fullständig.");
  });

  it("says why its buttons are disabled: no channel chosen yet", async () => {
    setLang("sv");
    twoChannels({}, (cmd) => {
      throw new Error(`unexpected ${cmd}`);
    });
    render(ChannelList);
    const bar = await screen.findByRole("region", { name: "Åtgärder för valda kanaler" });
    for (const name of ["Ta ögonblicksbild nu", "Ändra ansvarig", "Exportera"]) {
      const button = within(bar).getByRole("button", { name });
      expect(button).toBeDisabled();
      expect(button).toHaveAccessibleDescription("Välj minst en kanal först");
    }
  });

  it("exports the chosen channels' complete snapshots in one package, read with one query for all of them", async () => {
    setLang("sv");
    const user = userEvent.setup();
    const line = (id: string, channel_id: number, status: "complete" | "partial" | "failed") => ({
      id, channel_id, status, reason: "half-yearly", started_at: "2026-05-04T09:00:00Z", finished_at: "2026-05-04T09:01:00Z", single_address: false,
    });
    const calls = twoChannels({}, (cmd) => {
      switch (cmd) {
        case "snapshot_lines":
          return [line("a1", 1, "complete"), line("a2", 1, "failed"), line("b1", 2, "partial"), line("b2", 2, "complete")];
        case "choose_save_path":
          return "/tmp/kanaler.zip";
        case "export_package":
          return { path: "/tmp/kanaler.zip", objid: "uuid-1", sha256: "0".repeat(64), size: 10, snapshot_ids: ["a1", "b2"] };
        default:
          throw new Error(`unexpected ${cmd}`);
      }
    });
    render(ChannelList);
    const bar = await screen.findByRole("region", { name: "Åtgärder för valda kanaler" });
    await user.click(await screen.findByRole("checkbox", { name: "Välj alla på sidan" }));
    await user.click(within(bar).getByRole("button", { name: "Exportera" }));
    expect(await within(bar).findByText(/\/tmp\/kanaler\.zip/)).toBeInTheDocument();
    const asked = calls.filter((c) => c.cmd === "snapshot_lines");
    expect(asked).toHaveLength(1);
    expect((asked[0]!.args as { channelIds: number[] }).channelIds.sort()).toEqual([1, 2]);
    expect(calls.some((c) => c.cmd === "history")).toBe(false);
    const request = (calls.find((c) => c.cmd === "export_package")!.args as { request: { snapshot_ids: string[] } }).request;
    expect(request.snapshot_ids).toEqual(["a1", "b2"]);
  });

  it("writes the counts of its texts in the language's plural and grouped as the language writes numbers", async () => {
    setLang("sv");
    const user = userEvent.setup();
    const many = Array.from({ length: 2000 }, (_, i) =>
      summary(channel({ id: i + 1, name: `Kanal ${i + 1}`, urls: [`https://x.com/k${i + 1}`] })),
    );
    mockIPC((cmd, args) => {
      if (cmd === "channel_page") return channelPageOf(many, asked(args));
      throw new Error(`unexpected ${cmd}`);
    });
    render(ChannelList);
    const bar = await screen.findByRole("region", { name: "Åtgärder för valda kanaler" });
    // Swedish groups thousands with a no-break space, so "2 000" never breaks over two lines.
    await user.click(await screen.findByRole("button", { name: "Välj alla 2\u00a0000 som stämmer med filtret" }));
    expect(within(bar).getByRole("strong")).toHaveProperty("textContent", "2\u00a0000 valda");
    await user.click(screen.getByRole("checkbox", { name: "Välj alla på sidan" }));
    expect(within(bar).getByText("1 950 valda")).toBeInTheDocument();
    expect(t("bulk.running", { n: 1 })).toBe("Tar ögonblicksbild av 1 kanal …");
    expect(t("bulk.changed", { n: 1 })).toBe("Ansvarig ändrad för 1 kanal.");
    setLang("en");
    expect(await within(bar).findByText("1,950 chosen")).toBeInTheDocument();
    expect(t("bulk.running", { n: 1_234 })).toBe("Taking snapshots of 1,234 channels …");
    setLang("sv");
  });

  it("sends each chosen channel's revision as the list read it, and shows the refusal naming the channels changed since", async () => {
    setLang("sv");
    const user = userEvent.setup();
    const calls = twoChannels({ 1: 41, 2: 38 }, (cmd) => {
      if (cmd !== "set_channels_responsible") throw new Error(`unexpected ${cmd}`);
      throw {
        code: "conflict",
        message: "Nothing was changed: Biblioteket changed elsewhere after the list was read.",
        key: { key: "store-channels-changed-since", args: { channels: "Biblioteket" } },
      };
    });
    render(ChannelList);
    const bar = await screen.findByRole("region", { name: "Åtgärder för valda kanaler" });
    await user.click(await screen.findByRole("checkbox", { name: "Välj alla på sidan" }));
    await user.click(within(bar).getByRole("button", { name: "Ändra ansvarig" }));
    await user.type(within(bar).getByRole("textbox", { name: "Ansvarig" }), "Karin Berg");
    await user.click(within(bar).getByRole("button", { name: "Spara för valda" }));
    const alert = await within(bar).findByRole("alert");
    expect(alert).toHaveAttribute("data-code", "conflict");
    expect(alert).toHaveTextContent("Ingenting ändrades: Biblioteket har ändrats av någon annan sedan listan lästes.");
    const sent = calls.find((c) => c.cmd === "set_channels_responsible")?.args as { ids: number[]; revisions: number[] };
    expect(sent.ids).toEqual([2, 1]);
    expect(sent.revisions).toEqual([38, 41]);
    // The form stays open with what was typed, to be saved again after a reload.
    expect(within(bar).getByRole("textbox", { name: "Ansvarig" })).toHaveValue("Karin Berg");
  });

  it("chooses the rows of the page it says, and all that match the filter only when asked", async () => {
    setLang("sv");
    const user = userEvent.setup();
    const many = Array.from({ length: 60 }, (_, i) =>
      summary(channel({ id: i + 1, name: `Kanal ${i + 1}`, urls: [`https://x.com/k${i + 1}`] })),
    );
    const queries: ChannelQuery[] = [];
    mockIPC((cmd, args) => {
      if (cmd === "channel_page") return queries.push(asked(args)) && channelPageOf(many, asked(args));
      throw new Error(`unexpected ${cmd}`);
    });
    render(ChannelList);
    const bar = await screen.findByRole("region", { name: "Åtgärder för valda kanaler" });
    // 50 rows on the first page: the header's box chooses those, as it says.
    await user.click(screen.getByRole("checkbox", { name: "Välj alla på sidan" }));
    expect(within(bar).getByText("50 valda")).toBeInTheDocument();
    // All 60 that match, as a separate action that names the number.
    await user.click(screen.getByRole("button", { name: "Välj alla 60 som stämmer med filtret" }));
    expect(within(bar).getByText("60 valda")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /som stämmer med filtret/ })).not.toBeInTheDocument();
    // Unticking the page's box leaves the other page's ten chosen.
    await user.click(screen.getByRole("checkbox", { name: "Välj alla på sidan" }));
    expect(within(bar).getByText("10 valda")).toBeInTheDocument();
    // The window asked for one page, never the register; the next page is the next question.
    expect(queries.map((q) => [q.offset, q.limit])).toEqual([[0, 50]]);
    expect(document.querySelectorAll("tbody tr")).toHaveLength(50);
    await user.click(screen.getByRole("button", { name: "Nästa sida" }));
    await expect.poll(() => document.querySelectorAll("tbody tr").length).toBe(10);
    expect(queries[queries.length - 1]).toMatchObject({ offset: 50, limit: 50 });
    expect(screen.getByText("Sida 2 av 2 · visar 51–60 av 60")).toBeInTheDocument();
    // The choice spans the pages: the ten of page 2 are still chosen.
    expect(within(bar).getByText("10 valda")).toBeInTheDocument();
    expect(screen.getByRole("checkbox", { name: "Välj alla på sidan" })).toBeChecked();
  });
});
