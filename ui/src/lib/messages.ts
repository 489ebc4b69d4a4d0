// Renders the engine's messages (crates/messages: a key with typed parameters)
// in the UI's language, from the same Fluent files as the Rust renderer
// (bindings/locales.ts is generated from them). Same subset of Fluent:
// `{ $param }`, `{ "literal" }`, and selects on a parameter's text or its
// plural category (`one` for 1, else `other`). Nested messages, days, spans
// and name lists are written as crates/messages/src/args.rs writes them.
import type { Message } from "../bindings/Message";
import { en, hints, sv } from "../bindings/locales";

type Elem = { text: string } | { v: string } | { sel: string; variants: [string, Elem[]][]; def: number };
type Lang = "sv" | "en";

function parse(src: string): Map<string, Elem[]> {
  const raw = new Map<string, string>();
  let key: string | null = null;
  for (const line of src.split("\n")) {
    if (line.startsWith(" ") && key !== null) {
      raw.set(key, `${raw.get(key)}\n${line.trimStart()}`);
      continue;
    }
    const t = line.trim();
    if (t === "" || t.startsWith("#")) {
      key = null;
      continue;
    }
    const eq = line.indexOf("=");
    if (eq < 0) continue;
    key = line.slice(0, eq).trim();
    raw.set(key, line.slice(eq + 1));
  }
  const out = new Map<string, Elem[]>();
  for (const [k, v] of raw) out.set(k, new Parser(v.trim()).pattern(false));
  return out;
}

class Parser {
  i = 0;
  constructor(private s: string) {}
  private peek(): string | undefined {
    return this.s[this.i];
  }
  private ws() {
    while (this.peek() !== undefined && /\s/.test(this.peek() as string)) this.i++;
  }
  private ident(): string {
    const start = this.i;
    while (this.peek() !== undefined && /[A-Za-z0-9_-]/.test(this.peek() as string)) this.i++;
    return this.s.slice(start, this.i);
  }
  pattern(variant: boolean): Elem[] {
    const out: Elem[] = [];
    let text = "";
    while (this.peek() !== undefined) {
      const c = this.peek() as string;
      if (variant && c === "\n") break;
      if (c === "{") {
        this.i++;
        if (text) out.push({ text });
        text = "";
        out.push(this.placeable());
      } else {
        text += c;
        this.i++;
      }
    }
    if (variant) text = text.trimEnd();
    if (text) out.push({ text });
    return out;
  }
  private placeable(): Elem {
    this.ws();
    if (this.peek() === '"') {
      const end = this.s.indexOf('"', this.i + 1);
      const text = this.s.slice(this.i + 1, end);
      this.i = end + 1;
      this.ws();
      this.i++; // }
      return { text };
    }
    this.i++; // $
    const v = this.ident();
    this.ws();
    if (this.peek() === "}") {
      this.i++;
      return { v };
    }
    this.i += 2; // ->
    const variants: [string, Elem[]][] = [];
    let def = 0;
    for (;;) {
      this.ws();
      const c = this.peek();
      if (c === undefined || c === "}") {
        this.i++;
        break;
      }
      if (c === "*") {
        def = variants.length;
        this.i++;
      }
      this.i++; // [
      this.ws();
      const k = this.ident();
      this.ws();
      this.i++; // ]
      while (this.peek() === " ") this.i++;
      variants.push([k, this.pattern(true)]);
    }
    return { sel: v, variants, def };
  }
}

const catalogues: Record<Lang, Map<string, Elem[]>> = { sv: parse(sv), en: parse(en) };

function renderKey(lang: Lang, key: string, arg: (name: string) => string | undefined): string {
  const elems = catalogues[lang].get(key);
  if (!elems) return key;
  return renderElems(elems, arg);
}

function renderElems(elems: Elem[], arg: (name: string) => string | undefined): string {
  let out = "";
  for (const e of elems) {
    if ("text" in e) out += e.text;
    else if ("v" in e) out += arg(e.v) ?? `{$${e.v}}`;
    else {
      const value = arg(e.sel) ?? "";
      const n = /^-?\d+$/.test(value) ? Number(value) : null;
      const category = n === null ? null : n === 1 ? "one" : "other";
      let chosen = e.variants.findIndex(([k]) => k === value);
      if (chosen < 0) chosen = e.variants.findIndex(([k]) => k === category);
      if (chosen < 0) chosen = e.def;
      out += renderElems(e.variants[chosen]?.[1] ?? [], arg);
    }
  }
  return out;
}

function day(lang: Lang, iso: string): { d: number; m: string; y: number } {
  const [y, mo, d] = iso.split("-").map(Number) as [number, number, number];
  return { d, m: renderKey(lang, `month-${mo}`, () => undefined), y };
}

function dayText(lang: Lang, iso: string): string {
  const { d, m, y } = day(lang, iso);
  return renderKey(lang, "date", (p) => ({ day: String(d), month: m, year: String(y) })[p]);
}

const isMessage = (v: unknown): v is Message =>
  typeof v === "object" && v !== null && typeof (v as Record<string, unknown>).key === "string";

/** One parameter's text: plain values, nested messages (one, a list joined by
 * "; ", or `Blocks` joined by " | "), a form field's name, days, spans, lists of names. */
function argText(lang: Lang, value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value !== "object") return String(value);
  if (Array.isArray(value)) return value.map((v) => argText(lang, v)).join("; ");
  const o = value as Record<string, unknown>;
  if (isMessage(o)) return renderMessage(o, lang);
  if (typeof o.field === "string") return renderKey(lang, `field-${o.field}`, () => undefined);
  if (Array.isArray(o.list) && o.list.some(isMessage)) {
    return o.list.map((m) => argText(lang, m)).join(" | ");
  }
  if (typeof o.date === "string") return dayText(lang, o.date);
  if (typeof o.from === "string" && typeof o.to === "string") {
    const to = dayText(lang, o.to);
    if (o.from.slice(0, 4) === o.to.slice(0, 4)) {
      const a = day(lang, o.from);
      return renderKey(lang, "date-span-same-year", (p) => ({ from_day: String(a.d), from_month: a.m, to })[p]);
    }
    const from = dayText(lang, o.from);
    return renderKey(lang, "date-span", (p) => ({ from, to })[p]);
  }
  // h-roles: roles, each in the language's word, joined as a list of names.
  if (Array.isArray(o.roles)) {
    const words = o.roles.map((r) => renderKey(lang, "role-name", (p) => (p === "role" ? String(r) : undefined)));
    return argText(lang, { list: words });
  }
  if (Array.isArray(o.list)) {
    const n = o.list.map(String);
    if (n.length <= 1) return n[0] ?? "";
    if (n.length <= 3) {
      const first = n.slice(0, -1).join(", ");
      return renderKey(lang, "list-and", (p) => ({ first, last: n[n.length - 1] })[p]);
    }
    const shown = n.slice(0, 3).join(", ");
    return renderKey(lang, "list-and-more", (p) => ({ shown, more: String(n.length - 3) })[p]);
  }
  return String(value);
}

/** A whole number with the language's thousands separator (format.rs's `integer`). */
function integer(lang: Lang, n: number): string {
  const digits = String(n);
  const sep = lang === "sv" ? "\u00a0" : ",";
  let out = "";
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += sep;
    out += digits[i];
  }
  return out;
}

/** A duration in milliseconds (format.rs's `duration`): "7,8 s", "30 min", "2 h 5 min". */
function duration(lang: Lang, ms: number): string {
  if (ms < 60_000) {
    const tenths = Math.max(0, Math.round(ms / 100));
    return `${integer(lang, Math.floor(tenths / 10))}${lang === "sv" ? "," : "."}${tenths % 10} s`;
  }
  const min = Math.floor((ms + 30_000) / 60_000);
  const [h, m] = [Math.floor(min / 60), min % 60];
  if (h === 0) return `${m} min`;
  return m === 0 ? `${integer(lang, h)} h` : `${integer(lang, h)} h ${m} min`;
}

/** A parameter the catalogue says how to write (crates/messages `Arg::hint`):
 * an instant in UTC, a duration, a choice written by a helper key (or a list of them). */
function hinted(lang: Lang, hint: string, value: unknown): string {
  if (hint === "utc-time") {
    const iso = new Date(String(value)).toISOString();
    const day = dayText(lang, iso.slice(0, 10));
    const time = iso.slice(11, 16);
    return renderKey(lang, "date-time-utc", (p) => ({ day, time })[p]);
  }
  if (hint === "millis") return duration(lang, Number(value));
  const [how, key, param] = hint.split(":") as [string, string, string];
  const word = (v: unknown) => renderKey(lang, key, (p) => (p === param ? String(v) : undefined));
  if (how === "words" && Array.isArray(value)) return value.map(word).join(", ");
  return word(value);
}

/** A message of the engine in `lang`. */
export function renderMessage(m: Message, lang: Lang): string {
  const args = ("args" in m ? (m.args as Record<string, unknown>) : {}) ?? {};
  const hint = hints[m.key] ?? {};
  return renderKey(lang, m.key, (name) => {
    if (!(name in args)) return undefined;
    const h = hint[name];
    return h ? hinted(lang, h, args[name]) : argText(lang, args[name]);
  });
}

/** A snapshot's note in `lang`: the engine's own note (its message), or the note as recorded. */
export function snapshotNote(
  snapshot: { reason_note: string | null; reason_message?: Message },
  lang: Lang,
): string | null {
  if (snapshot.reason_message) return renderMessage(snapshot.reason_message, lang);
  return snapshot.reason_note;
}

/** Why a page failed, in `lang`: its message, or an old record's stored text. */
export function pageError(
  page: { error: string | null; error_sv?: string; message?: Message },
  lang: Lang,
): string | null {
  if (page.message) return renderMessage(page.message, lang);
  return lang === "sv" ? (page.error_sv ?? page.error) : page.error;
}
