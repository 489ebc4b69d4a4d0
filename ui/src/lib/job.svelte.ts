// The state of one long job (capture, export, verify, closure) as the UI
// shows it: a percentage, the current page and stage, and cancel. The
// desktop reports ProgressEvents over a Tauri Channel and stops on
// cancelJob(jobId).
import type { ProgressEvent } from "../bindings/ProgressEvent";
import type { Stage } from "../bindings/Stage";
import { api, newJobId } from "./api";
import { locale, t } from "./i18n.svelte";
import { renderMessage } from "./messages";
import { stageName } from "./vocab";

/** How often, and how many times, a cancel the desktop did not yet know the job for is asked again (5 s). */
const CANCEL_RETRY_MS = 200;
const CANCEL_TRIES = 25;

/** The stages of one page in the order they happen, for the share of a page that is done. */
const ORDER: readonly Stage[] = [
  "launching",
  "navigating",
  "consent",
  "scrolling",
  "slicing",
  "stitching",
  "printing",
  "pdf-a",
  "hashing",
  "storing",
  "packaging",
  "verifying",
  "done",
];

/**
 * A window event: the register changed (the background scheduler ran, or another desktop or the CLI changed it,
 * `register-changed`); views read their data again in place.
 */
export const REFRESH_EVENT = "ogonblick:refresh";

export class Job {
  readonly jobId: string = newJobId();
  /** What the job does, e.g. "Tar ögonblicksbild av …". */
  label: string;
  total = $state(0);
  done = $state(0);
  /** Index of the item (page, file) being worked on. */
  index = $state(0);
  stage = $state<Stage | null>(null);
  /** The item's label (a page address, a file name) and stage detail. */
  item = $state("");
  detail = $state("");
  bytes = $state<{ done: number; total: number } | null>(null);
  failedItems = $state<string[]>([]);
  cancelling = $state(false);
  finished = $state(false);

  constructor(label: string) {
    this.label = label;
  }

  /** The callback to hand to a wrapper in api.ts. */
  readonly onEvent = (e: ProgressEvent): void => {
    switch (e.kind) {
      case "started":
        this.total = e.total;
        this.done = 0;
        break;
      case "stage":
        this.index = e.index;
        this.item = e.label;
        this.stage = e.stage;
        this.detail = e.detail ? renderMessage(e.detail, locale.lang) : "";
        break;
      case "item-done":
        this.done = Math.max(this.done, e.index + 1);
        if (!e.ok) {
          const why = e.why ? renderMessage(e.why, locale.lang) : e.message;
          this.failedItems.push(why ? `${e.label}: ${why}` : e.label);
        }
        break;
      case "bytes":
        this.bytes = { done: e.done, total: e.total };
        break;
      case "finished":
        this.finished = true;
        this.stage = "done";
        break;
    }
  };

  /** 0–100: whole items done plus the share of the current item's stages. */
  get percent(): number {
    if (this.finished) return 100;
    if (this.bytes && this.bytes.total > 0 && this.total === 0) {
      return Math.min(100, Math.round((100 * this.bytes.done) / this.bytes.total));
    }
    if (this.total <= 0) return 0;
    const within = this.stage && this.index >= this.done ? ORDER.indexOf(this.stage) / ORDER.length : 0;
    return Math.min(100, Math.round((100 * (this.done + within)) / this.total));
  }

  /** One line for the live region: "Sida 2 av 3: https://… – rullar igenom sidan (del 3 av 12)". */
  get text(): string {
    if (this.finished) return stageName("done");
    if (this.stage === null) return t("job.starting");
    const of = this.total > 0 ? t("job.itemOf", { n: Math.min(this.index + 1, this.total), total: this.total }) : "";
    const detail = this.detail ? ` (${this.detail})` : "";
    return `${of}${of ? ": " : ""}${this.item} – ${stageName(this.stage)}${detail}`;
  }

  /**
   * Asks the desktop to stop the job. Avbryt pressed at once can reach the desktop before the job's start has
   * (the bar is drawn when the job is asked for): the desktop then knows no such job and says so, and the
   * request is made again, every CANCEL_RETRY_MS for CANCEL_TRIES tries, instead of being lost while the job
   * runs on to its end.
   */
  async cancel(): Promise<void> {
    this.cancelling = true;
    for (let tries = 0; tries < CANCEL_TRIES && !this.finished; tries++) {
      try {
        if (await api.cancelJob(this.jobId)) return;
      } catch {
        // The job may have ended meanwhile; its own result tells what happened.
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, CANCEL_RETRY_MS));
    }
  }
}
