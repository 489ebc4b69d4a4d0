// A view's filter, remembered between visits and restarts (localStorage).
// What was stored is trusted only field by field: a field of the wrong type
// (an older version's filter, a hand edit) falls back to its default.
const PREFIX = "ogonblick.filter.";

export function loadFilter<T extends Record<string, string | boolean>>(view: string, defaults: T): T {
  const out = { ...defaults };
  try {
    const raw = localStorage.getItem(PREFIX + view);
    if (!raw) return out;
    const stored = JSON.parse(raw) as Record<string, unknown>;
    for (const k of Object.keys(defaults) as (keyof T)[]) {
      const v = stored[k as string];
      if (typeof v === typeof defaults[k]) out[k] = v as T[keyof T];
    }
  } catch {
    // Unreadable or unavailable storage: the defaults.
  }
  return out;
}

export function saveFilter<T extends Record<string, string | boolean>>(view: string, filter: T): void {
  try {
    localStorage.setItem(PREFIX + view, JSON.stringify(filter));
  } catch {
    // Not remembered; the filter still applies now.
  }
}
