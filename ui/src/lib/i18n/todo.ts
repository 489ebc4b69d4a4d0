// The words of Att göra (TodoView.svelte): what is due, and a run's results. Merged into the dictionaries of ../i18n.svelte.ts;
// every key of `todoSv` must exist in `todoEn` (the type says so).

export const todoSv = {
  "todo.title": "Att göra",
  "todo.intro": "Kanaler som ska tas nu eller är försenade, de mest brådskande först.",
  "todo.loading": "Räknar ut vilka kanaler som ska tas nu …",
  "todo.nothing": "Inget att göra just nu: alla kanaler är dokumenterade för perioden.",
  "todo.blackout": "Nu är det uppehåll ({label}): inga schemalagda ögonblicksbilder tas.",
  "todo.counts": "Att ta nu: {total} (i perioden: {due} · försenade: {overdue} · inför avveckling: {closure})",
  "todo.capture": "Ta ögonblicksbild nu",
  "todo.captureOf": "Ta ögonblicksbild nu av {name}",
  "todo.running": "Tar ögonblicksbild av {name} …",
  "todo.skipped": "Hoppade över {name}: {message}",
  "todo.lastGood": "Senaste fullständiga",
  "todo.captureAll": "Ta ögonblicksbilder av alla som ska tas nu",
  // Why a capture button is disabled while a job runs (busy.ts).
  "capture.busy": "En ögonblicksbild tas redan – vänta tills den är klar eller avbryt den.",
  "todo.runningAll": "Tar ögonblicksbilder av alla kanaler som ska tas nu …",
  "todo.noBoard": "(ingen nämnd)",
  "todo.noUnit": "(ingen enhet)",
  "todo.results": "Resultat",
};

export const todoEn: Record<keyof typeof todoSv, string> = {
  "todo.title": "To do",
  "todo.intro": "Channels to take now or overdue, the most urgent first.",
  "todo.loading": "Working out what is due …",
  "todo.nothing": "Nothing to do right now: every channel is documented for the period.",
  "todo.blackout": "This is a break ({label}): no scheduled snapshots are taken.",
  "todo.counts": "To take now: {total} (this period: {due} · overdue: {overdue} · before closing down: {closure})",
  "todo.capture": "Capture now",
  "todo.captureOf": "Capture {name} now",
  "todo.running": "Capturing {name} …",
  "todo.skipped": "Skipped {name}: {message}",
  "todo.lastGood": "Last complete",
  "todo.captureAll": "Capture every channel to take now",
  "capture.busy": "A snapshot is being taken – wait until it is done or cancel it.",
  "todo.runningAll": "Capturing every channel to take now …",
  "todo.noBoard": "(no board)",
  "todo.noUnit": "(no unit)",
  "todo.results": "Result",
};
