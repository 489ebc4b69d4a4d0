import { describe, expect, it } from "vitest";
import { filterOf, NO_BOARD, tableOf } from "../lib/overviewTable";
import { coverageCalendar, inPeriod } from "../lib/calendar";
import { snapshot } from "./fixtures";

describe("the Översikt table", () => {
  const counts = (channels: number, no_substitute = 0) => ({
    channels, documented: 0, due: 0, overdue: 0, failed: 0, closing: 0, no_substitute,
  });

  it("draws the desktop's lines, a board's total line without a unit, the counts under the columns' names", () => {
    const table = tableOf({
      at: "2026-04-20T08:00:00Z",
      local_date: "2026-04-20",
      timezone: "Europe/Stockholm",
      lines: [
        { key: "b:KFN", board: "KFN", unit: null, board_total: true, counts: counts(2, 1) },
        { key: "u:KFN\u0000Bibliotek", board: "KFN", unit: "Bibliotek", board_total: false, counts: counts(1) },
        { key: "u:KFN\u0000\u0000", board: "KFN", unit: null, board_total: false, counts: counts(1, 1) },
      ],
      total: counts(2, 1),
      boards: ["KFN"],
      people: [],
    });
    expect(table.lines.map((l) => [l.key, l.board, l.unit, l.counts.channels, l.counts["no-substitute"]])).toEqual([
      ["b:KFN", "KFN", undefined, 2, 1],
      ["u:KFN\u0000Bibliotek", "KFN", "Bibliotek", 1, 0],
      ["u:KFN\u0000\u0000", "KFN", null, 1, 1],
    ]);
    expect(table.total).toEqual({ channels: 2, documented: 0, due: 0, overdue: 0, failed: 0, closing: 0, "no-substitute": 1 });
  });

  it("asks the desktop with the view's filter: any is null, no board is the empty board, failures a flag", () => {
    const any = { board: "", platform: "", dueFilter: "", person: "", text: "" } as const;
    expect(filterOf(any)).toEqual({ text: "", board: null, person: null, platform: null, state: null, failures: false });
    expect(filterOf({ ...any, board: NO_BOARD, text: " bib ", dueFilter: "failures" })).toEqual({
      text: "bib", board: "", person: null, platform: null, state: null, failures: true,
    });
    expect(filterOf({ ...any, board: "KFN", person: "Bo", platform: "x", dueFilter: "overdue" })).toEqual({
      text: "", board: "KFN", person: "Bo", platform: "x", state: "overdue", failures: false,
    });
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
