// A channel's coverage calendar: years × the periods of its schedule, each
// cell filled when a complete snapshot of the channel was taken in that
// period (in the organisation's time zone). A one-address capture never
// counts, a major-change snapshot only when the settings say so (as in the
// schedule's rules); partial and failed tries show as tried.
import type { Period } from "../bindings/Period";
import type { Snapshot } from "../bindings/Snapshot";
import type { SnapshotLine } from "../bindings/SnapshotLine";

/** What the calendar reads of a snapshot: a full record or a line of the register's summary. */
type Counted = Pick<Snapshot, "reason" | "finished_at" | "status"> & {
  single_address?: Snapshot["single_address"] | SnapshotLine["single_address"];
};

export type CellState = "complete" | "tried" | "none";
export type Calendar = { years: number[]; periods: Period[]; cells: CellState[][] };

/** One formatter per time zone: making one per call (`toLocaleDateString`) costs far more than formatting. */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The local calendar day ("2026-10-05") of an instant in `timeZone`. */
export function localDay(iso: string, timeZone: string): string {
  let f = dayFormats.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat("sv-SE", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    dayFormats.set(timeZone, f);
  }
  return f.format(new Date(iso));
}

/** Whether `day` (YYYY-MM-DD) falls in `p` of `year`; a period over New Year belongs to the year it starts. */
export function inPeriod(day: string, p: Period, year: number): boolean {
  const md = day.slice(5);
  const y = Number(day.slice(0, 4));
  if (p.start <= p.end) return y === year && md >= p.start && md <= p.end;
  return (y === year && md >= p.start) || (y === year + 1 && md <= p.end);
}

export function coverageCalendar(
  snapshots: readonly Counted[],
  periods: readonly Period[],
  opts: { toYear: number; timeZone: string; majorChangeCounts: boolean; maxYears?: number },
): Calendar {
  const counting = snapshots.filter(
    (s) => !s.single_address && (s.reason !== "major-change" || opts.majorChangeCounts),
  );
  const days = counting.map((s) => ({ day: localDay(s.finished_at, opts.timeZone), status: s.status }));
  const first = days.reduce((y, d) => Math.min(y, Number(d.day.slice(0, 4))), opts.toYear);
  const from = Math.max(first, opts.toYear - (opts.maxYears ?? 6) + 1);
  const years: number[] = [];
  for (let y = opts.toYear; y >= from; y -= 1) years.push(y);
  const cells = years.map((year) =>
    periods.map((p): CellState => {
      const here = days.filter((d) => inPeriod(d.day, p, year));
      if (here.some((d) => d.status === "complete")) return "complete";
      return here.length > 0 ? "tried" : "none";
    }),
  );
  return { years, periods: [...periods], cells };
}
