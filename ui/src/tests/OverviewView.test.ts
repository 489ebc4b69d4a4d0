import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { mockIPC } from "@tauri-apps/api/mocks";
import { describe, expect, it } from "vitest";
import { setLang } from "../lib/i18n.svelte";
import OverviewView from "../lib/OverviewView.svelte";
import type { Snapshot } from "../bindings/Snapshot";
import type { SnapshotLine } from "../bindings/SnapshotLine";
import { coverage, coverageRow, snapshot } from "./fixtures";
import { overviewCommands } from "./coverageDesktop";

/** A snapshot as the register's summary gives it to a page. */
function asLine(s: Snapshot): SnapshotLine {
  return {
    id: s.id,
    channel_id: s.channel_id,
    started_at: s.started_at,
    finished_at: s.finished_at,
    reason: s.reason,
    status: s.status,
    single_address: s.single_address !== null,
  };
}

function report() {
  return coverage([
    { board: "Kommunstyrelsen", unit: "Kommunikationsenheten", rows: [coverageRow()] },
    {
      board: "Kultur- och fritidsnämnden",
      unit: null,
      rows: [
        coverageRow({
          channel_id: 2,
          name: "Kulturhuset på Instagram",
          platform: "instagram",
          state: "overdue",
          last_good: null,
          missed_windows: 2,
          failures: 3,
          current_window: { label: "vår", first_day: "2026-03-01", last_day: "2026-05-31", opens_at: "", closes_at: "" },
          message: { key: "text", args: { text: "Försenad: två perioder har passerat utan fullständig ögonblicksbild." } },
        }),
      ],
    },
  ]);
}

describe("Översikt", () => {
  it("shows coverage per board and unit with last good, next due, overdue and failures, and a timeline of thumbnails", async () => {
    setLang("sv");
    const thumbs: unknown[] = [];
    const overview = overviewCommands(report);
    const asked: string[] = [];
    mockIPC((cmd, args) => {
      asked.push(cmd);
      switch (cmd) {
        case "coverage_view":
          // The table and one page of the channels, never every row.
          expect(args).toEqual({
            at: null,
            query: {
              filter: { text: "", board: null, person: null, platform: null, state: null, failures: false },
              line: null,
              column: null,
              offset: 0,
              limit: 20,
            },
          });
          return overview(cmd, args);
        case "snapshot_lines":
          // Only the channels drawn, never the whole history.
          expect(args).toEqual({ channelIds: [1, 2] });
          return [
            snapshot({ id: "s3", started_at: "2026-04-02T08:30:00Z" }),
            snapshot({ id: "s2", channel_id: 2, status: "failed", started_at: "2026-03-02T08:30:00Z" }),
            snapshot({ id: "s1", started_at: "2025-10-02T08:30:00Z" }),
          ].map(asLine);
        case "thumbnail":
          thumbs.push(args);
          return "data:image/png;base64,iVBORw0KGgo=";
        default:
          throw new Error(`unexpected ${cmd}`);
      }
    });
    render(OverviewView);
    const table = await screen.findByRole("table", { name: /Antal kanaler per nämnd och enhet/ });
    const head = within(table).getAllByRole("columnheader").map((h) => h.textContent?.trim());
    expect(head).toEqual([
      "Nämnd / enhet", "Kanaler", "Dokumenterad", "Ska tas nu", "Försenad", "Misslyckad", "Under avveckling", "Ersättare saknas",
    ]);
    await screen.findByText("Kulturhuset på Instagram");
    const culture = screen.getByRole("region", { name: "Kultur- och fritidsnämnden / (ingen enhet)" });
    const row = within(culture).getByText("Kulturhuset på Instagram").closest("li[data-channel-id]") as HTMLElement;
    expect(row).toHaveAttribute("data-channel-id", "2");
    expect(within(row).getByText("Försenad")).toBeInTheDocument();
    expect(within(row).getByText("Ingen ännu")).toBeInTheDocument();
    expect(within(row).getByText("Nu, senast 31 maj 2026")).toBeInTheDocument();
    expect(within(row).getByText("3")).toBeInTheDocument();

    const nacka = screen.getByRole("region", { name: "Kommunstyrelsen / Kommunikationsenheten" });
    expect(within(nacka).getByText("Från 15 september 2026")).toBeInTheDocument();
    const line = await within(nacka).findByRole("list", { name: "Tidslinje för Nacka kommun på Facebook" });
    const items = within(line).getAllByRole("listitem");
    // Oldest first, left to right.
    expect(items.map((i) => i.getAttribute("data-snapshot-id"))).toEqual(["s1", "s3"]);
    expect(await within(line).findAllByRole("img")).toHaveLength(2);
    expect(thumbs).toContainEqual({ snapshotId: "s1", pageIndex: 0, maxWidth: 160 });
    // The whole report is never asked for, the view's first paint asks once.
    expect(asked).not.toContain("coverage");
    expect(asked.filter((c) => c.startsWith("coverage"))).toEqual(["coverage_view"]);
  });

  it("filters by board, platform and state", async () => {
    setLang("sv");
    const user = userEvent.setup();
    const overview = overviewCommands(report);
    mockIPC((cmd, args) => (cmd === "snapshot_lines" ? [] : overview(cmd, args)));
    render(OverviewView);
    await screen.findByText("Kulturhuset på Instagram");
    await user.selectOptions(screen.getByLabelText("Status"), "overdue");
    expect(screen.queryByText("Nacka kommun på Facebook")).not.toBeInTheDocument();
    expect(screen.getByText("Kulturhuset på Instagram")).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText("Status"), "");
    await user.selectOptions(screen.getByLabelText("Plattform"), "facebook");
    expect(screen.queryByText("Kulturhuset på Instagram")).not.toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText("Plattform"), "");
    await user.selectOptions(screen.getByLabelText("Nämnd"), "Kultur- och fritidsnämnden");
    expect(screen.queryByText("Nacka kommun på Facebook")).not.toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText("Status"), "failures");
    expect(screen.getByText("Kulturhuset på Instagram")).toBeInTheDocument();
  });

  it("counts channels per board and unit and state, totals follow the filters, a cell shows its channels, the filter is remembered", async () => {
    setLang("sv");
    const user = userEvent.setup();
    const rows = {
      kommunikation: [
        coverageRow({ channel_id: 1, name: "Nacka kommun på Facebook" }),
        coverageRow({
          channel_id: 3, name: "Nacka kommun på X", platform: "x", state: "due", substitute: null,
          last_snapshot: { id: "f1", started_at: "2026-04-01T08:00:00Z", finished_at: "2026-04-01T08:01:00Z", reason: "half-yearly", status: "failed" },
          failures: 4,
        }),
      ],
      bibliotek: [
        coverageRow({ channel_id: 4, name: "Biblioteket på Instagram", platform: "instagram", responsible: "Bo Berg", state: "overdue", last_good: null }),
      ],
      kultur: [
        coverageRow({ channel_id: 2, name: "Kulturhuset på Instagram", platform: "instagram", responsible: "Bo Berg", status: "closing", state: "closure-due", substitute: "" }),
      ],
    };
    const overview = overviewCommands(() =>
      coverage([
        { board: "Kommunstyrelsen", unit: "Kommunikationsenheten", rows: rows.kommunikation },
        { board: "Kultur- och fritidsnämnden", unit: "Biblioteken", rows: rows.bibliotek },
        { board: "Kultur- och fritidsnämnden", unit: "Kulturhuset", rows: rows.kultur },
      ]),
    );
    mockIPC((cmd, args) => (cmd === "snapshot_lines" ? [] : overview(cmd, args)));
    const view = render(OverviewView);
    const table = await screen.findByRole("table", { name: /Antal kanaler/ });
    /** A line's numbers in column order: Kanaler, Dokumenterad, Ska tas nu, Försenad, Misslyckad, Under avveckling, Ersättare saknas. */
    const line = (title: string) => {
      const header = within(table).getByRole("rowheader", { name: title });
      return [...(header.closest("tr") as HTMLElement).querySelectorAll("td")].map((td) => Number(td.textContent?.trim()));
    };
    expect(line("Kommunstyrelsen / Kommunikationsenheten")).toEqual([2, 1, 1, 0, 1, 0, 1]);
    // A board with two units gets its own total line; channels, not snapshots (4 failures are 1 channel).
    expect(line("Kultur- och fritidsnämnden, alla enheter")).toEqual([2, 0, 1, 1, 0, 1, 1]);
    expect(line("Kultur- och fritidsnämnden / Biblioteken")).toEqual([1, 0, 0, 1, 0, 0, 0]);
    expect(line("Totalt")).toEqual([4, 1, 2, 1, 1, 1, 2]);
    // Coloured: a failed count is red, a documented one green.
    const failedCell = within(table).getByRole("button", { name: "1 kanal: Kommunstyrelsen / Kommunikationsenheten, Misslyckad" });
    expect(failedCell.closest("td")).toHaveClass("col-failed", "some");

    // The cell drills down to its channels.
    await user.click(within(table).getByRole("button", { name: "2 kanaler: Alla nämnder och enheter, Ersättare saknas" }));
    expect(screen.getByText("Alla nämnder och enheter, Ersättare saknas: 2 kanaler")).toHaveFocus();
    const listed = () => [...document.querySelectorAll("li[data-channel-id]")].map((li) => li.getAttribute("data-channel-id"));
    expect(listed()).toEqual(["3", "2"]);
    expect(within(document.querySelector("li[data-channel-id='3']") as HTMLElement).getByText("Ersättare saknas")).toBeInTheDocument();
    expect(within(document.querySelector("li[data-channel-id='3']") as HTMLElement).getByText("Senaste försöket misslyckades")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Visa alla kanaler" }));
    expect(listed()).toEqual(["1", "3", "4", "2"]);

    // The totals follow the filters: Bo Berg's channels only, then a search.
    await user.selectOptions(screen.getByLabelText("Ansvarig eller ersättare"), "Bo Berg");
    expect(within(table).queryByRole("rowheader", { name: "Kommunstyrelsen / Kommunikationsenheten" })).not.toBeInTheDocument();
    expect(line("Totalt")).toEqual([2, 0, 1, 1, 0, 1, 1]);
    await user.type(screen.getByLabelText("Sök kanal"), "bibliotek");
    expect(line("Totalt")).toEqual([1, 0, 0, 1, 0, 0, 0]);
    expect(listed()).toEqual(["4"]);

    // Remembered: the view opened again keeps the filter.
    view.unmount();
    render(OverviewView);
    await screen.findByRole("table", { name: /Antal kanaler/ });
    expect(screen.getByLabelText("Ansvarig eller ersättare")).toHaveValue("Bo Berg");
    expect(screen.getByLabelText("Sök kanal")).toHaveValue("bibliotek");
    expect(listed()).toEqual(["4"]);
  });

  it("saves the chosen board's overview as PDF/A or CSV through the shell", async () => {
    setLang("sv");
    const user = userEvent.setup();
    const calls: { cmd: string; args: unknown }[] = [];
    const overview = overviewCommands(report);
    mockIPC((cmd, args) => {
      calls.push({ cmd, args });
      if (cmd.startsWith("coverage_")) return overview(cmd, args);
      if (cmd === "snapshot_lines") return [];
      if (cmd === "choose_save_path") return `/home/anna/${(args as { defaultName: string }).defaultName}`;
      if (cmd === "write_overview") return "csv";
      throw new Error(`unexpected ${cmd}`);
    });
    render(OverviewView);
    await screen.findByRole("table", { name: /Antal kanaler/ });
    await user.click(screen.getByRole("button", { name: "Spara översikten som PDF/A" }));
    expect(await screen.findByText("Översikten sparades i /home/anna/oversikt.pdf.")).toBeInTheDocument();
    expect(calls.find((c) => c.cmd === "write_overview")?.args).toEqual({ path: "/home/anna/oversikt.pdf", board: null });
    await user.selectOptions(screen.getByLabelText("Nämnd"), "Kultur- och fritidsnämnden");
    await user.click(screen.getByRole("button", { name: "Exportera Kultur- och fritidsnämnden till CSV" }));
    expect(calls.filter((c) => c.cmd === "choose_save_path").slice(-1)[0]?.args).toEqual({
      kind: "csv",
      defaultName: "oversikt-kultur-och-fritidsnamnden.csv",
    });
    expect(calls.filter((c) => c.cmd === "write_overview").slice(-1)[0]?.args).toEqual({
      path: "/home/anna/oversikt-kultur-och-fritidsnamnden.csv",
      board: "Kultur- och fritidsnämnden",
    });
  });
  it("folds each board's units under the board's line when the table is long, and unfolds them on request", async () => {
    setLang("sv");
    const user = userEvent.setup();
    // 15 boards of 3 units and one board of a single unit: 61 lines.
    let id = 0;
    const groups: Parameters<typeof coverage>[0] = [];
    for (let b = 1; b <= 15; b++) {
      for (let u = 1; u <= 3; u++) {
        id += 1;
        groups.push({ board: `Nämnd ${b}`, unit: `Enhet ${b}.${u}`, rows: [coverageRow({ channel_id: id, name: `Kanal ${id}` })] });
      }
    }
    groups.push({ board: "Valnämnden", unit: "Valkansliet", rows: [coverageRow({ channel_id: 99, name: "Valet på X", platform: "x" })] });
    const overview = overviewCommands(() => coverage(groups));
    mockIPC((cmd, args) => (cmd === "snapshot_lines" ? [] : overview(cmd, args)));
    render(OverviewView);
    const table = await screen.findByRole("table", { name: /Nämnder med flera enheter visas först hopfällda/ });
    const heads = () => within(table).getAllByRole("rowheader").map((th) => th.textContent?.replace(/\s+/g, " ").trim());
    // Folded: each board's own line, the single-unit board's line, the total; no unit of a folded board.
    expect(heads()).toHaveLength(15 + 1 + 1);
    expect(heads()).toContain("Valnämnden / Valkansliet");
    expect(heads()).toContain("Nämnd 2, alla enheter (3 enheter)");
    expect(within(table).queryByRole("rowheader", { name: "Nämnd 2 / Enhet 2.1" })).not.toBeInTheDocument();
    // The board's name is the button that unfolds it; its name does not change with its state.
    const first = within(table).getByRole("button", { name: "Nämnd 1, alla enheter", expanded: false });
    expect(within(table).getAllByRole("button", { expanded: false })).toHaveLength(15);
    await user.click(first);
    expect(first).toHaveAttribute("aria-expanded", "true");
    const after = heads();
    const at = after.indexOf("Nämnd 1, alla enheter (3 enheter)");
    expect(after.slice(at + 1, at + 4)).toEqual(["Nämnd 1 / Enhet 1.1", "Nämnd 1 / Enhet 1.2", "Nämnd 1 / Enhet 1.3"]);
    // A unit's count still drills down to its channel, and stays in view when its board is folded again.
    await user.click(within(table).getByRole("button", { name: "1 kanal: Nämnd 1 / Enhet 1.2, Kanaler" }));
    expect(screen.getByText("Nämnd 1 / Enhet 1.2, Kanaler: 1 kanal")).toHaveFocus();
    await user.click(first);
    expect(first).toHaveAttribute("aria-expanded", "false");
    expect(within(table).queryByRole("rowheader", { name: "Nämnd 1 / Enhet 1.1" })).not.toBeInTheDocument();
    expect(within(table).getByRole("rowheader", { name: "Nämnd 1 / Enhet 1.2" })).toBeInTheDocument();
    // The totals count every unit, folded or not.
    const total = within(table).getByRole("rowheader", { name: "Totalt" }).closest("tr") as HTMLElement;
    expect(Number(total.querySelector("td")?.textContent?.trim())).toBe(46);
  });

  it("does not fold a long table of a single board (e.g. filtered to one board)", async () => {
    setLang("sv");
    const groups: Parameters<typeof coverage>[0] = [];
    for (let u = 1; u <= 45; u++) {
      groups.push({ board: "Socialnämnden", unit: `Enhet ${u}`, rows: [coverageRow({ channel_id: u, name: `Kanal ${u}` })] });
    }
    const overview = overviewCommands(() => coverage(groups));
    mockIPC((cmd, args) => (cmd === "snapshot_lines" ? [] : overview(cmd, args)));
    render(OverviewView);
    const table = await screen.findByRole("table", { name: /Antal kanaler/ });
    expect(table.querySelector("caption")?.textContent).not.toMatch(/hopfällda/);
    expect(within(table).getByRole("rowheader", { name: "Socialnämnden / Enhet 45" })).toBeInTheDocument();
  });
});
