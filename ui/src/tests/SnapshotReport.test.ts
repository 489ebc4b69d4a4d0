import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { mockIPC } from "@tauri-apps/api/mocks";
import { describe, expect, it } from "vitest";
import { setLang } from "../lib/i18n.svelte";
import SnapshotReport from "../lib/SnapshotReport.svelte";
import { page, snapshot } from "./fixtures";

describe("SnapshotReport", () => {
  it("offers the original a PDF address sent, and names stopped downloads and a page that tried to leave", async () => {
    setLang("sv");
    const user = userEvent.setup();
    const calls: { cmd: string; args: unknown }[] = [];
    mockIPC((cmd, args) => {
      calls.push({ cmd, args });
      return null;
    });
    const pdfPage = page({
      url: "https://www.nacka.se/protokoll.pdf",
      files: [
        { role: "original", path: "page-01.original.pdf", sha256: "c".repeat(64), size: 90_000, media_type: "application/pdf" },
      ],
    });
    const leaving = page({
      url: "https://www.facebook.com/nackakommun",
      ok: false,
      error: "the page went to another address during the capture",
      error_sv: "Sidan gick till en annan adress under fångsten",
    });
    leaving.report.downloads_blocked = [{ url: "https://evil.example/payload.exe", suggested_filename: "payload.exe" }];
    leaving.report.navigated_away = ["https://evil.example/elsewhere"];
    render(SnapshotReport, { snapshot: snapshot({ status: "partial", pages: [pdfPage, leaving] }) });

    const [pdfItem, leavingItem] = screen.getAllByRole("listitem").filter((li) => li.classList.contains("page")) as [
      HTMLElement,
      HTMLElement,
    ];
    // The PDF address: no picture of a viewer, the original to open.
    expect(within(pdfItem).queryByRole("img")).not.toBeInTheDocument();
    await user.click(within(pdfItem).getByRole("button", { name: "Öppna originalet (PDF) som https://www.nacka.se/protokoll.pdf skickade" }));
    expect(calls.find((c) => c.cmd === "open_snapshot_file")?.args).toEqual({ snapshotId: "snap-1", relPath: "page-01.original.pdf" });
    // The page that tried to leave and to download.
    expect(within(leavingItem).getByText("Nedladdningar som stoppades")).toBeInTheDocument();
    expect(within(leavingItem).getByText("payload.exe (https://evil.example/payload.exe)")).toBeInTheDocument();
    expect(within(leavingItem).getByText("Sidan försökte gå till")).toBeInTheDocument();
    expect(within(leavingItem).getByText("https://evil.example/elsewhere")).toBeInTheDocument();
    expect(within(leavingItem).getByText("Sidan gick till en annan adress under fångsten")).toBeInTheDocument();
  });

  it("keeps a page's picture box in the page's shape before the picture arrives, so nothing below it moves", async () => {
    setLang("sv");
    const answers: ((url: string) => void)[] = [];
    mockIPC((cmd) => (cmd === "thumbnail" ? new Promise<string>((r) => answers.push(r)) : null));
    const tall = page({ url: "https://www.facebook.com/nackakommun" });
    tall.report.page_width = 1280;
    tall.report.page_height = 4000;
    const unknown = page({ url: "https://www.facebook.com/nackakommun/about" });
    unknown.report.page_width = 0;
    unknown.report.page_height = 0;
    const { container } = render(SnapshotReport, { snapshot: snapshot({ status: "complete", pages: [tall, unknown] }) });
    const [box, other] = [...container.querySelectorAll<HTMLElement>(".thumb")] as [HTMLElement, HTMLElement];
    // While the picture loads: the page's proportions (cut at 1.5 times its
    // width, as the picture is), or, unknown, the box's largest height.
    expect(box.querySelector("img")).toBeNull();
    expect(box.style.getPropertyValue("aspect-ratio")).toBe("1280 / 1920");
    expect(box.style.getPropertyValue("height")).toBe("");
    expect(other.style.getPropertyValue("aspect-ratio")).toBe("");
    expect(other.style.getPropertyValue("height")).toBe("var(--thumb-max)");
    for (const answer of answers) answer("data:image/png;base64,iVBORw0KGgo=");
    await expect.poll(() => box.querySelector("img")).not.toBeNull();
    expect(box.style.getPropertyValue("aspect-ratio")).toBe("1280 / 1920");
  });

  it("shows where an endless feed was cut in Swedish", () => {
    setLang("sv");
    const cut = page({ url: "https://www.facebook.com/nackakommun" });
    cut.report.truncated = { key: "truncated-time-cap", args: { secs: 180n, at: 41000n } };
    render(SnapshotReport, { snapshot: snapshot({ status: "complete", pages: [cut] }) });
    expect(screen.getByText("Avkortad")).toBeInTheDocument();
    expect(
      screen.getByText("rullningen stoppades efter tidsgränsen 180 s vid 41000 px; sidan kan fortsätta (ändlöst flöde)"),
    ).toBeInTheDocument();
  });

  it("lists the collapsed content that was expanded, what was left, and a budget that ran out, in Swedish and English", () => {
    const expanded = page({ url: "https://www.facebook.com/nackakommun/posts/1" });
    expanded.report.expansion = {
      expanded: [
        { kind: "text", text: "Visa mer", count: 3 },
        { kind: "comments", text: "Visa fler kommentarer", count: 2 },
        { kind: "replies", text: "Visa 4 svar", count: 1 },
      ],
      clicks: 6,
      left: 14,
      skipped: 2,
      windows_refused: 0,
      max_clicks: 6,
      time_budget_ms: 60000,
      duration_ms: 4200,
      click_budget_hit: true,
      time_budget_hit: false,
    };
    const plain = page({ url: "https://www.nacka.se/" });
    setLang("sv");
    const { unmount } = render(SnapshotReport, { snapshot: snapshot({ pages: [expanded, plain] }) });
    let [item, plainItem] = screen.getAllByRole("listitem").filter((li) => li.classList.contains("page")) as [
      HTMLElement,
      HTMLElement,
    ];
    expect(within(item).getByText("Dolt innehåll som fälldes ut")).toBeInTheDocument();
    expect(within(item).getByText(/Avkortad text ”Visa mer” × 3; Fler kommentarer ”Visa fler kommentarer” × 2; Svar ”Visa 4 svar” × 1/)).toBeInTheDocument();
    expect(within(item).getByText(/14 knappar kvar stängda/)).toBeInTheDocument();
    expect(within(item).getByText(/2 knappar som skulle ha lämnat sidan/)).toBeInTheDocument();
    expect(within(item).getByText("Budget för utfällning")).toBeInTheDocument();
    expect(
      within(item).getByText("Klickbudgeten på 6 klick tog slut: 6 utfällda, 14 kvar stängda; deras innehåll finns inte i ögonblicksbilden."),
    ).toBeInTheDocument();
    // A page with nothing to expand (older records too) says nothing about it.
    expect(within(plainItem).queryByText("Dolt innehåll som fälldes ut")).not.toBeInTheDocument();
    unmount();

    setLang("en");
    render(SnapshotReport, { snapshot: snapshot({ pages: [expanded, plain] }) });
    [item, plainItem] = screen.getAllByRole("listitem").filter((li) => li.classList.contains("page")) as [HTMLElement, HTMLElement];
    expect(within(item).getByText(/Clipped text “Visa mer” × 3/)).toBeInTheDocument();
    expect(within(item).getByText(/14 expanders left unopened/)).toBeInTheDocument();
    expect(
      within(item).getByText("The click budget of 6 clicks ran out: 6 expanded, 14 left unopened; their content is not in the snapshot."),
    ).toBeInTheDocument();
    setLang("sv");
  });

  it("shows the posts seen while scrolling and how many are in the PNG and the PDF/A text, in Swedish and English", () => {
    mockIPC(() => null);
    const whole = page({ url: "https://x.com/nackakommun" });
    whole.report.coverage = { seen: 240, in_png: 240, in_pdf_text: 240 };
    const gap = page({ url: "https://www.facebook.com/nackakommun" });
    const warning = { key: "warn-coverage", args: { seen: 240, in_png: 240, in_pdf_text: 12 } } as const;
    const en =
      "of the 240 posts seen while scrolling, the PNG holds 240 and the PDF/A's text 12: compare the files with the page before relying on the snapshot";
    const sv =
      "av de 240 inlägg som syntes vid rullningen finns 240 i PNG-filen och 12 i PDF/A-filens text: jämför filerna med sidan innan ögonblicksbilden används";
    gap.report.coverage = {
      seen: 240,
      in_png: 240,
      in_pdf_text: 12,
      missing: ["Inlägg 1 av 240: Räksmörgås åäö 🎉"],
      warning,
    };
    gap.report.warnings = [warning, { key: "warn-js-dialog", args: { text: "hej" } }];
    for (const lang of ["sv", "en"] as const) {
      setLang(lang);
      const { unmount } = render(SnapshotReport, { snapshot: snapshot({ pages: [whole, gap] }) });
      const [wholeItem, gapItem] = screen.getAllByRole("listitem").filter((li) => li.classList.contains("page")) as [
        HTMLElement,
        HTMLElement,
      ];
      if (lang === "sv") {
        expect(within(wholeItem).getByText("Inlägg i flödet")).toBeInTheDocument();
        expect(within(wholeItem).getByText(/240 sågs vid rullningen: 240 finns i PNG-filen, 240 i PDF\/A-filens text/)).toBeInTheDocument();
        expect(within(wholeItem).queryByRole("note")).not.toBeInTheDocument();
        expect(within(gapItem).getByText(/240 sågs vid rullningen: 240 finns i PNG-filen, 12 i PDF\/A-filens text/)).toBeInTheDocument();
        expect(within(gapItem).getByRole("note")).toHaveTextContent("Alla inlägg som sågs finns inte i filerna");
        expect(within(gapItem).getByText("Saknas bland annat: ”Inlägg 1 av 240: Räksmörgås åäö 🎉”")).toBeInTheDocument();
      } else {
        expect(within(wholeItem).getByText("Posts in the feed")).toBeInTheDocument();
        expect(within(gapItem).getByText(/240 seen while scrolling: 240 are in the PNG, 12 in the PDF\/A's text/)).toBeInTheDocument();
        expect(within(gapItem).getByRole("note")).toHaveTextContent("Not every post that was seen is in the files");
      }
      // The other warnings in the window's language; the coverage sentence is
      // not repeated among them.
      const dialog = lang === "sv" ? "en JavaScript-dialog stängdes (hej)" : "a JavaScript dialog was dismissed (hej)";
      expect(within(gapItem).getByText(dialog)).toBeInTheDocument();
      expect(within(gapItem).queryByText(new RegExp(lang === "sv" ? "syntes vid rullningen" : "posts seen while scrolling"))).not.toBeInTheDocument();
      expect(within(gapItem).queryByText(lang === "sv" ? en : sv)).not.toBeInTheDocument();
      unmount();
    }
  });

  it("shows each page's comparison with the previous snapshot and a suggested major change, in Swedish", () => {
    mockIPC(() => null);
    setLang("sv");
    const same = page({ url: "https://www.facebook.com/a" });
    same.report.comparison = {
      previous_snapshot_id: "snap-1",
      previous_url: "https://www.facebook.com/a",
      text_similarity: 0.857,
      header_text_similarity: 1,
      changed_regions: [{ x: 0, y: 512, width: 640, height: 64, header: false, distance: 12 }],
      signals: [],
      suggests_major_change: false,
    };
    const renamed = page({ url: "https://www.facebook.com/b" });
    renamed.report.comparison = { ...same.report.comparison, signals: ["title", "header-text"], suggests_major_change: true };
    render(SnapshotReport, { snapshot: snapshot({ pages: [same, renamed] }) });
    const [a, b] = screen.getAllByRole("listitem").filter((li) => li.classList.contains("page")) as [HTMLElement, HTMLElement];
    expect(within(a).getByText(/ögonblicksbilden snap-1: texten 86 % lika, 1 ändrade områden/)).toBeInTheDocument();
    expect(within(a).queryByText(/Kanalen verkar ha ändrats/)).not.toBeInTheDocument();
    expect(within(b).getByText("Kanalen verkar ha ändrats: sidans titel, namn eller beskrivning")).toBeInTheDocument();
  });

  it("shows a page error stored as a catalogue message in the window's language", () => {
    const failed = page({
      url: "https://www.nacka.se/borta",
      ok: false,
      error: "Could not capture https://www.nacka.se/borta: the server answered HTTP 404 (Not Found); check that the address is right and the page still exists.",
      message: { key: "page-http-status", args: { url: "https://www.nacka.se/borta", status: 404, reason: "Not Found", server_fault: false } },
    });
    setLang("sv");
    const { unmount } = render(SnapshotReport, { snapshot: snapshot({ status: "failed", pages: [failed] }) });
    // The same sentence the Rust catalogue renders (crates/model/tests/it/messages.rs).
    expect(
      screen.getByText(
        "Sidan https://www.nacka.se/borta kunde inte fångas: servern svarade HTTP 404 (Not Found); kontrollera att adressen är rätt och att sidan finns kvar.",
      ),
    ).toBeInTheDocument();
    unmount();
    setLang("en");
    render(SnapshotReport, { snapshot: snapshot({ status: "failed", pages: [failed] }) });
    expect(screen.getByText(failed.error as string)).toBeInTheDocument();
    setLang("sv");
  });

  it("shows the web archive with its size and where it is, and who timestamped the snapshot, in Swedish", async () => {
    setLang("sv");
    const user = userEvent.setup();
    const calls: { cmd: string; args: unknown }[] = [];
    mockIPC((cmd, args) => {
      calls.push({ cmd, args });
      if (cmd === "timestamp_status") {
        return { key: "timestamp-stamped", args: { signer: "Test TSA", time: "2026-11-28 10:00:00" } };
      }
      if (cmd === "thumbnail") return "data:image/png;base64,iVBORw0KGgo=";
      return null;
    });
    const s = snapshot({ id: "snap-3" });
    s.files = [{ role: "web-archive", path: "web-archive.wacz", sha256: "d".repeat(64), size: 2_097_152, media_type: "application/wacz" }];
    render(SnapshotReport, { snapshot: s, fixity: true });
    expect(await screen.findByText(/Tidsstämplad av Test TSA/)).toBeInTheDocument();
    expect(screen.getByText(/Webbarkiv \(WACZ\): 2,0 MB/)).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Visa filen" }));
    expect(calls.find((c) => c.cmd === "reveal_snapshot_file")?.args).toEqual({ snapshotId: "snap-3", relPath: "web-archive.wacz" });
    expect(calls.find((c) => c.cmd === "timestamp_status")?.args).toEqual({ snapshotId: "snap-3" });
  });
});
