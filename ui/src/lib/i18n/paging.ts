// The words of the paging controls (Pager.svelte) under the long lists: Att göra, Kanaler, Översikt and a
// channel's history. Merged into the dictionaries of ../i18n.svelte.ts; every key of `pagingSv` must exist in
// `pagingEn` (the type says so).

export const pagingSv = {
  "paging.label": "Sidor: {what}",
  "paging.previous": "Föregående sida",
  "paging.next": "Nästa sida",
  "paging.first": "Första sidan",
  "paging.last": "Sista sidan",
  "paging.status": "Sida {page} av {pages} · visar {from}–{to} av {total}",
};

export const pagingEn: Record<keyof typeof pagingSv, string> = {
  "paging.label": "Pages: {what}",
  "paging.previous": "Previous page",
  "paging.next": "Next page",
  "paging.first": "First page",
  "paging.last": "Last page",
  "paging.status": "Page {page} of {pages} · showing {from}–{to} of {total}",
};
