import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { mockIPC } from "@tauri-apps/api/mocks";
import { describe, expect, it } from "vitest";
import ChannelList from "../lib/ChannelList.svelte";
import { setLang } from "../lib/i18n.svelte";
import OverviewView from "../lib/OverviewView.svelte";
import { clampPage, pageCount, pageOf } from "../lib/paging";
import type { ChannelQuery } from "../bindings/ChannelQuery";
import { channel, coverage, coverageRow, summary } from "./fixtures";
import { channelPageOf } from "./pages";
import { overviewCommands } from "./coverageDesktop";

const ids = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe("paging", () => {
  it("cuts a list into pages and says where each lies", () => {
    const all = Array.from({ length: 120 }, (_, i) => i + 1);
    expect(pageCount(120, 50)).toBe(3);
    expect(pageCount(0, 50)).toBe(1);
    const first = pageOf(all, 1, 50);
    expect(first).toMatchObject({ page: 1, pages: 3, from: 1, to: 50, total: 120 });
    expect(first.items).toEqual(all.slice(0, 50));
    const last = pageOf(all, 3, 50);
    expect(last).toMatchObject({ page: 3, from: 101, to: 120 });
    expect(last.items).toEqual(all.slice(100));
    // A list that shrank under its page shows its last page; nonsense is page 1.
    expect(pageOf(all, 9, 50).page).toBe(3);
    expect(clampPage(Number.NaN, 120, 50)).toBe(1);
    expect(clampPage(0, 120, 50)).toBe(1);
    expect(pageOf([], 2, 50)).toMatchObject({ items: [], page: 1, pages: 1, from: 0, to: 0, total: 0 });
  });
});

describe("the long lists draw a page at a time", () => {
  it("Kanaler draws 50 of 120 channels and pages with accessible controls", async () => {
    setLang("sv");
    const user = userEvent.setup();
    const register = ids(1, 120).map((id) => summary(channel({ id, name: `Kanal ${String(id).padStart(3, "0")}` })));
    const offsets: number[] = [];
    mockIPC((cmd, args) => {
      const query = (args as { query: ChannelQuery }).query;
      offsets.push(query.offset);
      if (cmd === "channel_page") return channelPageOf(register, query);
      throw new Error(`unexpected command ${cmd}`);
    });
    render(ChannelList);
    const table = await screen.findByRole("table", { name: "Registrerade kanaler" });
    const drawn = () => within(table).getAllByRole("row").slice(1).map((r) => Number(r.getAttribute("data-channel-id")));
    expect(drawn()).toEqual(ids(1, 50));
    const nav = screen.getByRole("navigation", { name: "Sidor: Registrerade kanaler" });
    expect(within(nav).getByRole("status")).toHaveTextContent("Sida 1 av 3 · visar 1–50 av 120");
    expect(within(nav).getByRole("button", { name: "Föregående sida" })).toBeDisabled();
    await user.click(within(nav).getByRole("button", { name: "Nästa sida" }));
    await expect.poll(drawn).toEqual(ids(51, 100));
    await user.click(within(nav).getByRole("button", { name: "Sista sidan" }));
    await expect.poll(drawn).toEqual(ids(101, 120));
    // Each page is a question to the desktop: the window never holds the register.
    expect(offsets).toEqual([0, 50, 100]);
    expect(within(nav).getByRole("status")).toHaveTextContent("Sida 3 av 3 · visar 101–120 av 120");
    expect(within(nav).getByRole("button", { name: "Nästa sida" })).toBeDisabled();
    // A filter starts again at page 1 (and one page needs no controls).
    await user.click(screen.getByLabelText("Sök"));
    await user.paste("Kanal 00");
    await expect.poll(drawn).toEqual(ids(1, 9));
    expect(screen.queryByRole("navigation", { name: "Sidor: Registrerade kanaler" })).not.toBeInTheDocument();
  }, 90_000);

  it("Översikt draws a page of channels and fetches the snapshots of that page only", async () => {
    setLang("sv");
    const user = userEvent.setup();
    const asked: number[][] = [];
    const overview = overviewCommands(() =>
      coverage([
        { board: "Kommunstyrelsen", unit: "A", rows: ids(1, 10).map((id) => coverageRow({ channel_id: id, name: `Kanal ${id}` })) },
        { board: "Kommunstyrelsen", unit: "B", rows: ids(11, 120).map((id) => coverageRow({ channel_id: id, name: `Kanal ${id}` })) },
      ]),
    );
    const pages: { offset: number; limit: number }[] = [];
    mockIPC((cmd, args) => {
      if (cmd === "coverage_rows" || cmd === "coverage_view") {
        const { offset, limit } = (args as { query: { offset: number; limit: number } }).query;
        pages.push({ offset, limit });
      }
      if (cmd.startsWith("coverage_")) return overview(cmd, args);
      if (cmd === "snapshot_lines") {
        const channelIds = (args as { channelIds: number[] }).channelIds;
        asked.push(channelIds);
        return channelIds.map((id) => ({
          id: `s${id}`,
          channel_id: id,
          started_at: "2026-04-02T08:30:00Z",
          finished_at: "2026-04-02T08:33:00Z",
          reason: "half-yearly",
          status: "complete",
          single_address: false,
        }));
      }
      if (cmd === "get_schedule_settings" || cmd === "thumbnail") return null;
      throw new Error(`unexpected command ${cmd}`);
    });
    render(OverviewView);
    await screen.findByText("Kanal 1");
    const drawn = () => [...document.querySelectorAll("li[data-channel-id]")].map((r) => Number(r.getAttribute("data-channel-id")));
    expect(drawn()).toEqual(ids(1, 20));
    // The group spanning the page break shows on both pages.
    expect(screen.getByRole("region", { name: "Kommunstyrelsen / B" })).toBeInTheDocument();
    await screen.findByRole("list", { name: "Tidslinje för Kanal 20" });
    expect(asked).toEqual([ids(1, 20)]);
    const nav = screen.getByRole("navigation", { name: /^Sidor:/ });
    await user.click(within(nav).getByRole("button", { name: "Nästa sida" }));
    await expect.poll(drawn).toEqual(ids(21, 40));
    // The desktop pages: the window asked for 20 rows at a time, never all 120.
    expect(pages[pages.length - 1]).toEqual({ offset: 20, limit: 20 });
    expect(pages.every((p) => p.limit === 20)).toBe(true);
    expect(screen.queryByRole("region", { name: "Kommunstyrelsen / A" })).not.toBeInTheDocument();
    await screen.findByRole("list", { name: "Tidslinje för Kanal 40" });
    expect(asked).toEqual([ids(1, 20), ids(21, 40)]);
    expect(document.activeElement?.id).toBe("ov-list");
  }, 90_000);
});
