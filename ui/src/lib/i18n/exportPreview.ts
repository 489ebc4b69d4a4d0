// The words of the export's preview and its period (issue 19). Merged into
// ../i18n.svelte.ts.

export const exportPreviewSv = {
  "export.period": "Period (valfri för en kanal eller nämnd)",
  "export.periodAll": "Period",
  "export.preview": "Förhandsgranska",
  "export.previewTitle": "Det här kommer paketet att innehålla",
  "export.previewPackage": "Arkivpaket: {snapshots} {snapshots|ögonblicksbild|ögonblicksbilder}, {removals} {removals|post|poster} om borttaget innehåll, {marks} skyddsmarkerade, filer på sammanlagt {size}",
  "export.previewMarkedPackage": "Paket med skyddsmarkerade handlingar: {snapshots} {snapshots|ögonblicksbild|ögonblicksbilder}, {removals} {removals|post|poster} om borttaget innehåll, filer på sammanlagt {size}",
  "export.previewRemoval": "Borttaget innehåll, borttaget {date}",
  "export.previewCol.channel": "Kanal",
  "export.previewCol.date": "Tagen",
  "export.previewCol.reason": "Anledning",
  "export.previewCol.status": "Status",
  "export.previewCol.pages": "Sidor",
  "export.previewMissing": "{n} {n|kanal saknar|kanaler saknar} en fullständig ögonblicksbild under perioden och dokumenteras inte av paketet:",
  "export.previewNoneMissing": "Alla kanaler i urvalet har en fullständig ögonblicksbild under perioden.",
  "export.noBoard": "utan nämnd",
  "export.previewEmpty": "Inget att paketera: ingen ögonblicksbild i urvalet.",
};

export const exportPreviewEn: Record<keyof typeof exportPreviewSv, string> = {
  "export.period": "Period (optional for a channel or board)",
  "export.periodAll": "Period",
  "export.preview": "Preview",
  "export.previewTitle": "What the package will hold",
  "export.previewPackage": "Archive package: {snapshots} {snapshots|snapshot|snapshots}, {removals} {removals|record|records} of removed content, {marks} marked, files of {size} in all",
  "export.previewMarkedPackage": "Package of marked items: {snapshots} {snapshots|snapshot|snapshots}, {removals} {removals|record|records} of removed content, files of {size} in all",
  "export.previewRemoval": "Removed item, removed {date}",
  "export.previewCol.channel": "Channel",
  "export.previewCol.date": "Taken",
  "export.previewCol.reason": "Reason",
  "export.previewCol.status": "Status",
  "export.previewCol.pages": "Pages",
  "export.previewMissing": "{n} {n|channel has|channels have} no complete snapshot in the period and {n|is|are} not documented by the package:",
  "export.previewNoneMissing": "Every channel of the selection has a complete snapshot in the period.",
  "export.noBoard": "no board",
  "export.previewEmpty": "Nothing to package: no snapshot in the selection.",
};
