// The words of what changed between snapshots (h-diff): the suggested major
// changes in Att göra. Merged into the dictionaries of ../i18n.svelte.ts;
// every key of `changesSv` must exist in `changesEn` (the type says so).

export const changesSv = {
  "changes.title": "Föreslagna stora förändringar",
  "changes.intro": "Jämförelsen med förra ögonblicksbilden tyder på att kanalens identitet har ändrats. Riktlinjerna kräver en ögonblicksbild vid stora förändringar.",
  "changes.suggestion": "Kanalen verkar ha ändrats: {what}",
  "changes.signal.title": "sidans titel",
  "changes.signal.address": "slutadressen",
  "changes.signal.header-text": "namn eller beskrivning",
  "changes.signal.header-image": "profil- eller omslagsbild",
  "changes.pages": "Sidor: {urls}",
  "changes.compared": "Jämförd med ögonblicksbilden {id}",
  "changes.note": "Beskriv förändringen",
  "changes.register": "Registrera stor förändring",
  "changes.registerOf": "Registrera stor förändring för {name}",
  "changes.dismiss": "Avfärda",
  "changes.dismissOf": "Avfärda förslaget för {name}",
  "changes.running": "Tar en ögonblicksbild vid stor förändring av {name} …",
  "changes.registered": "Den stora förändringen registrerades: ögonblicksbilden {id}.",
  "changes.dismissed": "Förslaget för {name} avfärdades.",
  "changes.noteMissing": "Skriv vad som ändrades innan du registrerar.",
  "changes.report.label": "Jämfört med förra",
  "changes.report.value": "ögonblicksbilden {id}: texten {text} % lika, {regions} ändrade områden",
} as const;

export type ChangesKey = keyof typeof changesSv;

export const changesEn: Record<ChangesKey, string> = {
  "changes.title": "Suggested major changes",
  "changes.intro": "The comparison with the previous snapshot suggests that the channel's identity has changed. The guidelines ask for a snapshot at major changes.",
  "changes.suggestion": "The channel seems to have changed: {what}",
  "changes.signal.title": "the page's title",
  "changes.signal.address": "the final address",
  "changes.signal.header-text": "name or description",
  "changes.signal.header-image": "profile or cover picture",
  "changes.pages": "Pages: {urls}",
  "changes.compared": "Compared with snapshot {id}",
  "changes.note": "Describe the change",
  "changes.register": "Register major change",
  "changes.registerOf": "Register a major change of {name}",
  "changes.dismiss": "Dismiss",
  "changes.dismissOf": "Dismiss the suggestion for {name}",
  "changes.running": "Taking a major-change snapshot of {name} …",
  "changes.registered": "The major change was registered: snapshot {id}.",
  "changes.dismissed": "The suggestion for {name} was dismissed.",
  "changes.noteMissing": "Write what changed before you register it.",
  "changes.report.label": "Compared with the previous",
  "changes.report.value": "snapshot {id}: text {text} % alike, {regions} changed regions",
};
