import { describe, expect, it } from "vitest";
import { buildTable, cellRows, count, inColumn } from "../lib/overviewTable";
import { coverageCalendar, inPeriod } from "../lib/calendar";
import { coverageRow, snapshot } from "./fixtures";

const failed = { id: "f", started_at: "2026-04-01T08:00:00Z", finished_at: "2026-04-01T08:01:00Z", reason: "half-yearly", status: "failed" } as const;

describe("the Översikt table", () => {
  it("puts a channel in every column that fits it, counting channels", () => {
    const documented = coverageRow({ channel_id: 1 });
    const newcomer = coverageRow({ channel_id: 2, state: "not-due", last_good: null });
    const due = coverageRow({ channel_id: 3, state: "due", substitute: null, last_snapshot: failed, failures: 5 });
    const final = coverageRow({ channel_id: 4, state: "closure-due", status: "closing", substitute: "  " });
    expect(inColumn(documented, "documented")).toBe(true);
    // New between periods: nothing to take, but not documented either.
    expect(inColumn(newcomer, "documented")).toBe(false);
    expect(inColumn(final, "due")).toBe(true);
    expect(count([documented, newcomer, due, final])).toEqual({
      channels: 4, documented: 1, due: 2, overdue: 0, failed: 1, closing: 1, "no-substitute": 2,
    });
  });

  it("has a line per board and unit, a board total when a board has several units, and totals that follow the filter", () => {
    const groups = [
      { board: "KS", unit: "Kommunikation", rows: [coverageRow({ channel_id: 1 }), coverageRow({ channel_id: 2, state: "overdue" })] },
      { board: "KFN", unit: "Bibliotek", rows: [coverageRow({ channel_id: 3, state: "due", responsible: "Bo" })] },
      { board: "KFN", unit: null, rows: [coverageRow({ channel_id: 4, state: "overdue", responsible: "Bo" })] },
    ].map((g) => ({ ...g, counts: {} as never }));
    const all = buildTable(groups, () => true);
    expect(all.lines.map((l) => [l.board, l.unit, l.counts.channels])).toEqual([
      ["KS", "Kommunikation", 2],
      ["KFN", undefined, 2],
      ["KFN", "Bibliotek", 1],
      ["KFN", null, 1],
    ]);
    expect(all.total).toMatchObject({ channels: 4, documented: 1, due: 1, overdue: 2 });
    const bo = buildTable(groups, (r) => r.responsible === "Bo");
    expect(bo.lines.map((l) => [l.board, l.unit])).toEqual([["KFN", undefined], ["KFN", "Bibliotek"], ["KFN", null]]);
    expect(bo.total).toMatchObject({ channels: 2, documented: 0, due: 1, overdue: 1 });
    expect(cellRows(bo.totalRows, "overdue").map((r) => r.channel_id)).toEqual([4]);
    expect(cellRows(all.totalRows, "channels")).toHaveLength(4);
  });
});

describe("the coverage calendar", () => {
  const periods = [
    { label: "vår", start: "03-01", end: "04-30" },
    { label: "höst", start: "10-01", end: "11-30" },
  ];
  it("fills a year's period where a complete snapshot was taken in it, in local time, newest year first", () => {
    const snaps = [
      // 30 April 23:30 in Stockholm is 21:30 UTC: still the spring period.
      snapshot({ id: "a", status: "complete", finished_at: "2025-04-30T21:30:00Z" }),
      snapshot({ id: "b", status: "failed", finished_at: "2025-10-02T09:00:00Z" }),
      snapshot({ id: "c", status: "complete", finished_at: "2026-03-05T09:00:00Z", single_address: "https://x.example/p/1" }),
      snapshot({ id: "d", status: "complete", finished_at: "2026-10-05T09:00:00Z", reason: "major-change" }),
      // Between periods: not in any cell.
      snapshot({ id: "e", status: "complete", finished_at: "2026-06-05T09:00:00Z" }),
    ];
    const cal = coverageCalendar(snaps, periods, { toYear: 2026, timeZone: "Europe/Stockholm", majorChangeCounts: false });
    expect(cal.years).toEqual([2026, 2025]);
    expect(cal.cells).toEqual([
      ["none", "none"],
      ["complete", "tried"],
    ]);
    const counted = coverageCalendar(snaps, periods, { toYear: 2026, timeZone: "Europe/Stockholm", majorChangeCounts: true });
    expect(counted.cells[0]).toEqual(["none", "complete"]);
  });

  it("puts a period over New Year in the year it starts", () => {
    const winter = { label: "vinter", start: "12-01", end: "01-31" };
    expect(inPeriod("2026-12-15", winter, 2026)).toBe(true);
    expect(inPeriod("2027-01-15", winter, 2026)).toBe(true);
    expect(inPeriod("2026-01-15", winter, 2026)).toBe(false);
  });
});
