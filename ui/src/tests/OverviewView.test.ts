import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { mockIPC } from "@tauri-apps/api/mocks";
import { describe, expect, it } from "vitest";
import { setLang } from "../lib/i18n.svelte";
import OverviewView from "../lib/OverviewView.svelte";
import { coverage, coverageRow, snapshot } from "./fixtures";

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
          explanation: "Försenad: två perioder har passerat utan fullständig ögonblicksbild.",
        }),
      ],
    },
  ]);
}

describe("Översikt", () => {
  it("shows coverage per board and unit with last good, next due, overdue and failures, and a timeline of thumbnails", async () => {
    setLang("sv");
    const thumbs: unknown[] = [];
    mockIPC((cmd, args) => {
      switch (cmd) {
        case "coverage":
          expect(args).toEqual({ at: null });
          return report();
        case "history":
          expect(args).toEqual({ channelId: null });
          return [
            snapshot({ id: "s3", started_at: "2026-04-02T08:30:00Z" }),
            snapshot({ id: "s2", channel_id: 2, status: "failed", started_at: "2026-03-02T08:30:00Z" }),
            snapshot({ id: "s1", started_at: "2025-10-02T08:30:00Z" }),
          ];
        case "thumbnail":
          thumbs.push(args);
          return "data:image/png;base64,iVBORw0KGgo=";
        default:
          throw new Error(`unexpected ${cmd}`);
      }
    });
    render(OverviewView);
    expect(
      await screen.findByText(/Kanaler: 2 · med fullständig ögonblicksbild: 1 · aktuella: 0 · försenade: 1 · misslyckade eller ofullständiga: 3/),
    ).toBeInTheDocument();
    const culture = screen.getByRole("region", { name: "Kultur- och fritidsnämnden / (ingen enhet)" });
    const row = within(culture).getByText("Kulturhuset på Instagram").closest("li[data-channel-id]") as HTMLElement;
    expect(row).toHaveAttribute("data-channel-id", "2");
    expect(within(row).getByText("Försenad")).toBeInTheDocument();
    expect(within(row).getByText("Ingen ännu")).toBeInTheDocument();
    expect(within(row).getByText("Nu, senast 2026-05-31")).toBeInTheDocument();
    expect(within(row).getByText("3")).toBeInTheDocument();

    const nacka = screen.getByRole("region", { name: "Kommunstyrelsen / Kommunikationsenheten" });
    expect(within(nacka).getByText("Från 2026-09-15")).toBeInTheDocument();
    const line = within(nacka).getByRole("list", { name: "Tidslinje för Nacka kommun på Facebook" });
    const items = within(line).getAllByRole("listitem");
    // Oldest first, left to right.
    expect(items.map((i) => i.getAttribute("data-snapshot-id"))).toEqual(["s1", "s3"]);
    expect(await within(line).findAllByRole("img")).toHaveLength(2);
    expect(thumbs).toContainEqual({ snapshotId: "s1", pageIndex: 0, maxWidth: 160 });
  });

  it("filters by board, platform and state", async () => {
    setLang("sv");
    const user = userEvent.setup();
    mockIPC((cmd) => (cmd === "coverage" ? report() : cmd === "history" ? [] : null));
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
});
