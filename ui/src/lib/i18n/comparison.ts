// The words of the comparison thresholds in Inställningar (h-win). Merged
// into the dictionaries of ../i18n.svelte.ts; every key of `comparisonSv`
// must exist in `comparisonEn` (the type says so).

export const comparisonSv = {
  "comparison.title": "Jämförelser: när en större förändring föreslås",
  "comparison.help":
    "Varje ny ögonblicksbild jämförs med kanalens förra. Gränserna avgör när jämförelsen föreslår en större förändring i Att göra. Standardvärdena är avstämda mot testsidorna; ändringen gäller jämförelser som görs från nu.",
  "comparison.headerHeight": "Höjd på det övre fältet som jämförs som kanalens identitet (bildpunkter, 16–4000)",
  "comparison.tileSize": "Rutstorlek för bildjämförelsen (bildpunkter, 8–512)",
  "comparison.tileDistance": "Bitar en rutas bild får skilja sig innan rutan räknas som ändrad (0–64)",
  "comparison.colourDistance": "Färgändring en ruta får ha innan den räknas som ändrad (0–255)",
  "comparison.headerTiles": "Ändrade rutor i det övre fältet som föreslår en större förändring (1–1000)",
  "comparison.headerTextSimilarity": "Likhet för det övre fältets text under vilken en större förändring föreslås (0–1)",
  "comparison.rulesPageTextSimilarity":
    "Likhet för texten på en om- eller regelsida (kanalens övriga adresser) under vilken en större förändring föreslås (0–1)",
  "comparison.save": "Spara jämförelserna",
  "comparison.missing": "Fyll i ett tal i varje fält.",
} as const;

export type ComparisonKey = keyof typeof comparisonSv;

export const comparisonEn: Record<ComparisonKey, string> = {
  "comparison.title": "Comparisons: when a major change is suggested",
  "comparison.help":
    "Every new snapshot is compared with the channel's previous one. These thresholds decide when a comparison suggests a major change in Att göra. The defaults are tuned on the test pages; a change applies to comparisons made from now on.",
  "comparison.headerHeight": "Height of the top band compared as the channel's identity (pixels, 16–4000)",
  "comparison.tileSize": "Tile size of the picture comparison (pixels, 8–512)",
  "comparison.tileDistance": "Bits a tile's picture may differ before the tile counts as changed (0–64)",
  "comparison.colourDistance": "Colour change a tile may have before it counts as changed (0–255)",
  "comparison.headerTiles": "Changed tiles in the top band that suggest a major change (1–1000)",
  "comparison.headerTextSimilarity": "Similarity of the top band's text below which a major change is suggested (0–1)",
  "comparison.rulesPageTextSimilarity":
    "Similarity of an about or rules page's text (the channel's other addresses) below which a major change is suggested (0–1)",
  "comparison.save": "Save the comparisons",
  "comparison.missing": "Fill in a number in every field.",
};
