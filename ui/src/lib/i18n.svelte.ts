// A tiny typed dictionary: Swedish is the default, English the option. The
// choice is kept in localStorage. Every key of `sv` must exist in `en` (the
// type checker enforces it).

export type Lang = "sv" | "en";
export const LANGS: readonly Lang[] = ["sv", "en"];
const STORAGE_KEY = "ogonblick.lang";

const sv = {
  "app.name": "Ögonblick",
  "app.tagline": "Ögonblicksbilder av kommunens sociala medier för e-arkivet",
  "nav.label": "Huvudmeny",
  "nav.channels": "Kanaler",
  "nav.add": "Lägg till kanal",
  "lang.label": "Språk",
  "lang.sv": "Svenska",
  "lang.en": "English",
  "skip": "Hoppa till innehållet",
  "footer.dataDir": "Datakatalog",
  "footer.operator": "Inloggad som",
  "footer.version": "Version",

  "channels.title": "Kanaler",
  "channels.intro": "Förteckning över kommunens officiella kanaler i sociala medier.",
  "channels.loading": "Hämtar kanaler …",
  "channels.empty": "Inga kanaler ännu. Lägg till den första kanalen för att börja ta ögonblicksbilder.",
  "channels.count": "{n} kanaler",
  "channels.countOne": "1 kanal",
  "channels.caption": "Registrerade kanaler",
  "channels.reload": "Uppdatera",
  "col.name": "Namn",
  "col.platform": "Plattform",
  "col.owner": "Nämnd / enhet",
  "col.responsible": "Ansvarig / ersättare",
  "col.policy": "Intervall",
  "col.status": "Status",
  "col.last": "Senaste ögonblicksbild",
  "last.never": "Ingen ännu",
  "last.count": "{n} totalt",

  "add.title": "Lägg till kanal",
  "add.intro": "Fält markerade med * måste fyllas i. Adresserna är de sidor som fotograferas, t.ex. startsidan och sidan om kommentarsregler.",
  "add.name": "Kanalens namn",
  "add.platform": "Plattform",
  "add.platformChoose": "Välj plattform",
  "add.urls": "Adresser att fotografera",
  "add.url": "Adress {n}",
  "add.addUrl": "Lägg till adress",
  "add.removeUrl": "Ta bort adress {n}",
  "add.board": "Nämnd",
  "add.unit": "Enhet",
  "add.responsible": "Ansvarig",
  "add.substitute": "Ersättare",
  "add.purpose": "Syfte",
  "add.audience": "Målgrupp",
  "add.policy": "Intervall för ögonblicksbilder",
  "add.policyDefault": "Organisationens standard",
  "add.notes": "Anteckningar",
  "add.submit": "Spara kanal",
  "add.saving": "Sparar …",
  "add.cancel": "Avbryt",
  "add.saved": "Kanalen ”{name}” har lagts till i förteckningen.",
  "add.required": "obligatoriskt",
  "add.needName": "Ange kanalens namn.",
  "add.needPlatform": "Välj vilken plattform kanalen finns på.",
  "add.needUrl": "Ange minst en adress som börjar med https:// eller http://.",

  "policy.half-yearly": "Varje halvår",
  "policy.yearly": "En gång om året",
  "policy.manual": "Bara manuellt",
  "status.active": "Aktiv",
  "status.closing": "Avslutas",
  "status.closed": "Avslutad",
  "snapshot.complete": "Fullständig",
  "snapshot.partial": "Ofullständig",
  "snapshot.failed": "Misslyckad",
  "platform.other": "Annan",
  "platform.blog": "Blogg",

  "error.invalid_input": "Uppgifterna behöver rättas",
  "error.not_found": "Hittades inte",
  "error.conflict": "Det går inte just nu",
  "error.cancelled": "Avbrutet",
  "error.environment": "Något i datorns miljö hindrar Ögonblick",
  "error.internal": "Ett fel i Ögonblick (rapportera gärna det)",
  "error.sentence": "{kind}: {message}",
  "error.unknown": "Okänt fel",
} as const;

export type Key = keyof typeof sv;

const en: Record<Key, string> = {
  "app.name": "Ögonblick",
  "app.tagline": "Snapshots of the municipality's social media for the e-archive",
  "nav.label": "Main menu",
  "nav.channels": "Channels",
  "nav.add": "Add channel",
  "lang.label": "Language",
  "lang.sv": "Svenska",
  "lang.en": "English",
  "skip": "Skip to content",
  "footer.dataDir": "Data folder",
  "footer.operator": "Signed in as",
  "footer.version": "Version",

  "channels.title": "Channels",
  "channels.intro": "Register of the municipality's official social-media channels.",
  "channels.loading": "Loading channels …",
  "channels.empty": "No channels yet. Add the first channel to start taking snapshots.",
  "channels.count": "{n} channels",
  "channels.countOne": "1 channel",
  "channels.caption": "Registered channels",
  "channels.reload": "Refresh",
  "col.name": "Name",
  "col.platform": "Platform",
  "col.owner": "Board / unit",
  "col.responsible": "Responsible / substitute",
  "col.policy": "Schedule",
  "col.status": "Status",
  "col.last": "Latest snapshot",
  "last.never": "None yet",
  "last.count": "{n} in all",

  "add.title": "Add channel",
  "add.intro": "Fields marked * are required. The addresses are the pages that are captured, e.g. the main page and the page with the commenting rules.",
  "add.name": "Channel name",
  "add.platform": "Platform",
  "add.platformChoose": "Choose a platform",
  "add.urls": "Addresses to capture",
  "add.url": "Address {n}",
  "add.addUrl": "Add address",
  "add.removeUrl": "Remove address {n}",
  "add.board": "Board",
  "add.unit": "Unit",
  "add.responsible": "Responsible",
  "add.substitute": "Substitute",
  "add.purpose": "Purpose",
  "add.audience": "Audience",
  "add.policy": "Snapshot schedule",
  "add.policyDefault": "Organisation default",
  "add.notes": "Notes",
  "add.submit": "Save channel",
  "add.saving": "Saving …",
  "add.cancel": "Cancel",
  "add.saved": "The channel “{name}” was added to the register.",
  "add.required": "required",
  "add.needName": "Enter the channel's name.",
  "add.needPlatform": "Choose the platform the channel is on.",
  "add.needUrl": "Enter at least one address starting with https:// or http://.",

  "policy.half-yearly": "Every half year",
  "policy.yearly": "Once a year",
  "policy.manual": "Manual only",
  "status.active": "Active",
  "status.closing": "Closing",
  "status.closed": "Closed",
  "snapshot.complete": "Complete",
  "snapshot.partial": "Partial",
  "snapshot.failed": "Failed",
  "platform.other": "Other",
  "platform.blog": "Blog",

  "error.invalid_input": "The details need correcting",
  "error.not_found": "Not found",
  "error.conflict": "That cannot be done now",
  "error.cancelled": "Cancelled",
  "error.environment": "Something on this computer stops Ögonblick",
  "error.internal": "A fault in Ögonblick (please report it)",
  "error.sentence": "{kind}: {message}",
  "error.unknown": "Unknown error",
};

const DICTS: Record<Lang, Record<Key, string>> = { sv, en };

function initialLang(): Lang {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored === "sv" || stored === "en") return stored;
  } catch {
    // Storage may be unavailable; Swedish it is.
  }
  return "sv";
}

export const locale = $state<{ lang: Lang }>({ lang: initialLang() });

/** Switches the language, remembers it, and tells assistive technology. */
export function setLang(lang: Lang): void {
  locale.lang = lang;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Not persisted; the switch still applies to this session.
  }
  if (typeof document !== "undefined") document.documentElement.lang = lang;
}

/** Reads the stored language again (on start, and in tests). */
export function loadLang(): Lang {
  setLang(initialLang());
  return locale.lang;
}

/** The text for `key` in the current language, with `{name}` filled in. */
export function t(key: Key, params: Record<string, string | number> = {}): string {
  const text = DICTS[locale.lang][key] ?? sv[key];
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** Dates in the current language's style, in local time (Europe/Stockholm on staff machines). */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return "";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(locale.lang === "sv" ? "sv-SE" : "en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
  });
}
