import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { mockIPC } from "@tauri-apps/api/mocks";
import { describe, expect, it } from "vitest";
import type { Channel } from "../bindings/Channel";
import type { ChannelCapture } from "../bindings/ChannelCapture";
import ChannelDetail from "../lib/ChannelDetail.svelte";
import { setLang } from "../lib/i18n.svelte";
import { audit, channel, deferred, dueEntry, page, progress, recordIPC, snapshot, type IpcHandler } from "./fixtures";

function shell(c: Channel, extra: IpcHandler = () => undefined) {
  let current = c;
  return recordIPC(extra, (cmd, args) => {
    switch (cmd) {
      case "channel_for_edit":
        return { channel: current, revision: 1 };
      case "marks":
        return [];
      case "history":
        return [
          snapshot(),
          snapshot({
            id: "snap-0",
            status: "partial",
            reason: "major-change",
            reason_note: "Nytt namn på sidan",
            started_at: "2025-10-01T08:00:00Z",
            pages: [
              page({
                ok: false,
                error: "the page did not load: check the address",
                error_sv: "sidan laddades inte: kontrollera adressen",
                files: [],
              }),
            ],
          }),
        ];
      case "audit_log":
        return [
          // Written by the database role anna in erik's name (a shared register).
          audit(1, "channel.add", "added channel 1", { actor: "erik", db_role: "anna" }),
          audit(2, "snapshot.commit", "stored snapshot snap-1 (complete, half-yearly, 1 page(s))", {
            message: { key: "text", args: { text: "Ögonblicksbild snap-1 sparad (fullständig, halvårsvis, 1 sida)." } },
          }),
          // A failed attempt, as the engine records it: its event and the catalogue's sentence.
          audit(0, "snapshot.commit", "stored snapshot snap-2 (failed, half-yearly, 1 page(s))", {
            event: { kind: "snapshot-stored", snapshot_id: "snap-2", status: "failed", reason: "half-yearly", pages: 1 },
            message: {
              key: "audit-snapshot-stored",
              args: { snapshot: "snap-2", status: "failed", reason: "half-yearly", pages: 1, single: null },
            },
          }),
        ];
      case "thumbnail":
        return "data:image/png;base64,iVBORw0KGgo=";
      case "edit_channel": {
        const patch = (args as { patch: Partial<Channel> }).patch;
        current = { ...current, ...patch, id: current.id } as Channel;
        return { channel: current, revision: 2 };
      }
      case "open_login_browser":
        return null;
      case "list_removals":
        return [];
      case "timestamp_status":
        return { key: "timestamp-not-configured", args: {} };
      default:
        throw new Error(`unexpected ${cmd}`);
    }
  });
}

describe("the channel detail", () => {
  it("shows the register data, every snapshot with fixity, and the audit log, in Swedish", async () => {
    setLang("sv");
    const calls = shell(channel({ purpose: "Information till invånare" }));
    render(ChannelDetail, { id: 1 });
    expect(await screen.findByRole("heading", { level: 1, name: "Nacka kommun på Facebook" })).toBeInTheDocument();
    expect(screen.getByText("Information till invånare")).toBeInTheDocument();
    expect(screen.getByText("Åsa Öberg")).toBeInTheDocument();

    const good = document.querySelector("article[data-snapshot-id='snap-1']") as HTMLElement;
    expect(within(good).getByRole("heading", { name: /Fullständig/ })).toBeInTheDocument();
    expect(within(good).getByText(`${"a".repeat(64)}`)).toBeInTheDocument();
    expect(within(good).getByText(`${"b".repeat(64)}`)).toBeInTheDocument();
    expect(within(good).getByText("page-01.pdf")).toBeInTheDocument();
    const partial = document.querySelector("article[data-snapshot-id='snap-0']") as HTMLElement;
    expect(within(partial).getByRole("heading", { name: /Ofullständig/ })).toBeInTheDocument();
    expect(within(partial).getByText(/Större förändring – Nytt namn på sidan/)).toBeInTheDocument();
    // Why the page failed, in the window's language.
    expect(within(partial).getByText("sidan laddades inte: kontrollera adressen")).toBeInTheDocument();
    expect(within(partial).queryByText("the page did not load: check the address")).not.toBeInTheDocument();
    expect(within(partial).getByText(/0 av 1 sida\b/)).toBeInTheDocument();
    expect(within(good).getByText(/1 av 1 sida · Tagen av: asa/)).toBeInTheDocument();

    const log = screen.getByRole("table", { name: "Händelser för kanalen, den senaste först" });
    const rows = within(log).getAllByRole("row");
    // A failed attempt is never called stored, neither as the action nor in the sentence.
    const failedRow = rows.find((r) => within(r).queryByText(/snap-2/));
    expect(within(failedRow!).getByText("Ögonblicksbild misslyckades")).toBeInTheDocument();
    expect(within(failedRow!).getByText("Ögonblicksbild snap-2 misslyckades (halvårsvis, 1 sida).")).toBeInTheDocument();
    expect(within(failedRow!).queryByText(/sparad/)).not.toBeInTheDocument();
    expect(within(rows[1]!).getByText("Ögonblicksbild sparad")).toBeInTheDocument();
    // The detail in Swedish where the engine gave it; otherwise as recorded.
    expect(within(rows[1]!).getByText("Ögonblicksbild snap-1 sparad (fullständig, halvårsvis, 1 sida).")).toBeInTheDocument();
    expect(within(rows[1]!).queryByText(/stored snapshot/)).not.toBeInTheDocument();
    expect(within(rows[2]!).getByText("Kanalen registrerades")).toBeInTheDocument();
    expect(within(rows[2]!).getByText("added channel 1")).toBeInTheDocument();
    expect(within(rows[2]!).getByText("(skriven av databasrollen anna)")).toBeInTheDocument();
    expect(within(rows[1]!).queryByText(/databasrollen/)).not.toBeInTheDocument();
    // Each snapshot's timestamp is asked for once, beside its fixity.
    expect(calls.filter((c) => c.cmd === "timestamp_status").map((c) => c.args)).toEqual([
      { snapshotId: "snap-1" },
      { snapshotId: "snap-0" },
    ]);
    expect(
      calls.filter((c) => c.cmd !== "thumbnail" && c.cmd !== "timestamp_status" && c.cmd !== "channel_due").map((c) => [c.cmd, c.args]),
    ).toEqual([
      ["channel_for_edit", { id: 1 }],
      ["history", { channelId: 1 }],
      ["audit_log", { channelId: 1 }],
      ["marks", {}],
      [
        "list_removals",
        { filter: { channel_id: 1, board: null, from: null, to: null, ground: null, police_report: null } },
      ],
    ]);
    expect(screen.getByRole("heading", { name: "Borttaget innehåll i kanalen" })).toBeInTheDocument();
    expect(screen.getByText("Inget borttaget innehåll har registrerats för kanalen.")).toBeInTheDocument();
  });

  it("sets a snapshot's diary number, shows its mark, and sets a collecting case for the channel's year", async () => {
    setLang("sv");
    const user = userEvent.setup();
    const calls = shell(channel(), (cmd) => {
      if (cmd === "marks") {
        return [{ item_id: "snap-0", kind: "snapshot", flags: { personal_data: true, secrecy: null, note: null },
          set_at: "2026-05-01T08:00:00Z", set_by: "anna" }];
      }
      if (cmd === "set_diary_number") return [1, 0];
      return undefined;
    });
    render(ChannelDetail, { id: 1 });
    await screen.findByRole("heading", { level: 1, name: "Nacka kommun på Facebook" });
    const marked = document.querySelector("article[data-snapshot-id='snap-0']") as HTMLElement;
    const unmarked = document.querySelector("article[data-snapshot-id='snap-1']") as HTMLElement;
    expect(within(marked).getByText("Skyddsmarkerad")).toBeInTheDocument();
    expect(within(unmarked).queryByText("Skyddsmarkerad")).not.toBeInTheDocument();

    await user.click(within(unmarked).getByText("Diarienummer och skyddsmarkering"));
    await user.type(within(unmarked).getByRole("textbox", { name: "Diarienummer" }), " KS 2026/12 ");
    await user.click(within(unmarked).getByRole("button", { name: "Spara diarienumret" }));
    expect(await within(unmarked).findByText("Ögonblicksbilden är registrerad under KS 2026/12.")).toBeInTheDocument();
    expect(calls.find((c) => c.cmd === "set_diary_number")?.args).toEqual({
      targets: { ids: ["snap-1"], channel: null, board: null, year: null },
      number: "KS 2026/12",
    });

    const bulk = screen.getByRole("form", { name: "Diarienummer för ett samlingsärende" });
    await user.selectOptions(within(bulk).getByLabelText("År"), "2025");
    await user.type(within(bulk).getByRole("textbox", { name: "Diarienummer" }), "KS 2025/3");
    await user.click(within(bulk).getByRole("button", { name: "Sätt diarienumret" }));
    expect(await within(bulk).findByText("KS 2025/3 är satt på 1 ögonblicksbild och 0 poster om borttaget innehåll.")).toBeInTheDocument();
    expect(calls.filter((c) => c.cmd === "set_diary_number")[1]?.args).toEqual({
      targets: { ids: [], channel: 1, board: null, year: 2025 },
      number: "KS 2025/3",
    });
  });

  it("edits the channel's board, unit, people and addresses", async () => {
    setLang("sv");
    const user = userEvent.setup();
    const calls = shell(channel());
    render(ChannelDetail, { id: 1 });
    await user.click(await screen.findByRole("button", { name: "Ändra uppgifter" }));
    const unit = screen.getByLabelText("Enhet");
    await user.clear(unit);
    await user.type(unit, "Medborgarkontoret");
    await user.clear(screen.getByLabelText("Ersättare"));
    await user.click(screen.getByRole("button", { name: "Lägg till adress" }));
    await user.keyboard("https://www.facebook.com/nackakommun/about");
    await user.click(screen.getByRole("button", { name: "Spara ändringar" }));
    const edit = calls.find((c) => c.cmd === "edit_channel")!.args as { id: number; patch: Record<string, unknown> };
    expect(edit.id).toBe(1);
    expect(edit.patch).toMatchObject({
      unit: "Medborgarkontoret",
      substitute: "",
      board: "Kommunstyrelsen",
      urls: ["https://www.facebook.com/nackakommun", "https://www.facebook.com/nackakommun/about"],
      policy: null,
    });
    expect(await screen.findByText("Uppgifterna för ”Nacka kommun på Facebook” är sparade.")).toBeInTheDocument();
    expect(screen.getByText("Medborgarkontoret")).toBeInTheDocument();
  });

  it("registers a major change only with a note, capturing with reason major-change", async () => {
    setLang("sv");
    const user = userEvent.setup();
    const running = deferred<ChannelCapture[]>();
    let captureArgs: unknown;
    shell(channel(), (cmd, args) => {
      if (cmd === "capture") {
        captureArgs = args;
        return running.promise;
      }
      return undefined;
    });
    render(ChannelDetail, { id: 1 });
    const button = await screen.findByRole("button", { name: "Registrera större förändring" });
    await user.click(button);
    expect(screen.getByRole("alert")).toHaveTextContent("Beskriv förändringen innan ögonblicksbilden tas.");
    expect(captureArgs).toBeUndefined();

    await user.type(screen.getByLabelText(/Vad har förändrats/), "Nya kommenteringsregler");
    await user.click(button);
    expect((captureArgs as { request: unknown }).request).toEqual({
      channel_ids: [1],
      reason: "major-change",
      reason_note: "Nya kommenteringsregler",
    });
    progress(captureArgs, { kind: "started", total: 1, label: "1 kanal(er)" });
    expect(await screen.findByRole("progressbar")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Avbryt" })).toBeInTheDocument();
    running.resolve([{ outcome: "stored", snapshot: snapshot({ id: "snap-2", reason: "major-change", reason_note: "Nya kommenteringsregler" }) }]);
    expect(await screen.findAllByText(/Större förändring – Nya kommenteringsregler/)).not.toHaveLength(0);
    expect(screen.queryByRole("progressbar")).not.toBeInTheDocument();
  });

  it("opens the login browser for the channel and explains it", async () => {
    setLang("sv");
    const user = userEvent.setup();
    const calls = shell(channel());
    render(ChannelDetail, { id: 1 });
    expect(await screen.findByText(/Vissa plattformar visar bara innehållet för inloggade/)).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Logga in på plattformen" }));
    expect(calls.find((c) => c.cmd === "open_login_browser")?.args).toEqual({ channelId: 1 });
    expect(await screen.findByText(/Webbläsaren har öppnats/)).toBeInTheDocument();
  });

  it("flags a missing substitute and a failed latest attempt as the other views do, and neither when all is well", async () => {
    setLang("sv");
    shell(channel({ substitute: "  " }), (cmd) =>
      cmd === "history"
        ? [snapshot({ id: "snap-2", status: "failed", started_at: "2026-05-01T08:00:00Z" }), snapshot()]
        : undefined,
    );
    const { unmount } = render(ChannelDetail, { id: 1 });
    await screen.findByRole("heading", { level: 1, name: "Nacka kommun på Facebook" });
    expect(await screen.findByText("Senaste försöket misslyckades")).toBeInTheDocument();
    expect(screen.getByText("Ersättare saknas")).toBeInTheDocument();
    unmount();

    // A closed channel needs no substitute; an older failure is not the latest attempt.
    shell(channel({ substitute: null, status: "closed", closed_at: "2026-06-01T08:00:00Z" }), (cmd) =>
      cmd === "history" ? [snapshot(), snapshot({ id: "snap-0", status: "failed", started_at: "2025-10-01T08:00:00Z" })] : undefined,
    );
    render(ChannelDetail, { id: 1 });
    await screen.findByRole("heading", { level: 1, name: "Nacka kommun på Facebook" });
    await screen.findByRole("heading", { name: "Ögonblicksbilder" });
    expect(screen.queryByText("Ersättare saknas")).not.toBeInTheDocument();
    expect(screen.queryByText("Senaste försöket misslyckades")).not.toBeInTheDocument();
  });

  it("says on each button a running capture disables why it cannot be pressed", async () => {
    setLang("sv");
    const user = userEvent.setup();
    const running = deferred<ChannelCapture[]>();
    shell(channel(), (cmd) => (cmd === "capture" ? running.promise : undefined));
    render(ChannelDetail, { id: 1 });
    const extra = await screen.findByRole("button", { name: "Ta en extra ögonblicksbild" });
    expect(extra).not.toHaveAccessibleDescription();
    await user.click(extra);
    const busy = "En ögonblicksbild tas redan – vänta tills den är klar eller avbryt den.";
    for (const name of ["Ta en extra ögonblicksbild", "Registrera större förändring", "Logga in på plattformen", "Fånga adressen"]) {
      const b = screen.getByRole("button", { name });
      expect(b).toBeDisabled();
      expect(b).toHaveAccessibleDescription(busy);
      expect(b).toHaveAttribute("title", busy);
    }
    running.resolve([{ outcome: "stored", snapshot: snapshot({ id: "snap-3", reason: "ad-hoc" }) }]);
    await expect.poll(() => screen.getByRole("button", { name: "Ta en extra ögonblicksbild" })).toBeEnabled();
    expect(screen.getByRole("button", { name: "Ta en extra ögonblicksbild" })).not.toHaveAccessibleDescription();
  });

  it("shows a missing channel as a sentence", async () => {
    setLang("sv");
    mockIPC(() => {
      throw { code: "not_found", message: "no channel has id 9: see the register for the ids" };
    });
    render(ChannelDetail, { id: 9 });
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Hittades inte: no channel has id 9: see the register for the ids.",
    );
  });

  it("shows the next snapshot by the schedule and takes an extra one; a failed one is said in red, never 'sparad'", async () => {
    setLang("sv");
    const user = userEvent.setup();
    const captureArgs: unknown[] = [];
    mockIPC((cmd, args) => {
      switch (cmd) {
        case "channel_for_edit":
          return { channel: channel(), revision: 1 };
        case "channel_due":
          expect(args).toEqual({ at: null, channelId: 1 });
          return dueEntry({
            state: "not-due",
            next_window: { label: "höst", first_day: "2026-10-01", last_day: "2026-11-30", opens_at: "", closes_at: "" },
          });
        case "capture":
          captureArgs.push((args as { request: unknown }).request);
          return [
            {
              outcome: "stored",
              snapshot: snapshot({
                id: "snap-9",
                status: "failed",
                reason: "ad-hoc",
                pages: [page({ ok: false, error: "x", message: { key: "page-crashed", args: { url: "https://www.facebook.com/nackakommun" } } })],
              }),
            },
          ];
        case "history":
        case "audit_log":
        case "list_removals":
          return [];
        default:
          return null;
      }
    });
    render(ChannelDetail, { id: 1 });
    expect(await screen.findByText("Nästa ögonblicksbild: från 1 oktober 2026 (perioden ”höst”)")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Ta en extra ögonblicksbild" }));
    const said = await screen.findByText(/^Ögonblicksbilden av Nacka kommun på Facebook misslyckades – orsak: Sidan https:\/\/www\.facebook\.com\/nackakommun kunde inte fångas/);
    expect(said).toHaveClass("bad");
    expect(captureArgs).toEqual([{ channel_ids: [1], reason: "ad-hoc", reason_note: null }]);
  });
});
