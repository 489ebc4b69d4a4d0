// The words of two snapshots shown as an overlay (h-diff). Merged into the
// dictionaries of ../i18n.svelte.ts; every key of `diffSv` must exist in
// `diffEn` (the type says so).

export const diffSv = {
  "diff.view": "Visning",
  "diff.sideBySide": "Sida vid sida",
  "diff.overlay": "Överlagrade",
  "diff.overlayCaption": "Den nyare bilden över den äldre, ändrade områden markerade",
  "diff.opacity": "Den nyare bildens synlighet ({value} %)",
  "diff.showOlder": "Visa bara den äldre bilden",
  "diff.regions": "{shown} ändrade områden markerade, varav {header} i det övre fältet (kanalens namn, bilder och beskrivning).",
  "diff.regionsBelow": "{n} ändrade områden längre ned på sidan syns inte i bilden, som visar sidans överdel.",
} as const;

export type DiffKey = keyof typeof diffSv;

export const diffEn: Record<DiffKey, string> = {
  "diff.view": "View",
  "diff.sideBySide": "Side by side",
  "diff.overlay": "Overlay",
  "diff.overlayCaption": "The newer picture over the older one, changed regions marked",
  "diff.opacity": "Visibility of the newer picture ({value} %)",
  "diff.showOlder": "Show only the older picture",
  "diff.regions": "{shown} changed regions marked, {header} of them in the top band (the channel's name, pictures and description).",
  "diff.regionsBelow": "{n} changed regions further down the page are not in the picture, which shows the top of the page.",
};
