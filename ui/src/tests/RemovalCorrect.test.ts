// h-rem3: the record page's change notes in the user's language, *Rätta*
// (a correction from the desktop), and the form's police-report checkbox,
// rules page and the message template's preview.
import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { RemovalGround } from "../bindings/RemovalGround";
import type { RemovalRecord } from "../bindings/RemovalRecord";
import RemovalForm from "../lib/RemovalForm.svelte";
import RemovalRecordView from "../lib/RemovalRecordView.svelte";
import { setLang } from "../lib/i18n.svelte";
import { channel, recordIPC, snapshot, summary } from "./fixtures";

const ITEM = "https://www.facebook.com/nackakommun/posts/123";
const GROUNDS: RemovalGround[] = [{ code: "hot", label_sv: "Hot", label_en: "Threats", needs_text: false, retired: false }];

function record(overrides: Partial<RemovalRecord> = {}): RemovalRecord {
  return {
    id: "rm-1",
    version: 1,
    channel_id: 1,
    url: ITEM,
    kind: "post",
    author: "Anna Andersson",
    published_at: null,
    text: null,
    removed_at: "2026-11-20T10:00:00Z",
    removed_by: "asa",
    action: "raderad",
    ground: { code: "hot", label_sv: "Hot", label_en: "Threats", text: null },
    police_report: { reported: true, reference: null, date: null },
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

function pageIPC(versions: () => RemovalRecord[], extra: (cmd: string, a: unknown) => unknown = () => undefined) {
  return recordIPC(extra, (cmd) => {
    if (cmd === "removal_versions") return versions();
    if (cmd === "marks") return [];
    if (cmd === "get_channel") return channel();
    if (cmd === "history") return [snapshot({ id: "snap-7", reason: "single-item", single_address: ITEM })];
    if (cmd === "thumbnail") return "data:image/png;base64,iVBORw0KGgo=";
    throw new Error(`unexpected ${cmd}`);
  });
}

describe("removal records (h-rem3)", () => {
  it("shows the change notes in the user's language, and an old record's prose as it was", async () => {
    const versions = [
      record(),
      record({ version: 2, change_note: { key: "removal-note-certified", args: { by: "Erik Ek" } } }),
      record({ version: 3, change_note: { key: "removal-note-recaptured", args: { snapshot: "snap-9" } } }),
      record({ version: 4, change_note: { key: "text", args: { text: "diarienummer KS 2026/1" } } }),
    ];
    setLang("en");
    pageIPC(() => versions);
    const { unmount } = render(RemovalRecordView, { id: "rm-1" });
    expect(await screen.findByText(/– certified by Erik Ek$/)).toBeInTheDocument();
    expect(screen.getByText(/– captured again: snapshot snap-9$/)).toBeInTheDocument();
    expect(screen.getByText(/– diarienummer KS 2026\/1$/)).toBeInTheDocument();
    // A police report without a reference or date reads "yes".
    expect(screen.getByText("Police report").nextElementSibling).toHaveTextContent("Yes");
    unmount();
    setLang("sv");
    render(RemovalRecordView, { id: "rm-1" });
    expect(await screen.findByText(/– bestyrkt av Erik Ek$/)).toBeInTheDocument();
    expect(screen.getByText(/– fångad på nytt: ögonblicksbild snap-9$/)).toBeInTheDocument();
  });

  it("corrects a record with Rätta: only the fields filled in, and why", async () => {
    setLang("sv");
    const user = userEvent.setup();
    let versions = [record()];
    const calls = pageIPC(
      () => versions,
      (cmd) => {
        if (cmd !== "correct_removal") return undefined;
        const next = record({
          version: 2,
          author: "Anna A",
          police_report: { reported: false, reference: null, date: null },
          change_note: { key: "removal-note-corrected-because", args: { reason: "stavfel" } },
        });
        versions = [...versions, next];
        return next;
      },
    );
    render(RemovalRecordView, { id: "rm-1" });
    await user.click(await screen.findByRole("button", { name: "Rätta" }));
    await user.type(screen.getByLabelText("Avsändare"), "Anna A");
    await user.selectOptions(screen.getByLabelText("Polisanmäld"), "no");
    await user.type(screen.getByLabelText("Varför rättas posten?"), "stavfel");
    await user.click(screen.getByRole("button", { name: "Spara rättelsen" }));
    const call = calls.find((c) => c.cmd === "correct_removal");
    expect(call?.args).toMatchObject({
      id: "rm-1",
      correction: { author: "Anna A", police_reported: false, note: "stavfel", url: null, text: null, police_report: null },
    });
    expect(await screen.findByText(/– rättelse: stavfel$/)).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Spara rättelsen" })).not.toBeInTheDocument();
  });

  it("records a police report without a reference and previews the message naming the rules page", async () => {
    setLang("sv");
    const user = userEvent.setup();
    const calls = recordIPC(
      (cmd) => {
        if (cmd === "removal_contact_preview") return "Hej Anna Andersson! Vi har tagit bort ditt inlägg … https://nacka.se/regler";
        if (cmd === "record_removal") return record();
        return undefined;
      },
      (cmd) => (cmd === "list_channels" ? [summary(channel())] : cmd === "removal_grounds" ? GROUNDS : undefined),
    );
    render(RemovalForm, { channelId: 1 });
    await screen.findByRole("option", { name: "Nacka kommun på Facebook" });
    await user.type(screen.getByLabelText(/Adress till inlägget/), ITEM);
    await user.selectOptions(screen.getByLabelText(/Grund för borttagning/), "hot");
    await user.click(screen.getByLabelText(/Polisanmäld/));
    await user.click(screen.getByLabelText(/Avsändaren har kontaktats/));
    await user.type(screen.getByLabelText("Kanalens regler (sida)"), "https://nacka.se/regler");
    await user.click(screen.getByRole("button", { name: "Visa meddelandet" }));
    expect(await screen.findByText(/https:\/\/nacka.se\/regler$/)).toBeInTheDocument();
    const preview = calls.find((c) => c.cmd === "removal_contact_preview")?.args as { form: Record<string, unknown> };
    expect(preview.form).toMatchObject({ rules_page: "https://nacka.se/regler", contact_message: null });
    await user.click(screen.getByRole("button", { name: "Fånga och registrera" }));
    const sent = calls.find((c) => c.cmd === "record_removal")?.args as { form: Record<string, unknown> };
    expect(sent.form).toMatchObject({ police_reported: true, police_report: null, police_report_date: null, rules_page: "https://nacka.se/regler" });
  });
});
