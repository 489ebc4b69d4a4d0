import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { mockIPC } from "@tauri-apps/api/mocks";
import { describe, expect, it } from "vitest";
import type { ChannelCapture } from "../bindings/ChannelCapture";
import { setLang } from "../lib/i18n.svelte";
import TodoView from "../lib/TodoView.svelte";
import type { DueQuery } from "../bindings/DueQuery";
import { channel, deferred, dueEntry, progress, snapshot, summary } from "./fixtures";
import { duePageOf } from "./pages";

const asked = (args: unknown) => (args as { query: DueQuery }).query;

const PNG = "data:image/png;base64,iVBORw0KGgo=";
const BUSY = "En ögonblicksbild tas redan – vänta tills den är klar eller avbryt den.";

function entries() {
  return [
    dueEntry(),
    dueEntry({
      channel_id: 2,
      name: "Kulturhuset i Nacka Forum på Instagram med ett mycket långt namn",
      platform: "instagram",
      board: "Kultur- och fritidsnämnden",
      unit: "Kulturhuset",
      responsible: "Bo Berg",
      substitute: null,
      state: "overdue",
      reason_to_capture: "yearly",
      message: { key: "text", args: { text: "Försenad sedan 1 mars." } },
    }),
    dueEntry({ channel_id: 3, name: "Inte aktuell kanal", state: "not-due" }),
  ];
}

describe("Att göra", () => {
  it("lists the due and overdue channels per board and unit, in Swedish", async () => {
    setLang("sv");
    mockIPC((cmd, args) => {
      if (cmd === "due_page") return duePageOf(entries(), asked(args));
      if (cmd === "change_suggestions") return [];
      throw new Error(`unexpected ${cmd}`);
    });
    render(TodoView);
    expect(await screen.findByRole("heading", { name: "Kommunstyrelsen / Kommunikationsenheten" })).toBeInTheDocument();
    const culture = screen.getByRole("region", { name: "Kultur- och fritidsnämnden / Kulturhuset" });
    const row = within(culture).getByRole("listitem");
    expect(row).toHaveAttribute("data-channel-id", "2");
    expect(within(row).getByText("Försenad")).toBeInTheDocument();
    expect(within(row).getByText("Försenad sedan 1 mars.")).toBeInTheDocument();
    expect(within(row).getByText(/Ansvarig: Bo Berg/)).toBeInTheDocument();
    expect(screen.getByText(/Ansvarig: Åsa Öberg · Ersättare: Erik Ek/)).toBeInTheDocument();
    expect(screen.queryByText("Inte aktuell kanal")).not.toBeInTheDocument();
    expect(screen.getAllByRole("button", { name: /^Ta ögonblicksbild nu av/ })).toHaveLength(2);
    expect(screen.getByRole("button", { name: "Ta ögonblicksbilder av alla som ska tas nu" })).toBeInTheDocument();
  });

  it("filters by text, board, person, state, failed and no substitute, marks the rows, and remembers the filter", async () => {
    setLang("sv");
    const user = userEvent.setup();
    mockIPC((cmd, args) => {
      if (cmd === "due_page") return duePageOf(entries(), asked(args), [2]);
      throw new Error(`unexpected ${cmd}`);
    });
    const view = render(TodoView);
    await screen.findByRole("heading", { name: "Kommunstyrelsen / Kommunikationsenheten" });
    const shown = () => [...document.querySelectorAll("li[data-channel-id]")].map((li) => li.getAttribute("data-channel-id"));
    expect(shown()).toEqual(["1", "2"]);
    const kultur = document.querySelector("li[data-channel-id='2']") as HTMLElement;
    expect(within(kultur).getByText("Ersättare saknas")).toBeInTheDocument();
    expect(await within(kultur).findByText("Senaste försöket misslyckades")).toBeInTheDocument();

    await user.type(screen.getByLabelText("Sök"), "forum");
    expect(shown()).toEqual(["2"]);
    expect(screen.getByText("1 av 2 kanaler visas")).toBeInTheDocument();
    await user.clear(screen.getByLabelText("Sök"));
    await user.selectOptions(screen.getByLabelText("Ansvarig eller ersättare"), "Erik Ek");
    expect(shown()).toEqual(["1"]);
    await user.selectOptions(screen.getByLabelText("Ansvarig eller ersättare"), "");
    await user.selectOptions(screen.getByLabelText("Läge"), "overdue");
    expect(shown()).toEqual(["2"]);
    await user.selectOptions(screen.getByLabelText("Läge"), "");
    await user.click(screen.getByLabelText("Senaste försöket misslyckades"));
    expect(shown()).toEqual(["2"]);
    await user.click(screen.getByLabelText("Senaste försöket misslyckades"));
    await user.selectOptions(screen.getByLabelText("Nämnd"), "Kommunstyrelsen");
    expect(shown()).toEqual(["1"]);
    await user.click(screen.getByLabelText("Ersättare saknas"));
    expect(shown()).toEqual([]);
    expect(screen.getByText("Inga kanaler stämmer med filtret.")).toBeInTheDocument();
    await user.click(screen.getByLabelText("Ersättare saknas"));

    view.unmount();
    render(TodoView);
    await screen.findByRole("heading", { name: "Kommunstyrelsen / Kommunikationsenheten" });
    expect(screen.getByLabelText("Nämnd")).toHaveValue("Kommunstyrelsen");
    expect(shown()).toEqual(["1"]);
    await user.click(screen.getByRole("button", { name: "Visa alla" }));
    expect(shown()).toEqual(["1", "2"]);
  });

  it("captures one channel with live progress, then shows the thumbnail and the completeness report", async () => {
    setLang("sv");
    const user = userEvent.setup();
    const running = deferred<ChannelCapture[]>();
    const calls: { cmd: string; args: unknown }[] = [];
    let captureArgs: unknown;
    mockIPC((cmd, args) => {
      calls.push({ cmd, args });
      switch (cmd) {
        case "change_suggestions":
          return [];
        case "due_page":
          return duePageOf(entries(), asked(args));
        case "capture":
          captureArgs = args;
          return running.promise;
        case "thumbnail":
          return PNG;
        case "open_snapshot_file":
          return null;
        default:
          throw new Error(`unexpected ${cmd}`);
      }
    });
    render(TodoView);
    await user.click(await screen.findByRole("button", { name: "Ta ögonblicksbild nu av Nacka kommun på Facebook" }));

    const req = captureArgs as { jobId: string; request: unknown };
    expect(req.request).toEqual({ channel_ids: [1], reason: "half-yearly", reason_note: null });
    expect(req.jobId).toMatch(/[0-9a-f-]{36}/);

    progress(captureArgs, { kind: "started", total: 2, label: "1 kanal(er)" });
    progress(captureArgs, {
      kind: "stage",
      index: 0,
      label: "https://www.facebook.com/nackakommun",
      stage: "scrolling",
      detail: null,
    });
    const bar = await screen.findByRole("progressbar");
    await expect.poll(() => bar.getAttribute("aria-valuetext")).toContain("rullar igenom sidan");
    expect(screen.getByText(/Sida 1 av 2: https:\/\/www.facebook.com\/nackakommun – rullar igenom sidan/)).toBeInTheDocument();
    progress(captureArgs, { kind: "item-done", index: 0, label: "https://www.facebook.com/nackakommun", ok: true, message: null });
    progress(captureArgs, { kind: "stage", index: 1, label: "https://x/about", stage: "pdf-a", detail: { key: "progress-slice", args: { n: 2, of: 3 } } });
    await expect.poll(() => Number(bar.getAttribute("aria-valuenow"))).toBeGreaterThan(50);
    expect(screen.getByText(/gör PDF\/A \(bildremsa 2 av 3\)/)).toBeInTheDocument();
    // Other captures wait while one runs, and their buttons say why.
    const all = screen.getByRole("button", { name: "Ta ögonblicksbilder av alla som ska tas nu" });
    const other = screen.getByRole("button", { name: /^Ta ögonblicksbild nu av Kulturhuset/ });
    for (const b of [all, other]) {
      expect(b).toBeDisabled();
      expect(b).toHaveAccessibleDescription(BUSY);
      expect(b).toHaveAttribute("title", BUSY);
    }

    running.resolve([{ outcome: "stored", snapshot: snapshot() }]);
    expect(await screen.findByText("Ögonblicksbilden av Nacka kommun på Facebook är sparad och fullständig.")).toBeInTheDocument();
    expect(screen.queryByRole("progressbar")).not.toBeInTheDocument();
    expect(all).toBeEnabled();
    expect(all).not.toHaveAccessibleDescription();
    expect(all).not.toHaveAttribute("title");
    const article = document.querySelector("article[data-snapshot-id='snap-1']") as HTMLElement;
    expect(within(article).getByText("https://www.facebook.com/nackakommun/")).toBeInTheDocument();
    expect(within(article).getByText("200")).toBeInTheDocument();
    expect(within(article).getByText("Nacka kommun | Facebook")).toBeInTheDocument();
    expect(within(article).getByText("5 delbilder, 7 PDF-sidor")).toBeInTheDocument();
    expect(within(article).getByText("12,3 s")).toBeInTheDocument();
    const img = await within(article).findByRole("img", { name: "Miniatyrbild av https://www.facebook.com/nackakommun" });
    expect(img).toHaveAttribute("src", PNG);
    expect(calls.find((c) => c.cmd === "thumbnail")?.args).toEqual({ snapshotId: "snap-1", pageIndex: 0, maxWidth: 240 });

    await user.click(within(article).getByRole("button", { name: /Öppna PDF\/A/ }));
    expect(calls.find((c) => c.cmd === "open_snapshot_file")?.args).toEqual({ snapshotId: "snap-1", relPath: "page-01.pdf" });
    expect(await screen.findByText("page-01.pdf öppnades i visningsprogrammet.")).toBeInTheDocument();
    // The list is fetched again after the capture.
    expect(calls.filter((c) => c.cmd === "due_page")).toHaveLength(2);
  });

  it("cancels a running capture of every due channel with Avbryt", async () => {
    setLang("sv");
    const user = userEvent.setup();
    const running = deferred<ChannelCapture[]>();
    let jobId = "";
    const cancelled: unknown[] = [];
    mockIPC((cmd, args) => {
      switch (cmd) {
        case "change_suggestions":
          return [];
        case "due_page":
          return duePageOf(entries(), asked(args));
        case "capture_due":
          jobId = (args as { jobId: string }).jobId;
          return running.promise;
        case "cancel_job":
          cancelled.push(args);
          running.reject({ code: "cancelled", message: "the capture was cancelled; snapshots already stored are kept" });
          return true;
        default:
          throw new Error(`unexpected ${cmd}`);
      }
    });
    render(TodoView);
    await user.click(await screen.findByRole("button", { name: "Ta ögonblicksbilder av alla som ska tas nu" }));
    expect(await screen.findByRole("progressbar")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Avbryt" }));
    expect(cancelled).toEqual([{ jobId }]);
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Avbrutet. Det som redan var klart finns kvar; inget halvfärdigt har sparats.");
    expect(screen.queryByRole("progressbar")).not.toBeInTheDocument();
  });

  it("says when nothing is due, and shows a failure to load as a sentence", async () => {
    setLang("sv");
    mockIPC((cmd, args) => (cmd === "change_suggestions" ? [] : duePageOf([dueEntry({ state: "not-due" })], asked(args))));
    const { unmount } = render(TodoView);
    expect(await screen.findByText(/Inget att göra just nu/)).toBeInTheDocument();
    unmount();
    mockIPC((cmd) => {
      if (cmd === "change_suggestions") return [];
      throw { code: "environment", message: "the data folder is not writable: choose another" };
    });
    render(TodoView);
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Något i datorns miljö hindrar Ögonblick: the data folder is not writable: choose another.",
    );
  });
  it("draws one page of a long list, asks for the next page, and names a batch's channels of other pages", async () => {
    setLang("sv");
    const user = userEvent.setup();
    const many = Array.from({ length: 70 }, (_, i) =>
      dueEntry({ channel_id: i + 1, name: `Kanal ${String(i + 1).padStart(2, "0")}`, unit: i < 30 ? "A" : "B" }),
    );
    const queries: DueQuery[] = [];
    const asks: { cmd: string; args: unknown }[] = [];
    mockIPC((cmd, args) => {
      asks.push({ cmd, args });
      if (cmd === "change_suggestions") return [];
      if (cmd === "due_page") {
        queries.push(asked(args));
        return duePageOf(many, asked(args));
      }
      if (cmd === "capture_due") return [{ outcome: "stored", snapshot: snapshot({ channel_id: 70 }) }];
      if (cmd === "channel_page") return { rows: [summary(channel({ id: 70, name: "Kanal 70" }))] };
      throw new Error(`unexpected ${cmd}`);
    });
    render(TodoView);
    await screen.findByRole("heading", { name: "Kommunstyrelsen / A" });
    const shown = () => document.querySelectorAll("li[data-channel-id]").length;
    expect(shown()).toBe(50);
    expect(queries).toEqual([expect.objectContaining({ offset: 0, limit: 50 })]);
    expect(screen.getByText("Sida 1 av 2 · visar 1–50 av 70")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Nästa sida" }));
    await expect.poll(shown).toBe(20);
    expect(queries[queries.length - 1]).toMatchObject({ offset: 50, limit: 50 });
    expect(screen.queryByRole("heading", { name: "Kommunstyrelsen / A" })).not.toBeInTheDocument();
    // A new filter starts at the first page.
    await user.type(screen.getByLabelText("Sök"), "Kanal");
    await expect.poll(() => queries[queries.length - 1]).toMatchObject({ text: "Kanal", offset: 0 });

    await user.click(screen.getByRole("button", { name: "Ta ögonblicksbilder av alla som ska tas nu" }));
    expect(await screen.findByText(/Ögonblicksbilden av Kanal 70 är sparad/)).toBeInTheDocument();
    expect(asks.find((c) => c.cmd === "channel_page")?.args).toMatchObject({ query: { ids: [70], limit: 1 } });
  });
});
