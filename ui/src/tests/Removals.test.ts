import { render, screen, waitFor, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { RemovalGround } from "../bindings/RemovalGround";
import type { RemovalRecord } from "../bindings/RemovalRecord";
import RemovalForm from "../lib/RemovalForm.svelte";
import RemovalRecordView from "../lib/RemovalRecordView.svelte";
import RemovalsView from "../lib/RemovalsView.svelte";
import { setLang } from "../lib/i18n.svelte";
import { channel, deferred, progress, recordIPC, snapshot, summary } from "./fixtures";

const COMMENT = "https://www.facebook.com/nackakommun/posts/123?comment_id=9";

const GROUNDS: RemovalGround[] = [
  { code: "hot", label_sv: "Hot", label_en: "Threats", needs_text: false, retired: false },
  { code: "personangrepp", label_sv: "Personangrepp eller förtal", label_en: "Personal attack or defamation", needs_text: false, retired: false },
  { code: "spam", label_sv: "Skräppost", label_en: "Spam", needs_text: false, retired: true },
  { code: "annat", label_sv: "Annat", label_en: "Other", needs_text: true, retired: false },
];

function record(overrides: Partial<RemovalRecord> = {}): RemovalRecord {
  return {
    id: "rm-1",
    version: 1,
    channel_id: 1,
    url: COMMENT,
    kind: "comment",
    author: "Anna Andersson",
    published_at: null,
    text: "Du ska få se vad som händer",
    removed_at: "2026-11-20T10:00:00Z",
    removed_by: "asa",
    action: "raderad",
    ground: { code: "hot", label_sv: "Hot", label_en: "Threats", text: null },
    police_report: { reported: true, reference: "5000-K123456-26", date: "2026-11-20" },
    contact: null,
    forwarded: null,
    diary_number: null,
    certified: null,
    evidence: { type: "snapshot", snapshot_id: "snap-7" },
    supplied_by_hand: false,
    recorded_at: "2026-11-20T10:01:00Z",
    recorded_by: "asa",
    change_note: null,
    ...overrides,
  };
}

describe("removal records", () => {
  it("records a removal: says what is missing, captures first with progress, and hands back the record", async () => {
    setLang("sv");
    const user = userEvent.setup();
    const running = deferred<RemovalRecord>();
    let args: { form: Record<string, unknown> } | undefined;
    const saved: RemovalRecord[] = [];
    recordIPC(
      (cmd, a) => {
        if (cmd === "record_removal") {
          args = a as typeof args;
          return running.promise;
        }
        return undefined;
      },
      (cmd) => {
        if (cmd === "list_channels") return [summary(channel()), summary(channel({ id: 2, name: "Stängd", status: "closed" }))];
        if (cmd === "removal_grounds") return GROUNDS;
        throw new Error(`unexpected ${cmd}`);
      },
    );
    render(RemovalForm, { channelId: 1, onsaved: (r: RemovalRecord) => saved.push(r) });
    expect(screen.getByRole("heading", { name: "Registrera borttaget innehåll" })).toBeInTheDocument();
    const channelSelect = (await screen.findByLabelText(/^Kanal/)) as HTMLSelectElement;
    await within(channelSelect).findByRole("option", { name: "Nacka kommun på Facebook" });
    // A retired ground is not offered for new records.
    const groundSelect = screen.getByLabelText(/Grund för borttagning/) as HTMLSelectElement;
    expect(within(groundSelect).queryByRole("option", { name: "Skräppost" })).not.toBeInTheDocument();
    // A closed channel takes no new records.
    expect(within(channelSelect).queryByRole("option", { name: "Stängd" })).not.toBeInTheDocument();
    expect(channelSelect.value).toBe("1");

    const submit = screen.getByRole("button", { name: "Fånga och registrera" });
    await user.click(submit);
    expect(screen.getByRole("alert")).toHaveTextContent(/Skriv adressen till inlägget/);
    await user.type(screen.getByLabelText(/Adress till inlägget/), COMMENT);
    await user.click(submit);
    expect(screen.getByRole("alert")).toHaveTextContent(/Välj grunden/);
    await user.selectOptions(screen.getByLabelText(/Grund för borttagning/), "annat");
    await user.click(submit);
    expect(screen.getByRole("alert")).toHaveTextContent(/Skriv vilken grunden är/);
    expect(args).toBeUndefined();

    await user.type(screen.getByLabelText(/Vilken grund/), "Spam i serie");
    await user.type(screen.getByLabelText("Avsändare (som det visas på plattformen)"), "Anna Andersson");
    await user.type(screen.getByLabelText(/Polisanmälan \(diarienummer/), "5000-K1");
    // Forwarded to the social-media lead: who, and when.
    await user.type(screen.getByLabelText(/Vidarebefordrat till/), "Maria Lind");
    await user.type(screen.getByLabelText(/Vidarebefordrat när/), "2026-11-20 14:00");
    await user.click(submit);
    expect(args?.form).toMatchObject({
      forwarded_to: "Maria Lind",
      forwarded_at: "2026-11-20 14:00",
      channel_id: 1,
      url: COMMENT,
      kind: "comment",
      ground: "annat",
      ground_text: "Spam i serie",
      action: null,
      author: "Anna Andersson",
      police_report: "5000-K1",
      contacted_at: null,
      evidence: { type: "capture" },
    });
    progress(args, { kind: "started", total: 1, label: COMMENT });
    expect(await screen.findByRole("progressbar")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Fånga och registrera" })).toBeDisabled();
    running.resolve(record());
    await waitFor(() => expect(saved.map((r) => r.id)).toEqual(["rm-1"]));
    expect(screen.getByRole("button", { name: "Fånga och registrera" })).toBeEnabled();
  });

  it("shows a refusal from the engine as its sentence and keeps what was typed", async () => {
    setLang("sv");
    const user = userEvent.setup();
    recordIPC(
      (cmd) => {
        if (cmd === "record_removal") {
          return Promise.reject({ code: "invalid_input", message: "Fångsten av adressen misslyckades" });
        }
        return undefined;
      },
      (cmd) => (cmd === "list_channels" ? [summary(channel())] : cmd === "removal_grounds" ? GROUNDS : undefined),
    );
    render(RemovalForm, { channelId: 1 });
    await screen.findByRole("option", { name: "Nacka kommun på Facebook" });
    await user.type(screen.getByLabelText(/Adress till inlägget/), COMMENT);
    await user.selectOptions(screen.getByLabelText(/Grund för borttagning/), "hot");
    await user.click(screen.getByRole("button", { name: "Fånga och registrera" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(/Fångsten av adressen misslyckades/);
    expect((screen.getByLabelText(/Adress till inlägget/) as HTMLInputElement).value).toBe(COMMENT);
  });

  it("lists records with the filter it sends, in Swedish", async () => {
    setLang("sv");
    const user = userEvent.setup();
    const calls = recordIPC(
      () => undefined,
      (cmd) => {
        if (cmd === "list_channels") return [summary(channel())];
        if (cmd === "removal_grounds") return GROUNDS;
        if (cmd === "list_removals") return [record()];
        throw new Error(`unexpected ${cmd}`);
      },
    );
    const opened: string[] = [];
    render(RemovalsView, { onopen: (id: string) => opened.push(id) });
    const table = await screen.findByRole("table", { name: "Poster om borttaget innehåll" });
    const row = within(table).getAllByRole("row")[1]!;
    expect(row).toHaveTextContent("Nacka kommun på Facebook");
    expect(row).toHaveTextContent("Kommentar – Anna Andersson");
    expect(row).toHaveTextContent("Hot");
    expect(row).toHaveTextContent("Raderad");
    expect(row).toHaveTextContent("5000-K123456-26");

    await user.selectOptions(screen.getByLabelText("Grund"), "hot");
    await user.selectOptions(screen.getByLabelText("Polisanmälan"), "yes");
    await user.selectOptions(screen.getByLabelText("Nämnd"), "Kommunstyrelsen");
    await user.click(screen.getByRole("button", { name: "Visa" }));
    const listed = calls.filter((c) => c.cmd === "list_removals");
    const last = listed[listed.length - 1]!;
    expect(last.args).toEqual({
      filter: { channel_id: null, board: "Kommunstyrelsen", from: null, to: null, ground: "hot", police_report: true },
    });
    await user.click(screen.getByRole("link", { name: "Öppna posten rm-1" }));
    expect(opened).toEqual(["rm-1"]);
  });

  it("shows a record with its evidence and versions, and certifies it", async () => {
    setLang("sv");
    const user = userEvent.setup();
    let versions = [record()];
    const calls = recordIPC(
      (cmd, a) => {
        if (cmd === "certify_removal") {
          const { by } = a as { by: string };
          versions = [
            ...versions,
            record({ version: 2, certified: { by, at: "2026-11-21T08:00:00Z" }, change_note: { key: "removal-note-certified", args: { by } } }),
          ];
          return versions[versions.length - 1];
        }
        return undefined;
      },
      (cmd) => {
        if (cmd === "removal_versions") return versions;
        if (cmd === "marks") return [];
        if (cmd === "get_channel") return channel();
        if (cmd === "history") return [snapshot({ id: "snap-7", reason: "single-item", single_address: COMMENT })];
        if (cmd === "thumbnail") return "data:image/png;base64,iVBORw0KGgo=";
        throw new Error(`unexpected ${cmd}`);
      },
    );
    render(RemovalRecordView, { id: "rm-1" });
    expect(await screen.findByText("Du ska få se vad som händer")).toBeInTheDocument();
    expect(screen.getByText("Ögonblicksbild snap-7")).toBeInTheDocument();
    expect(screen.getByText("Inte bestyrkt ännu")).toBeInTheDocument();
    expect(screen.getByText("Ej diariefört")).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Bestyrk" }));
    expect(screen.getByRole("alert")).toHaveTextContent("Skriv namnet på den som bestyrker.");
    await user.type(screen.getByLabelText("Ditt namn"), "Erik Ek");
    await user.click(screen.getByRole("button", { name: "Bestyrk" }));
    expect(calls.find((c) => c.cmd === "certify_removal")?.args).toEqual({ id: "rm-1", by: "Erik Ek" });
    expect(await screen.findByText(/^av Erik Ek, /)).toBeInTheDocument();
    expect(screen.getByText(/Version 2: .* – bestyrkt av Erik Ek/)).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Bestyrk" })).not.toBeInTheDocument();
  });

  it("says when the evidence snapshot's capture failed, and offers to capture again", async () => {
    setLang("sv");
    recordIPC(
      () => undefined,
      (cmd) => {
        if (cmd === "removal_versions") return [record()];
        if (cmd === "marks") return [];
        if (cmd === "get_channel") return channel();
        if (cmd === "history")
          return [snapshot({ id: "snap-7", reason: "single-item", single_address: COMMENT, status: "failed" })];
        if (cmd === "thumbnail") return "data:image/png;base64,iVBORw0KGgo=";
        throw new Error(`unexpected ${cmd}`);
      },
    );
    render(RemovalRecordView, { id: "rm-1" });
    expect(await screen.findByText("Ögonblicksbild snap-7")).toBeInTheDocument();
    expect(
      await screen.findByText("Fångsten misslyckades: posten visar inte objektet. Fånga det igen, eller registrera en ny post med din egen skärmbild."),
    ).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Fånga igen" })).toBeEnabled();
  });
});
