import { mockIPC } from "@tauri-apps/api/mocks";
import type { ClosureStatus } from "../bindings/ClosureStatus";
import type { ChangeSuggestion } from "../bindings/ChangeSuggestion";
import type { Channel } from "../bindings/Channel";
import type { ChannelSummary } from "../bindings/ChannelSummary";
import type { AuditLine } from "../bindings/AuditLine";
import type { DueEntry } from "../bindings/DueEntry";
import type { DueReport } from "../bindings/DueReport";
import type { PageRecord } from "../bindings/PageRecord";
import type { Snapshot } from "../bindings/Snapshot";
import type { VerifyReport } from "../bindings/VerifyReport";
import type { CoverageReport, CoverageRow } from "../lib/api";

export function channel(overrides: Partial<Channel> = {}): Channel {
  return {
    id: 1,
    name: "Nacka kommun på Facebook",
    platform: "facebook",
    urls: ["https://www.facebook.com/nackakommun"],
    board: "Kommunstyrelsen",
    unit: "Kommunikationsenheten",
    responsible: "Åsa Öberg",
    substitute: "Erik Ek",
    purpose: null,
    audience: null,
    policy: null,
    status: "active",
    created_at: "2026-03-01T09:00:00Z",
    closing_started_at: null,
    closed_at: null,
    notes: null,
    ...overrides,
  };
}

export function summary(c: Channel, overrides: Partial<ChannelSummary> = {}): ChannelSummary {
  return {
    channel: c,
    last_snapshot_at: null,
    last_snapshot_status: null,
    last_complete_at: null,
    snapshot_count: 0,
    ...overrides,
  };
}


export function page(overrides: Partial<PageRecord> = {}): PageRecord {
  return {
    url: "https://www.facebook.com/nackakommun",
    ok: true,
    error: null,
    files: [
      { role: "png", path: "page-01.png", sha256: "a".repeat(64), size: 2_500_000, media_type: "image/png" },
      { role: "pdf", path: "page-01.pdf", sha256: "b".repeat(64), size: 800_000, media_type: "application/pdf" },
    ],
    report: {
      final_url: "https://www.facebook.com/nackakommun/",
      http_status: 200,
      title: "Nacka kommun | Facebook",
      page_width: 1280,
      page_height: 9000,
      slices: 5,
      pdf_pages: 7,
      images_failed: ["https://cdn.example/a.jpg"],
      requests_failed: [],
      walls_detected: [],
      consent_clicked: ["Tillåt alla cookies"],
      truncated: null,
      duration_ms: 12_300,
      warnings: [],
    },
    provenance: {
      started_at: "2026-04-02T08:30:00Z",
      finished_at: "2026-04-02T08:30:12Z",
      operator: "asa",
      tool: "ogonblick",
      tool_version: "0.1.0",
      browser_version: "Chromium 120",
      user_agent: "Mozilla/5.0",
      viewport_width: 1280,
      viewport_height: 900,
      tls_certificates: [],
      tls_protocol: "TLS 1.3",
    },
    ...overrides,
  };
}

export function snapshot(overrides: Partial<Snapshot> = {}): Snapshot {
  return {
    id: "snap-1",
    channel_id: 1,
    reason: "half-yearly",
    reason_note: null,
    status: "complete",
    started_at: "2026-04-02T08:30:00Z",
    finished_at: "2026-04-02T08:30:12Z",
    operator: "asa",
    pages: [page()],
    diary_number: null,
    ...overrides,
  };
}

export function dueEntry(overrides: Partial<DueEntry> = {}): DueEntry {
  return {
    platform: "facebook",
    responsible: "Åsa Öberg",
    substitute: "Erik Ek",
    channel_id: 1,
    name: "Nacka kommun på Facebook",
    board: "Kommunstyrelsen",
    unit: "Kommunikationsenheten",
    policy: "half-yearly",
    state: "due",
    current_window: null,
    next_window: null,
    last_good_snapshot: null,
    due_since: "2026-03-15T00:00:00Z",
    overdue_since: null,
    missed_windows: 0,
    reason_to_capture: "half-yearly",
    capture_now: true,
    message: { key: "text", args: { text: "En halvårsvis ögonblicksbild ska tas före 31 maj." } },
    ...overrides,
  };
}

const zeroCounts = { channels: 0, not_due: 0, due: 0, overdue: 0, closure_due: 0, closed: 0, manual: 0, capture_now: 0 };

/** A due report whose groups follow the entries' board/unit. */
export function dueReport(entries: DueEntry[]): DueReport {
  const groups = new Map<string, { board: string | null; unit: string | null; ids: number[] }>();
  for (const e of entries) {
    const key = `${e.board}|${e.unit}`;
    const g = groups.get(key) ?? { board: e.board, unit: e.unit, ids: [] };
    g.ids.push(e.channel_id);
    groups.set(key, g);
  }
  const count = (s: string) => entries.filter((e) => e.state === s).length;
  return {
    at: "2026-04-20T08:00:00Z",
    local_date: "2026-04-20",
    timezone: "Europe/Stockholm",
    blackout: null,
    summary: {
      total: { ...zeroCounts, channels: entries.length, due: count("due"), overdue: count("overdue"), closure_due: count("closure-due"), not_due: count("not-due") },
      groups: [...groups.values()].map((g) => ({ board: g.board, unit: g.unit, counts: zeroCounts, channel_ids: g.ids })),
    },
    channels: entries,
  };
}

export function audit(seq: number, action: string, detail: string, overrides: Partial<AuditLine> = {}): AuditLine {
  return {
    seq,
    at: `2026-05-04T09:${String(seq).padStart(2, "0")}:00Z`,
    actor: "anna",
    action,
    channel_id: 1,
    detail,
    event: { kind: "legacy", action, detail },
    message: null,
    ...overrides,
  };
}

export function verifyReport(overrides: Partial<VerifyReport> = {}): VerifyReport {
  return {
    ok: true,
    objid: "uuid-1234",
    files_checked: 14,
    schemas_checked: true,
    snapshot_ids: ["snap-1"],
    problems: [],
    ...overrides,
  };
}

export function coverageRow(overrides: Partial<CoverageRow> = {}): CoverageRow {
  return {
    channel_id: 1,
    name: "Nacka kommun på Facebook",
    platform: "facebook",
    status: "active",
    closed: false,
    responsible: "Åsa Öberg",
    substitute: "Erik Ek",
    policy: "half-yearly",
    last_good: { id: "snap-1", started_at: "2026-04-02T08:30:00Z", finished_at: "2026-04-02T08:30:12Z", reason: "half-yearly", status: "complete" },
    last_snapshot: null,
    state: "not-due",
    capture_now: false,
    due_since: null,
    overdue_since: null,
    missed_windows: 0,
    current_window: null,
    next_window: { label: "höst", first_day: "2026-09-15", last_day: "2026-11-30", opens_at: "2026-09-14T22:00:00Z", closes_at: "2026-11-30T23:00:00Z" },
    failures: 0,
    snapshot_count: 1,
    message: { key: "text", args: { text: "Nästa ögonblicksbild behövs från 15 september." } },
    ...overrides,
  };
}

export function coverage(groups: { board: string | null; unit: string | null; rows: CoverageRow[] }[]): CoverageReport {
  const counts = (rows: CoverageRow[]) => ({
    channels: rows.length,
    with_good_snapshot: rows.filter((r) => r.last_good).length,
    without_good_snapshot: rows.filter((r) => !r.last_good).length,
    due: rows.filter((r) => r.state === "due").length,
    overdue: rows.filter((r) => r.state === "overdue").length,
    closure_due: 0,
    failures: rows.reduce((a, r) => a + r.failures, 0),
    snapshots: rows.reduce((a, r) => a + r.snapshot_count, 0),
    closed: 0,
  });
  const all = groups.flatMap((g) => g.rows);
  return {
    at: "2026-04-20T08:00:00Z",
    local_date: "2026-04-20",
    timezone: "Europe/Stockholm",
    include_closed: false,
    groups: groups.map((g) => ({ ...g, counts: counts(g.rows) })),
    totals: counts(all),
  };
}

/** A promise with its resolve/reject outside, for a command that is still running. */
export function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Sends a progress event on the Tauri Channel the UI handed to a command. */
export function progress(args: unknown, event: import("../bindings/ProgressEvent").ProgressEvent): void {
  const ch = (args as { onProgress: { onmessage: (e: unknown) => void } }).onProgress;
  ch.onmessage(event);
}

/** The closure checklist of a channel whose closure has not started. */
export function closureNotStarted(ch: Channel): ClosureStatus {
  return {
    channel: ch,
    final_snapshot: null,
    final_good: false,
    package_path: null,
    package_objid: null,
    steps: (["start", "snapshot", "review", "export", "verify", "close", "deleted"] as const).map((step) => ({
      step,
      done: false,
      actor: null,
      at: null,
    })),
    current: "start",
    decision: null,
    diary_number: null,
    deleted_on: null,
    can_undo: false,
  };
}

export type IpcCall = { cmd: string; args: unknown };
export type IpcHandler = (cmd: string, args: unknown) => unknown;

/**
 * Mocks the Tauri IPC for a test: records every call in the returned array,
 * answers from `extra` when it returns something, otherwise from `base`.
 */
export function recordIPC(extra: IpcHandler, base: IpcHandler): IpcCall[] {
  const calls: IpcCall[] = [];
  mockIPC((cmd, args) => {
    calls.push({ cmd, args });
    const r = extra(cmd, args);
    return r !== undefined ? r : base(cmd, args);
  });
  return calls;
}

/** A suggested major change of Fritid på Facebook (channel 7): its title and header image changed. */
export function changeSuggestion(overrides: Partial<ChangeSuggestion> = {}): ChangeSuggestion {
  return {
    channel_id: 7,
    channel_name: "Fritid på Facebook",
    snapshot_id: "snap-3",
    previous_snapshot_id: "snap-2",
    taken_at: "2026-11-20T09:00:00Z",
    signals: ["title", "header-image"],
    urls: ["https://www.facebook.com/fritid"],
    ...overrides,
  };
}
