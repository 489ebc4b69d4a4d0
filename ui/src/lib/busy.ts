// Why a button is disabled: a greyed-out button alone does not say so. The
// button gets the reason as its tooltip (title) and, for screen readers, as
// its accessible description (aria-describedby → a BusyNote.svelte with the
// same text). While a capture runs the app takes one snapshot at a time
// (busyAttrs); other reasons go through whyDisabled.
import { t } from "./i18n.svelte";

type Why = { title: string | undefined; "aria-describedby": string | undefined };

/** The attributes to spread on a button disabled for `why` (none while it is enabled, `why` null). */
export function whyDisabled(why: string | null, noteId: string): Why {
  return { title: why ?? undefined, "aria-describedby": why === null ? undefined : noteId };
}

/** The attributes to spread on a button disabled by a running capture; none while idle. */
export function busyAttrs(busy: boolean, noteId: string): Why {
  return whyDisabled(busy ? t("capture.busy") : null, noteId);
}
