// The views bench/desktop opens, in the order it opens them, and how it
// knows each one is shown. Every selector the benchmark depends on is here,
// so a change of the UI's markup is one edit.
//
// A view is shown when every `all` selector matches and, if `any` is given,
// at least one `any` selector does (`anyWhenEmpty` replaces `any` on a store
// without channels). Each view waits for its heading plus its first row or its
// empty state (elements that exist whether or not the list is paged), never
// for a fixed time. `click` is the element the benchmark clicks; `needs`
// names a view that must be open first (its first channel's link).

const todo = "section[aria-labelledby=todo-title]";
const channels = "section[aria-labelledby=channels-title]";
const overview = "section[aria-labelledby=overview-title]";

export const VIEWS = [
  {
    key: "channels",
    name: "Kanaler",
    click: 'header nav a[href="#/kanaler"]',
    all: ["#channels-title"],
    any: [`${channels} tbody tr[data-channel-id]`],
    anyWhenEmpty: [`${channels} p.empty`],
  },
  {
    key: "channel",
    name: "Kanalsida med historik",
    needs: "channels",
    // The first channel of Kanaler's list; a store without channels has none.
    click: `${channels} tbody tr[data-channel-id] a.name`,
    all: ["main h1#detail-title[data-channel-id]", "main [data-testid=next-due]"],
    any: ["main article.snapshot[data-snapshot-id]"],
    skipWhenEmpty: true,
  },
  {
    key: "overview",
    name: "Översikt",
    click: 'header nav a[href="#/oversikt"]',
    all: ["#overview-title", `${overview} [data-testid=overview-table]`],
    any: [`${overview} ul.rows > li`],
    anyWhenEmpty: [`${overview} #ov-list + p`],
  },
  {
    key: "export",
    name: "Export",
    click: 'header nav a[href="#/export"]',
    // The channel chooser, filled from the register.
    all: ["#export-title", "#ex-channel"],
    any: ['#ex-channel option:not([value=""])'],
    anyWhenEmpty: [],
  },
  {
    key: "settings",
    name: "Inställningar",
    click: 'header nav a[href="#/installningar"]',
    all: ["#settings-title", "#org-title", "#pkg-title", "#schedule-title", "#auto-title"],
  },
  {
    // Last, so every round ends on the start view (and the next round's
    // first click changes the view).
    key: "todo",
    name: "Att göra",
    click: 'header nav a[href="#/att-gora"]',
    all: ["#todo-title"],
    any: [`${todo} ul.todo > li[data-channel-id]`, `${todo} p.empty`],
  },
];

/** The start view, open when the app has started (Att göra). */
export const START = VIEWS.find((v) => v.key === "todo");

/** The selectors that say `view` is shown, for a store with or without channels. */
export function readiness(view, hasChannels) {
  const any = hasChannels ? (view.any ?? []) : (view.anyWhenEmpty ?? view.any ?? []);
  return { all: view.all, any };
}
