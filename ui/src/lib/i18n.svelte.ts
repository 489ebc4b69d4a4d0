// A tiny typed dictionary: Swedish is the default, English the option. The
// choice is kept in localStorage. Every key of `sv` must exist in `en` (the
// type checker enforces it).

export type Lang = "sv" | "en";
export const LANGS: readonly Lang[] = ["sv", "en"];
const STORAGE_KEY = "ogonblick.lang";

import { archiveEn, archiveSv } from "./i18n/archive";
import { recordsEn, recordsSv } from "./i18n/records";
import { removalsEn, removalsSv } from "./i18n/removals";
import { firstRunEn, firstRunSv } from "./i18n/firstrun";
import { overviewEn, overviewSv } from "./i18n/overview";
import { closureEn, closureSv } from "./i18n/closure";
import { changesEn, changesSv } from "./i18n/changes";
import { comparisonEn, comparisonSv } from "./i18n/comparison";
import { rolesEn, rolesSv } from "./i18n/roles";
import { orgBulkEn, orgBulkSv } from "./i18n/orgBulk";
import { reportEn, reportSv } from "./i18n/report";
import { settingsEn, settingsSv } from "./i18n/settings";
import { exportEn, exportSv } from "./i18n/export";
import { addChannelEn, addChannelSv } from "./i18n/addChannel";
import { todoEn, todoSv } from "./i18n/todo";
import { channelDetailEn, channelDetailSv } from "./i18n/channelDetail";
import { exportPreviewEn, exportPreviewSv } from "./i18n/exportPreview";
import { closeEn, closeSv } from "./i18n/close";
import { diffEn, diffSv } from "./i18n/diff";
import { pagingEn, pagingSv } from "./i18n/paging";
import { sharedEn, sharedSv } from "./i18n/shared";
// format.ts reads `locale` from here: the cycle is safe, both are used only when called.
import { formatNumber } from "./format";

const sv = {
  ...sharedSv,
  ...removalsSv,
  ...firstRunSv,
  ...overviewSv,
  ...closureSv,
  ...changesSv,
  ...comparisonSv,
  ...rolesSv,
  ...orgBulkSv,
  ...archiveSv,
  ...recordsSv,
  ...reportSv,
  ...settingsSv,
  ...exportSv,
  ...addChannelSv,
  ...todoSv,
  ...channelDetailSv,
  ...exportPreviewSv,
  ...closeSv,
  ...diffSv,
  ...pagingSv,
  "app.name": "Ögonblick",
  "app.tagline": "Ögonblicksbilder av kommunens sociala medier för e-arkivet",
  "nav.label": "Huvudmeny",
  "nav.channels": "Kanaler",
  "nav.add": "Lägg till kanal",
  "lang.label": "Språk",
  "lang.sv": "Svenska",
  "lang.en": "English",
  "skip": "Hoppa till innehållet",
  "footer.dataDir": "Datamapp",
  "footer.operator": "Användare",
  "footer.version": "Version",

  "channels.title": "Kanaler",
  "channels.intro": "Förteckning över kommunens officiella kanaler i sociala medier.",
  "channels.loading": "Hämtar kanaler …",
  "channels.empty": "Inga kanaler ännu. Lägg till den första kanalen för att börja ta ögonblicksbilder.",
  "channels.count": "{n} {n|kanal|kanaler}",
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


  "policy.half-yearly": "Varje halvår",
  "policy.yearly": "En gång om året",
  "policy.manual": "Bara manuellt",
  "status.active": "Aktiv",
  "status.closing": "Under avveckling",
  "status.closed": "Avvecklad",
  "snapshot.complete": "Fullständig",
  "snapshot.partial": "Ofullständig",
  "snapshot.failed": "Misslyckad",
  "platform.other": "Annan",
  "platform.blog": "Blogg",

  "error.invalid_input": "Uppgifterna behöver rättas",
  "error.not_found": "Hittades inte",
  "error.conflict": "Det går inte just nu",
  "error.cancelled": "Avbrutet",
  "error.cancelledSentence": "Avbrutet. Det som redan var klart finns kvar; inget halvfärdigt har sparats.",
  "error.environment": "Något i datorns miljö hindrar Ögonblick",
  "error.internal": "Ett fel i Ögonblick (rapportera gärna det)",
  "error.sentence": "{kind}: {message}",
  "error.unknown": "Okänt fel",
  "nav.todo": "Att göra",
  "due.not-due": "Dokumenterad för perioden",
  "due.due": "Ska tas nu",
  "due.overdue": "Försenad",
  "due.closure-due": "Slutlig bild inför avveckling",
  "due.closed": "Avvecklad",
  "due.manual": "Bara manuellt",
  "stage.launching": "startar webbläsaren",
  "stage.navigating": "öppnar sidan",
  "stage.consent": "hanterar samtyckesruta",
  "stage.scrolling": "rullar igenom sidan",
  "stage.slicing": "tar skärmbilder i delar",
  "stage.stitching": "sätter ihop bilden",
  "stage.printing": "skriver ut PDF",
  "stage.pdf-a": "gör PDF/A",
  "stage.hashing": "beräknar kontrollsummor",
  "stage.storing": "sparar",
  "stage.packaging": "paketerar",
  "stage.verifying": "kontrollerar",
  "stage.done": "klar",
  "reason.half-yearly": "Halvårsvis",
  "reason.yearly": "Årsvis",
  "reason.major-change": "Större förändring",
  "reason.pre-closure": "Inför avveckling",
  "reason.ad-hoc": "Vid behov",
  "reason.single-item": "Enskild adress",
  "nav.overview": "Översikt",
  "nav.export": "Export",
  "nav.settings": "Inställningar",
  "job.cancel": "Avbryt",
  "job.cancelling": "Avbryter …",
  "job.busy": "Arbete pågår – vänta tills det är klart eller avbryt det.",
  "job.itemOf": "Sida {n} av {total}",
  "job.starting": "Startar …",
  "thumb.none": "Ingen miniatyrbild",
  "edit.title": "Ändra uppgifter",
  "edit.button": "Ändra uppgifter",
  "edit.save": "Spara ändringar",
  "edit.saved": "Uppgifterna för ”{name}” är sparade.",
  "major.title": "Registrera större förändring",
  "major.help": "Enligt riktlinjerna ska en ögonblicksbild tas vid större förändringar, t.ex. nytt namn, nytt syfte eller ändrade kommenteringsregler. Beskriv förändringen; texten sparas med ögonblicksbilden.",
  "major.note": "Vad har förändrats?",
  "major.button": "Registrera större förändring",
  "major.needNote": "Beskriv förändringen innan ögonblicksbilden tas.",
  "major.running": "Tar ögonblicksbild av förändringen i {name} …",
  "login.title": "Logga in på plattformen",
  "login.help": "Vissa plattformar visar bara innehållet för inloggade. Knappen öppnar en synlig webbläsare med organisationens profil på kanalens första adress. Logga in där med kanalens konto och stäng sedan webbläsaren; kommande ögonblicksbilder använder inloggningen.",
  "login.button": "Logga in på plattformen",
  "login.opened": "Webbläsaren har öppnats. Logga in och stäng den sedan innan nästa ögonblicksbild tas.",
  "single.title": "Fånga en enskild adress",
  "single.help": "Fånga ett enskilt inlägg, en kommentarstråd eller en bild nu, till exempel innan du tar bort det. Adressen behöver inte vara en av kanalens adresser. Innehåll bakom inloggning fångas med organisationens profil. Bilden räknas inte som kanalens regelbundna ögonblicksbild.",
  "single.url": "Adress",
  "single.reason": "Anledning",
  "single.note": "Anteckning (valfri)",
  "single.button": "Fånga adressen",
  "single.needUrl": "Skriv adressen till inlägget, tråden eller bilden, t.ex. https://www.facebook.com/kommunen/posts/123.",
  "single.running": "Fångar {url} …",
  "single.address": "Enskild adress: {url}",
  "audit.title": "Händelselogg",
  "audit.caption": "Händelser för kanalen, den senaste först",
  "audit.empty": "Inga händelser ännu.",
  "audit.when": "När",
  "audit.who": "Vem",
  "audit.what": "Vad",
  "audit.detail": "Detaljer",
  "action.channel.add": "Kanalen registrerades",
  "action.channel.edit": "Uppgifterna ändrades",
  "action.closure.start": "Avveckling påbörjades",
  "action.closure.complete": "Kanalen avvecklades",
  "action.closure.note": "Anteckning om avveckling",
  "action.closure.review": "Ögonblicksbilden granskades",
  "action.snapshot.commit": "Ögonblicksbild sparad",
  "action.snapshot.failed": "Ögonblicksbild misslyckades",
  "action.package.export": "Arkivpaket exporterat",
  "action.package.verify": "Arkivpaket kontrollerat",
  "action.browser.login": "Inloggningsfönster öppnat",
  "action.register.export": "Förteckningen exporterad",
  "action.register.import": "Förteckningen importerad",
  "action.settings.set": "Inställningar ändrade",
  "action.store.reindex": "Förteckningen återskapad från filerna",
  "filter.label": "Filtrera",
  "filter.text": "Sök",
  "filter.all": "Alla",
  "filter.clear": "Visa alla",
  "filter.none": "Inga kanaler stämmer med filtret.",
  "csv.title": "Importera och exportera (CSV)",
  "csv.help": "Förteckningen kan läsas in från och sparas som en CSV-fil (t.ex. från Excel). Vid import läses alla rader in eller ingen.",
  "csv.import": "Importera från CSV",
  "csv.titleExport": "Exportera (CSV)",
  "csv.helpExport": "Förteckningen kan sparas som en CSV-fil (t.ex. för Excel).",
  "csv.export": "Exportera till CSV",
  "csv.delimiter": "Avgränsare",
  "csv.semicolon": "Semikolon (Excel, svenska)",
  "csv.comma": "Komma",
  "import.done": "Importerade kanaler: {n} (från {path}).",
  "import.row": "Rad {n}: ",
  "import.rowsLabel": "Rader som behöver rättas",
  "verify.ok": "Paketet {objid} är kontrollerat: alla {n} filer stämmer med sina kontrollsummor och inga fel hittades.",
  "verify.bad": "Paketet {objid} har {n} fel och bör inte levereras. Exportera det igen och kontrollera på nytt.",
  "verify.schemas": "XML-filerna har validerats mot sina scheman.",
  "verify.noSchemas": "XML-filerna har inte validerats mot scheman (xmllint saknas på datorn).",
  "verify.snapshots": "Paketet innehåller {n} {n|ögonblicksbild|ögonblicksbilder}.",
  "verify.expectedFound": "väntat {expected}, hittat {found}",
  "overview.title": "Översikt",
  "overview.intro": "Täckning per nämnd och enhet: senaste fullständiga ögonblicksbild, när nästa behövs, försenade och misslyckade.",
  "overview.loading": "Hämtar översikten …",
  "overview.at": "Läget {at}",
  "overview.none": "Inga kanaler stämmer med filtret.",
  "overview.lastGood": "Senaste fullständiga",
  "overview.nextDue": "Nästa",
  "overview.missed": "Missade perioder",
  "overview.failures": "Misslyckade sedan dess",
  "overview.dueNow": "Nu",
  "overview.dueNowBy": "Nu, senast {day}",
  "overview.from": "Från {day}",
  "overview.withFailures": "Med misslyckade",
  "overview.timeline": "Tidslinje för {name}",
  "overview.thumbAlt": "{name}, {when}",
  "scheduler.running": "Automatisk körning: {n} {n|kanal|kanaler} …",
  "scheduler.runningNow": "En automatisk körning pågår.",
  "scheduler.done": "Automatisk körning klar – {summary}.",
  "scheduler.failed": "Automatisk körning misslyckades: {message}",
  "scheduler.dismiss": "Stäng",
  "scheduler.todo": "Visa Att göra",
  "scheduler.autoOn": "Automatiska ögonblicksbilder: på",
  "scheduler.autoOff": "Automatiska ögonblicksbilder: av (bara påminnelser)",
  "scheduler.next": "nästa kontroll {at}",
} as const;

export type Key = keyof typeof sv;

const en: Record<Key, string> = {
  ...sharedEn,
  ...removalsEn,
  ...firstRunEn,
  ...overviewEn,
  ...closureEn,
  ...changesEn,
  ...comparisonEn,
  ...rolesEn,
  ...orgBulkEn,
  ...archiveEn,
  ...recordsEn,
  ...reportEn,
  ...settingsEn,
  ...exportEn,
  ...addChannelEn,
  ...todoEn,
  ...channelDetailEn,
  ...exportPreviewEn,
  ...closeEn,
  ...diffEn,
  ...pagingEn,
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
  "footer.operator": "User",
  "footer.version": "Version",

  "channels.title": "Channels",
  "channels.intro": "Register of the municipality's official social-media channels.",
  "channels.loading": "Loading channels …",
  "channels.empty": "No channels yet. Add the first channel to start taking snapshots.",
  "channels.count": "{n} {n|channel|channels}",
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


  "policy.half-yearly": "Every half year",
  "policy.yearly": "Once a year",
  "policy.manual": "Manual only",
  "status.active": "Active",
  "status.closing": "Being closed down",
  "status.closed": "Closed down",
  "snapshot.complete": "Complete",
  "snapshot.partial": "Partial",
  "snapshot.failed": "Failed",
  "platform.other": "Other",
  "platform.blog": "Blog",

  "error.invalid_input": "The details need correcting",
  "error.not_found": "Not found",
  "error.conflict": "That cannot be done now",
  "error.cancelled": "Cancelled",
  "error.cancelledSentence": "Cancelled. What was already finished is kept; nothing half-done was saved.",
  "error.environment": "Something on this computer stops Ögonblick",
  "error.internal": "A fault in Ögonblick (please report it)",
  "error.sentence": "{kind}: {message}",
  "error.unknown": "Unknown error",
  "nav.todo": "To do",
  "due.not-due": "Documented for the period",
  "due.due": "To take now",
  "due.overdue": "Overdue",
  "due.closure-due": "Final snapshot before closing down",
  "due.closed": "Closed down",
  "due.manual": "Manual only",
  "stage.launching": "starting the browser",
  "stage.navigating": "opening the page",
  "stage.consent": "handling a consent dialog",
  "stage.scrolling": "scrolling through the page",
  "stage.slicing": "capturing in slices",
  "stage.stitching": "stitching the image",
  "stage.printing": "printing the PDF",
  "stage.pdf-a": "making the PDF/A",
  "stage.hashing": "computing checksums",
  "stage.storing": "storing",
  "stage.packaging": "packaging",
  "stage.verifying": "verifying",
  "stage.done": "done",
  "reason.half-yearly": "Half-yearly",
  "reason.yearly": "Yearly",
  "reason.major-change": "Major change",
  "reason.pre-closure": "Before closing down",
  "reason.ad-hoc": "Ad hoc",
  "reason.single-item": "Single address",
  "nav.overview": "Overview",
  "nav.export": "Export",
  "nav.settings": "Settings",
  "job.cancel": "Cancel",
  "job.cancelling": "Cancelling …",
  "job.busy": "Work is in progress – wait until it is done or cancel it.",
  "job.itemOf": "Page {n} of {total}",
  "job.starting": "Starting …",
  "thumb.none": "No thumbnail",
  "edit.title": "Edit details",
  "edit.button": "Edit details",
  "edit.save": "Save changes",
  "edit.saved": "The details of “{name}” are saved.",
  "major.title": "Register a major change",
  "major.help": "The guidelines ask for a snapshot at major changes, e.g. a new name, a new purpose or changed commenting rules. Describe the change; the text is stored with the snapshot.",
  "major.note": "What has changed?",
  "major.button": "Register major change",
  "major.needNote": "Describe the change before the snapshot is taken.",
  "major.running": "Capturing the change of {name} …",
  "login.title": "Sign in to the platform",
  "login.help": "Some platforms show content only when signed in. The button opens a visible browser with the organisation's profile at the channel's first address. Sign in there with the channel's account, then close the browser; later snapshots use the sign-in.",
  "login.button": "Sign in to the platform",
  "login.opened": "The browser is open. Sign in, then close it before the next snapshot is taken.",
  "single.title": "Capture a single address",
  "single.help": "Capture one post, comment thread or image now, for example before you remove it. The address need not be one of the channel's addresses. Content behind a login is captured with the organisation's profile. The capture does not count as the channel's regular snapshot.",
  "single.url": "Address",
  "single.reason": "Reason",
  "single.note": "Note (optional)",
  "single.button": "Capture the address",
  "single.needUrl": "Enter the address of the post, thread or image, e.g. https://www.facebook.com/kommunen/posts/123.",
  "single.running": "Capturing {url} …",
  "single.address": "Single address: {url}",
  "audit.title": "Audit log",
  "audit.caption": "Events of the channel, latest first",
  "audit.empty": "No events yet.",
  "audit.when": "When",
  "audit.who": "Who",
  "audit.what": "What",
  "audit.detail": "Details",
  "action.channel.add": "Channel registered",
  "action.channel.edit": "Details changed",
  "action.closure.start": "Closure started",
  "action.closure.complete": "Channel closed",
  "action.closure.note": "Closure note",
  "action.closure.review": "Snapshot reviewed",
  "action.snapshot.commit": "Snapshot stored",
  "action.snapshot.failed": "Snapshot failed",
  "action.package.export": "Archive package exported",
  "action.package.verify": "Archive package verified",
  "action.browser.login": "Sign-in browser opened",
  "action.register.export": "Register exported",
  "action.register.import": "Register imported",
  "action.settings.set": "Settings changed",
  "action.store.reindex": "Register rebuilt from the files",
  "filter.label": "Filter",
  "filter.text": "Search",
  "filter.all": "All",
  "filter.clear": "Show all",
  "filter.none": "No channel matches the filter.",
  "csv.title": "Import and export (CSV)",
  "csv.help": "The register can be read from and saved as a CSV file (e.g. from Excel). An import takes all rows or none.",
  "csv.import": "Import from CSV",
  "csv.titleExport": "Export (CSV)",
  "csv.helpExport": "The register can be saved as a CSV file (e.g. for Excel).",
  "csv.export": "Export to CSV",
  "csv.delimiter": "Delimiter",
  "csv.semicolon": "Semicolon (Excel, Swedish)",
  "csv.comma": "Comma",
  "import.done": "Channels imported: {n} (from {path}).",
  "import.row": "Row {n}: ",
  "import.rowsLabel": "Rows that need correcting",
  "verify.ok": "The package {objid} is verified: all {n} files match their checksums and no problems were found.",
  "verify.bad": "The package {objid} has {n} problems and should not be delivered. Export it again and verify anew.",
  "verify.schemas": "The XML files were validated against their schemas.",
  "verify.noSchemas": "The XML files were not validated against schemas (xmllint is missing on this computer).",
  "verify.snapshots": "The package holds {n} {n|snapshot|snapshots}.",
  "verify.expectedFound": "expected {expected}, found {found}",
  "overview.title": "Overview",
  "overview.intro": "Coverage per board and unit: the last complete snapshot, when the next is needed, overdue and failed ones.",
  "overview.loading": "Loading the overview …",
  "overview.at": "As of {at}",
  "overview.none": "No channel matches the filter.",
  "overview.lastGood": "Last complete",
  "overview.nextDue": "Next",
  "overview.missed": "Missed periods",
  "overview.failures": "Failures since",
  "overview.dueNow": "Now",
  "overview.dueNowBy": "Now, by {day}",
  "overview.from": "From {day}",
  "overview.withFailures": "With failures",
  "overview.timeline": "Timeline of {name}",
  "overview.thumbAlt": "{name}, {when}",
  "scheduler.running": "Automatic run: {n} {n|channel|channels} …",
  "scheduler.runningNow": "An automatic run is in progress.",
  "scheduler.done": "Automatic run finished – {summary}.",
  "scheduler.failed": "Automatic run failed: {message}",
  "scheduler.dismiss": "Dismiss",
  "scheduler.todo": "Show To do",
  "scheduler.autoOn": "Automatic snapshots: on",
  "scheduler.autoOff": "Automatic snapshots: off (reminders only)",
  "scheduler.next": "next check {at}",
};

const DICTS: Record<Lang, Record<Key, string>> = { sv, en };

/** Every key of the dictionaries (a test checks that each one is used). */
export const KEYS = Object.keys(sv) as Key[];

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
  // `{n}` is replaced by the parameter; `{n|one|many}` by the word that fits
  // the number (both Swedish and English have one singular form). The word
  // is chosen on the number itself, before it is written for reading.
  return text.replace(/\{(\w+)(?:\|([^|}]*)\|([^}]*))?\}/g, (whole, name: string, one?: string, many?: string) => {
    if (!(name in params)) return whole;
    const value = params[name];
    if (one !== undefined && many !== undefined) return Number(value) === 1 ? one : many;
    return typeof value === "number" ? formatCount(value) : String(value);
  });
}

/**
 * A number in a sentence, grouped as the language writes it ("2 000" with a
 * no-break space in Swedish, "2,000" in English), so that long counts read
 * at a glance; decimals are kept as given, not rounded.
 */
function formatCount(n: number): string {
  return Number.isFinite(n) ? formatNumber(n, 20) : String(n);
}

/** Dates in the current language's style, in local time (Europe/Stockholm on staff machines). */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return "";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const tag = locale.lang === "sv" ? "sv-SE" : "en-GB";
  let f = dateTimeFormats.get(tag);
  if (f === undefined) {
    f = new Intl.DateTimeFormat(tag, { dateStyle: "long", timeStyle: "short" });
    dateTimeFormats.set(tag, f);
  }
  return f.format(d);
}

/** One formatter per language: a list of hundreds of dates (Översikt's page) would otherwise make one per date. */
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
