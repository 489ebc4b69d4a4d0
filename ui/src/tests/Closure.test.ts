import { render, screen, waitFor, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { mockIPC } from "@tauri-apps/api/mocks";
import { describe, expect, it } from "vitest";
import type { AuditLine } from "../bindings/AuditLine";
import type { Channel } from "../bindings/Channel";
import type { ClosureStatus } from "../bindings/ClosureStatus";
import type { ClosureStepKind } from "../bindings/ClosureStepKind";
import type { Snapshot } from "../bindings/Snapshot";
import ChannelDetail from "../lib/ChannelDetail.svelte";
import { setLang } from "../lib/i18n.svelte";
import { audit, channel, closureNotStarted, snapshot, verifyReport } from "./fixtures";

/**
 * A shell that plays the closure flow: its state changes as the real app's
 * would. `undoOffered`: whether the app offers an undo once started (it does
 * not, e.g., while a capture of the channel runs).
 */
function closureShell(undoOffered = true) {
  const calls: { cmd: string; args: unknown }[] = [];
  let ch: Channel = channel();
  const history: Snapshot[] = [snapshot()];
  const log: AuditLine[] = [audit(1, "channel.add", "added channel 1")];
  const add = (action: string, detail: string) =>
    log.push(audit(log.length + 1, action, detail, { actor: "anna" }));
  // The app's closure state (computed by App::closure_status in the real app).
  const done: Record<ClosureStepKind, string | null> = {
    start: null, snapshot: null, review: null, export: null, verify: null, close: null, deleted: null,
  };
  let decision: { decision: string | null; diary_number: string | null } = { decision: null, diary_number: null };
  let deletedOn: string | null = null;
  let packagePath: string | null = null;
  // Whether the app offers to undo the closure: set by each step below as
  // the real app's state would be, never derived here from the other fields.
  let canUndo = false;
  const order: ClosureStepKind[] = ["start", "snapshot", "review", "export", "verify", "close", "deleted"];
  const status = (): ClosureStatus => ({
    channel: ch,
    final_snapshot: history.find((s) => s.id === "snap-final") ?? null,
    final_good: done.snapshot !== null,
    package_path: packagePath,
    package_objid: packagePath ? "uuid-1234" : null,
    steps: order.map((step) => ({ step, done: done[step] !== null, actor: done[step] ? "anna" : null, at: done[step] })),
    current: order.find((k) => done[k] === null) ?? null,
    decision: decision.decision,
    diary_number: decision.diary_number,
    deleted_on: deletedOn,
    can_undo: canUndo,
  });
  mockIPC((cmd, args) => {
    calls.push({ cmd, args });
    const a = args as Record<string, unknown>;
    switch (cmd) {
      case "channel_for_edit":
        return { channel: ch, revision: 1 };
      case "marks":
        return [];
      case "history":
        return [...history].reverse();
      case "audit_log":
        return [...log].reverse();
      case "thumbnail":
        return "data:image/png;base64,iVBORw0KGgo=";
      case "closure_status":
        return status();
      case "review_closure":
        if (a.snapshotId !== "snap-final") throw { code: "conflict", message: "not the final snapshot" };
        done.review = "2026-05-04T09:04:00Z";
        add("closure.review", "reviewed the pre-closure snapshot snap-final");
        return status();
      case "start_closure":
        decision = a.decision as typeof decision;
        done.start = "2026-05-04T09:02:00Z";
        ch = { ...ch, status: "closing", closing_started_at: "2026-05-04T09:02:00Z" };
        add("closure.start", "closing");
        canUndo = undoOffered;
        return { channel: ch, remaining: { key: "closure-started", args: { id: 1 } } };
      case "capture": {
        const s = snapshot({ id: "snap-final", reason: "pre-closure", started_at: "2026-05-04T09:03:00Z", finished_at: "2026-05-04T09:03:30Z" });
        history.push(s);
        done.snapshot = s.finished_at;
        // The final snapshot is taken: the closure can no longer be undone.
        canUndo = false;
        add("snapshot.commit", "stored snapshot snap-final (complete, pre-closure, 1 page(s))");
        return [{ outcome: "stored", snapshot: s }];
      }
      case "choose_save_path":
        return "/home/anna/arkiv/nacka-avslut.zip";
      case "export_package":
        done.export = "2026-05-04T09:05:00Z";
        packagePath = a.outPath as string;
        add("package.export", `package uuid-1234 written to ${a.outPath} (sha256 abc, 100 bytes) with snapshots snap-1, snap-final`);
        return { objid: "uuid-1234", path: a.outPath, sidecar: `${a.outPath}.sha256`, sha256: "abc", size: 100, files: 14, snapshots: 2, created: "2026-05-04T09:05:00Z" };
      case "verify_package":
        done.verify = "2026-05-04T09:06:00Z";
        add("package.verify", `package uuid-1234 at ${a.path}: verified, no problems`);
        return verifyReport({ snapshot_ids: ["snap-1", "snap-final"] });
      case "complete_closure":
        done.close = "2026-05-04T09:07:00Z";
        ch = { ...ch, status: "closed", closed_at: "2026-05-04T09:07:00Z" };
        add("closure.complete", "closed");
        return { channel: ch, snapshot_id: "snap-final", package: verifyReport() };
      case "undo_closure":
        done.start = null;
        decision = { decision: null, diary_number: null };
        ch = { ...ch, status: "active", closing_started_at: null };
        canUndo = false;
        add("closure.undo", "closure undone: status closing → active");
        return status();
      case "record_account_deleted":
        deletedOn = a.date as string;
        done.deleted = "2026-05-05T10:00:00Z";
        add("closure.deleted", `the account was deleted on the platform on ${a.date}`);
        return status();
      default:
        throw new Error(`unexpected ${cmd}`);
    }
  });
  return calls;
}

function step(name: string): HTMLElement {
  return document.querySelector(`li[data-step='${name}']`) as HTMLElement;
}

describe("the pre-closure checklist", () => {
  it("walks start → final snapshot → review → export → verify → closed, each step locked until the previous is done", async () => {
    setLang("sv");
    const user = userEvent.setup();
    const calls = closureShell();
    render(ChannelDetail, { id: 1, closure: true });
    expect(await screen.findByRole("heading", { level: 1, name: "Avveckla Nacka kommun på Facebook" })).toBeInTheDocument();

    // Only the first step can be taken.
    await waitFor(() => expect(step("start")).toHaveAttribute("aria-current", "step"));
    expect(within(step("export")).getByText("Låst tills föregående steg är klart")).toBeInTheDocument();
    expect(within(step("export")).queryByRole("button")).not.toBeInTheDocument();

    await user.click(within(step("start")).getByRole("button", { name: "Påbörja avveckling" }));
    // A confirmation first (h-close), with the decision and its diary number.
    expect(calls.some((c) => c.cmd === "start_closure")).toBe(false);
    await user.click(within(step("start")).getByRole("button", { name: "Påbörja avvecklingen" }));
    expect(calls.find((c) => c.cmd === "start_closure")?.args).toEqual({
      channelId: 1,
      decision: { decision: null, diary_number: null },
    });
    expect(await within(step("start")).findByText(/Klart – anna,/)).toBeInTheDocument();
    await waitFor(() => expect(step("snapshot")).toHaveAttribute("aria-current", "step"));

    await user.click(within(step("snapshot")).getByRole("button", { name: "Ta slutlig ögonblicksbild" }));
    const capture = calls.find((c) => c.cmd === "capture")!.args as { request: unknown };
    expect(capture.request).toEqual({ channel_ids: [1], reason: "pre-closure", reason_note: null });
    expect(await within(step("snapshot")).findByText(/Klart – anna,/)).toBeInTheDocument();

    // Review: the final snapshot with its report; approval needs the box ticked.
    const review = step("review");
    expect(within(review).getByText("https://www.facebook.com/nackakommun/")).toBeInTheDocument();
    const approve = within(review).getByRole("button", { name: "Godkänn granskningen" });
    expect(approve).toBeDisabled();
    await user.click(within(review).getByLabelText(/Jag har granskat ögonblicksbilden/));
    await user.click(approve);
    expect(calls.find((c) => c.cmd === "review_closure")?.args).toEqual({ channelId: 1, snapshotId: "snap-final" });
    expect(await within(step("review")).findByText(/Klart – anna,/)).toBeInTheDocument();

    await user.click(await within(step("export")).findByRole("button", { name: "Exportera paket" }));
    expect(calls.find((c) => c.cmd === "choose_save_path")?.args).toEqual({
      kind: "package",
      defaultName: "nacka-kommun-pa-facebook-avslut.zip",
    });
    const exp = calls.find((c) => c.cmd === "export_package")!.args as { request: Record<string, unknown>; outPath: string };
    expect(exp.outPath).toBe("/home/anna/arkiv/nacka-avslut.zip");
    expect(exp.request).toMatchObject({ channel_id: 1, board: null, include_incomplete: false, format: "zip" });
    expect(await within(step("export")).findByText("/home/anna/arkiv/nacka-avslut.zip")).toBeInTheDocument();

    await user.click(await within(step("verify")).findByRole("button", { name: "Kontrollera paketet" }));
    expect(calls.find((c) => c.cmd === "verify_package")?.args).toMatchObject({ path: "/home/anna/arkiv/nacka-avslut.zip" });
    expect(await within(step("verify")).findByText(/Klart – anna,/)).toBeInTheDocument();
    expect(screen.getByText(/alla 14 filer stämmer med sina kontrollsummor/)).toBeInTheDocument();

    await user.click(await within(step("close")).findByRole("button", { name: "Markera som avvecklad" }));
    expect(calls.find((c) => c.cmd === "complete_closure")?.args).toMatchObject({
      channelId: 1,
      packagePath: "/home/anna/arkiv/nacka-avslut.zip",
    });
    expect(await screen.findByText(/är avvecklad och arkiverad/)).toBeInTheDocument();
    // h-close: the last step, the day the account was deleted on the platform.
    await waitFor(() => expect(step("deleted")).toHaveAttribute("aria-current", "step"));
    const date = within(step("deleted")).getByLabelText("Dag då kontot raderades");
    await user.clear(date);
    await user.type(date, "2026-05-05");
    await user.click(within(step("deleted")).getByRole("button", { name: "Registrera raderingen" }));
    expect(calls.find((c) => c.cmd === "record_account_deleted")?.args).toEqual({ channelId: 1, date: "2026-05-05" });
    expect(await within(step("deleted")).findByText("Kontot raderades på plattformen 5 maj 2026.")).toBeInTheDocument();
    for (const s of ["start", "snapshot", "review", "export", "verify", "close", "deleted"]) {
      expect(step(s)).not.toHaveAttribute("aria-current");
    }
  });

  it("starts a closure after a confirmation with the decision and its diary number, and undoes it", async () => {
    setLang("sv");
    const user = userEvent.setup();
    const calls = closureShell();
    render(ChannelDetail, { id: 1, closure: true });
    await waitFor(() => expect(step("start")).toHaveAttribute("aria-current", "step"));
    await user.click(within(step("start")).getByRole("button", { name: "Påbörja avveckling" }));
    const confirm = within(step("start")).getByRole("group", { name: "Påbörja avvecklingen av Nacka kommun på Facebook?" });
    await user.type(within(confirm).getByLabelText("Beslut (valfritt)"), "KS 2027-03-01 §12");
    await user.type(within(confirm).getByLabelText("Diarienummer (valfritt)"), "KS 2027/31");
    // Cancel leaves everything as it was.
    await user.click(within(confirm).getByRole("button", { name: "Avbryt" }));
    expect(calls.some((c) => c.cmd === "start_closure")).toBe(false);
    await user.click(within(step("start")).getByRole("button", { name: "Påbörja avveckling" }));
    await user.click(within(step("start")).getByRole("button", { name: "Påbörja avvecklingen" }));
    expect(calls.find((c) => c.cmd === "start_closure")?.args).toEqual({
      channelId: 1,
      decision: { decision: "KS 2027-03-01 §12", diary_number: "KS 2027/31" },
    });
    expect(await within(step("start")).findByText("Beslut: KS 2027-03-01 §12")).toBeInTheDocument();
    expect(within(step("start")).getByText("Diarienummer: KS 2027/31")).toBeInTheDocument();

    // Undo, after its own confirmation.
    await user.click(within(step("start")).getByRole("button", { name: "Ångra avvecklingen" }));
    expect(calls.some((c) => c.cmd === "undo_closure")).toBe(false);
    await user.click(within(step("start")).getByRole("button", { name: "Ja, ångra avvecklingen" }));
    expect(calls.find((c) => c.cmd === "undo_closure")?.args).toEqual({ channelId: 1 });
    expect(await screen.findByText("Avvecklingen av ”Nacka kommun på Facebook” är ångrad. Kanalen är aktiv igen.")).toBeInTheDocument();
    await waitFor(() => expect(step("start")).toHaveAttribute("aria-current", "step"));
    expect(within(step("start")).queryByText(/Beslut:/)).not.toBeInTheDocument();

    // Once the final snapshot is taken, there is no undo.
    await user.click(within(step("start")).getByRole("button", { name: "Påbörja avveckling" }));
    await user.click(within(step("start")).getByRole("button", { name: "Påbörja avvecklingen" }));
    expect(await within(step("start")).findByRole("button", { name: "Ångra avvecklingen" })).toBeInTheDocument();
    await user.click(within(step("snapshot")).getByRole("button", { name: "Ta slutlig ögonblicksbild" }));
    await waitFor(() => expect(within(step("start")).queryByRole("button", { name: "Ångra avvecklingen" })).not.toBeInTheDocument());
  });

  it("offers the undo only when the app says the closure can be undone", async () => {
    setLang("sv");
    const user = userEvent.setup();
    closureShell(false);
    render(ChannelDetail, { id: 1, closure: true });
    await waitFor(() => expect(step("start")).toHaveAttribute("aria-current", "step"));
    await user.click(within(step("start")).getByRole("button", { name: "Påbörja avveckling" }));
    await user.click(within(step("start")).getByRole("button", { name: "Påbörja avvecklingen" }));
    expect(await within(step("start")).findByText(/Klart – anna,/)).toBeInTheDocument();
    await waitFor(() => expect(step("snapshot")).toHaveAttribute("aria-current", "step"));
    expect(within(step("start")).queryByRole("button", { name: "Ångra avvecklingen" })).not.toBeInTheDocument();
  });

  it("shows a refused closure as a sentence that says what to do", async () => {
    setLang("sv");
    const user = userEvent.setup();
    mockIPC((cmd) => {
      switch (cmd) {
        case "channel_for_edit":
          return { channel: channel(), revision: 1 };
        case "marks":
          return [];
        case "history":
        case "audit_log":
          return [];
        case "closure_status":
          return closureNotStarted(channel());
        case "start_closure":
          throw { code: "conflict", message: "channel 1 is closed: it cannot be closed again" };
        default:
          throw new Error(`unexpected ${cmd}`);
      }
    });
    render(ChannelDetail, { id: 1, closure: true });
    await user.click(await screen.findByRole("button", { name: "Påbörja avveckling" }));
    await user.click(await screen.findByRole("button", { name: "Påbörja avvecklingen" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Det går inte just nu: channel 1 is closed: it cannot be closed again.",
    );
  });
});
