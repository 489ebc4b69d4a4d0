// Why a capture button is disabled: while a job runs the app takes one
// snapshot at a time, and a greyed-out button alone does not say so. The
// button gets the reason as its tooltip (title) and, for screen readers, as
// its accessible description (aria-describedby → BusyNote.svelte's text).
import { t } from "./i18n.svelte";

/** The attributes to spread on a button disabled by a running job; none while idle. */
export function busyAttrs(busy: boolean, noteId: string): { title: string | undefined; "aria-describedby": string | undefined } {
  return {
    title: busy ? t("capture.busy") : undefined,
    "aria-describedby": busy ? noteId : undefined,
  };
}
