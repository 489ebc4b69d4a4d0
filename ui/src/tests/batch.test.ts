import { describe, expect, it } from "vitest";
import type { ChannelCapture } from "../../src/bindings/ChannelCapture";
import { batchCounts, batchSummary, orderResults, snapshotSentence } from "../lib/batch";
import { formatBytes, formatDay, formatNumber, formatSeconds } from "../lib/format";
import { setLang } from "../lib/i18n.svelte";
import { page, snapshot } from "./fixtures";

const stored = (id: string, channel_id: number, status: "complete" | "partial" | "failed"): ChannelCapture => ({
  outcome: "stored",
  snapshot: snapshot({
    id,
    channel_id,
    status,
    pages:
      status === "failed"
        ? [page({ ok: false, error: "timeout", message: { key: "page-no-answer", args: { url: "https://x.example/k", secs: 30n } } })]
        : [page()],
  }),
});

describe("a run's summary", () => {
  it("counts channels, not snapshots, and says it the Swedish way", () => {
    setLang("sv");
    const results: ChannelCapture[] = [
      ...Array.from({ length: 45 }, (_, i) => stored(`c${i}`, 100 + i, "complete")),
      stored("p1", 1, "partial"),
      stored("p2", 2, "partial"),
      stored("p3", 3, "partial"),
      stored("f1", 4, "failed"),
      { outcome: "skipped", channel_id: 5, message: { key: "address-busy", args: { id: 5n } } },
    ];
    const c = batchCounts(results);
    expect(c).toEqual({ taken: 49, complete: 45, partial: 3, failed: 1, skipped: 1 });
    expect(batchSummary({ ...c, skipped: 0 })).toBe("49 tagna: 45 fullständiga, 3 ofullständiga, 1 misslyckad");
    expect(batchSummary(c)).toBe("49 tagna: 45 fullständiga, 3 ofullständiga, 1 misslyckad (1 kanal hoppades över)");
    setLang("en");
    expect(batchSummary({ ...c, skipped: 0 })).toBe("49 taken: 45 complete, 3 partial, 1 failed");
    setLang("sv");
  });

  it("counts a channel taken twice in one run once, by its last result", () => {
    expect(batchCounts([stored("a", 1, "failed"), stored("b", 1, "complete")])).toEqual({
      taken: 1, complete: 1, partial: 0, failed: 0, skipped: 0,
    });
  });

  it("puts failures first, then partial, skipped and complete, in run order within each", () => {
    const results: ChannelCapture[] = [
      stored("c1", 1, "complete"),
      stored("p1", 2, "partial"),
      { outcome: "skipped", channel_id: 3, message: { key: "address-busy", args: { id: 3n } } },
      stored("f1", 4, "failed"),
      stored("c2", 5, "complete"),
      stored("f2", 6, "failed"),
    ];
    expect(orderResults(results).map((r) => (r.outcome === "stored" ? r.snapshot.id : `skip-${r.channel_id}`))).toEqual([
      "f1", "f2", "p1", "skip-3", "c1", "c2",
    ]);
  });

  it("never calls a failed snapshot stored: it failed, with the reason", () => {
    setLang("sv");
    const failed = stored("f1", 4, "failed");
    if (failed.outcome !== "stored") throw new Error("fixture");
    const text = snapshotSentence(failed.snapshot, "Biblioteket");
    expect(text).toBe("Ögonblicksbilden av Biblioteket misslyckades – orsak: Sidan https://x.example/k kunde inte fångas: servern svarade inte inom 30 s. Försök igen senare.");
    expect(text).not.toMatch(/sparad/);
    const ok = stored("c1", 1, "complete");
    if (ok.outcome !== "stored") throw new Error("fixture");
    expect(snapshotSentence(ok.snapshot, "Biblioteket")).toBe("Ögonblicksbilden av Biblioteket är sparad och fullständig.");
  });
});

describe("numbers and dates in the language's style", () => {
  it("writes decimals with a comma in Swedish and a point in English", () => {
    setLang("sv");
    expect(formatSeconds(7_800)).toBe("7,8 s");
    expect(formatBytes(2.5 * 1024 * 1024)).toBe("2,5 MB");
    expect(formatBytes(340 * 1024)).toBe("340 kB");
    expect(formatBytes(10)).toBe("1 kB");
    expect(formatNumber(1.5)).toBe("1,5");
    expect(formatDay("2026-11-30")).toBe("30 november 2026");
    setLang("en");
    expect(formatSeconds(7_800)).toBe("7.8 s");
    expect(formatBytes(2.5 * 1024 * 1024)).toBe("2.5 MB");
    expect(formatDay("2026-11-30")).toBe("30 November 2026");
    setLang("sv");
  });
});
