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
});
