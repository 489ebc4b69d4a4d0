// The days of the schedule's periods checked before they are sent: the
// window gives days as text, and a day the engine's `MonthDay` cannot read
// would fail before any use case sees it. The refusal is the engine's own
// catalogue message (`schedule-bad-day` with `day-*`), rendered like every
// other; the rules are MonthDay's (`MM-DD`, a month 01–12, a day that
// exists in that month in a leap year).
import type { Message } from "../bindings/Message";
import type { ScheduleSettings } from "../bindings/ScheduleSettings";

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Why `given` is not a day of the year, or null when it is one. */
export function dayProblem(given: string): Message | null {
  const m = /^(\d+)-(\d+)$/.exec(given.trim());
  if (!m) return { key: "day-form", args: {} };
  const month = Number(m[1]);
  const day = Number(m[2]);
  if (month < 1 || month > 12) return { key: "day-no-month", args: { month } };
  const max = DAYS[month - 1] ?? 31;
  if (day < 1 || day > max) return { key: "day-no-day", args: { month, max } };
  return null;
}

/** The first day of `s`'s periods that is no day of the year, as the engine says it. */
export function scheduleDayProblem(s: ScheduleSettings): Message | null {
  for (const p of [...s.half_yearly_windows, ...s.yearly_windows, ...s.blackouts]) {
    for (const given of [p.start, p.end]) {
      const why = dayProblem(given);
      if (why) return { key: "schedule-bad-day", args: { given, detail: why } };
    }
  }
  return null;
}
