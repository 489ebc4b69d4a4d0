// The words of a channel's page (ChannelDetail.svelte). Merged into the dictionaries of ../i18n.svelte.ts;
// every key of `channelDetailSv` must exist in `channelDetailEn` (the type says so).

export const channelDetailSv = {
  "detail.back": "Tillbaka till kanalerna",
  "detail.loading": "Hämtar kanalen …",
  "detail.facts": "Uppgifter",
  "detail.urls": "Adresser",
  "detail.history": "Ögonblicksbilder",
  "detail.noHistory": "Inga ögonblicksbilder ännu.",
  "detail.reason": "Anledning",
  "detail.operator": "Tagen av",
  "detail.pagesOk": "{ok} av {n} {n|sida|sidor}",
  "detail.created": "Registrerad",
  "detail.closingStarted": "Avveckling påbörjad",
  "detail.closed": "Avvecklad",
  "detail.historyHelp": "{n} {n|ögonblicksbild|ögonblicksbilder}, den senaste först. Varje fil har en SHA-256-kontrollsumma.",
};

export const channelDetailEn: Record<keyof typeof channelDetailSv, string> = {
  "detail.back": "Back to the channels",
  "detail.loading": "Loading the channel …",
  "detail.facts": "Details",
  "detail.urls": "Addresses",
  "detail.history": "Snapshots",
  "detail.noHistory": "No snapshots yet.",
  "detail.reason": "Reason",
  "detail.operator": "Taken by",
  "detail.pagesOk": "{ok} of {n} {n|page|pages}",
  "detail.created": "Registered",
  "detail.closingStarted": "Closing down started",
  "detail.closed": "Closed down",
  "detail.historyHelp": "{n} {n|snapshot|snapshots}, latest first. Every file has a SHA-256 checksum.",
};
