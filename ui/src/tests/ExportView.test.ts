import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { PackageSummary } from "../bindings/PackageSummary";
import ExportView from "../lib/ExportView.svelte";
import { setLang } from "../lib/i18n.svelte";
import { channel, deferred, progress, verifyReport, recordIPC, type IpcHandler } from "./fixtures";

const PATH = "/home/anna/arkiv/kulturhuset.zip";

function shell(extra: IpcHandler = () => undefined) {
  return recordIPC(extra, (cmd) => {
    switch (cmd) {
      // The choosers' lean list (id, name, board), never list_channels with every channel's history.
      case "channel_choices":
        return [channel(), channel({ id: 2, name: "Kulturhuset på Instagram", board: "Kultur- och fritidsnämnden" })].map(
          (c) => ({ id: c.id, name: c.name, board: c.board }),
        );
      case "choose_save_path":
        return PATH;
      case "choose_open_path":
        return "/media/usb/gammalt-paket.zip";
      default:
        throw new Error(`unexpected ${cmd}`);
    }
  });
}

const done: PackageSummary = {
  objid: "uuid-77",
  path: PATH,
  sidecar: `${PATH}.sha256`,
  sha256: "c".repeat(64),
  size: 3_300_000,
  files: 21,
  snapshots: 3,
  created: "2026-05-04T09:05:00Z",
};

describe("Export", () => {
  it("exports a channel's package to the chosen path with progress, then verifies it", async () => {
    setLang("sv");
    const user = userEvent.setup();
    const running = deferred<PackageSummary>();
    let exportArgs: unknown;
    const calls = shell((cmd, args) => {
      if (cmd === "export_package") {
        exportArgs = args;
        return running.promise;
      }
      if (cmd === "verify_package") return verifyReport({ files_checked: 21, snapshot_ids: ["a", "b", "c"] });
      return undefined;
    });
    render(ExportView);
    await screen.findByRole("option", { name: "Kulturhuset på Instagram" });
    await user.selectOptions(screen.getByLabelText("Kanal"), "Kulturhuset på Instagram");
    await user.type(screen.getByLabelText("Klassificering"), "2.4.1");
    await user.click(screen.getByRole("button", { name: "Välj plats och exportera" }));
    expect(calls.find((c) => c.cmd === "choose_save_path")?.args).toMatchObject({ kind: "package" });
    const a = exportArgs as { request: Record<string, unknown>; outPath: string; jobId: string };
    expect(a.outPath).toBe(PATH);
    expect(a.request).toEqual({
      channel_id: 2,
      board: null,
      from: null,
      to: null,
      snapshot_ids: [],
      include_incomplete: false,
      format: "zip",
      label: null,
      archive_creator: null,
      classification_code: "2.4.1",
      removals: "none",
      marked: "include",
    });
    progress(exportArgs, { kind: "bytes", done: 50, total: 100 });
    const bar = await screen.findByRole("progressbar");
    await expect.poll(() => bar.getAttribute("aria-valuenow")).toBe("50");
    running.resolve(done);
    expect(
      await screen.findByText("Paketet /home/anna/arkiv/kulturhuset.zip innehåller 3 ögonblicksbilder i 21 filer (3,1 MB)."),
    ).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Kontrollera paketet" }));
    expect(calls.find((c) => c.cmd === "verify_package")?.args).toMatchObject({ path: PATH });
    const result = await screen.findByRole("region", { name: "Kontroll av paketet" });
    expect(within(result).getByText(/Paketet uuid-1234 är kontrollerat: alla 21 filer stämmer/)).toBeInTheDocument();
    expect(within(result).getByText("XML-filerna har validerats mot sina scheman.")).toBeInTheDocument();
    expect(within(result).getByText("Paketet innehåller 3 ögonblicksbilder.")).toBeInTheDocument();
  });

  it("exports a board, or a period as local days; checks the period first", async () => {
    setLang("sv");
    const user = userEvent.setup();
    const requests: Record<string, unknown>[] = [];
    shell((cmd, args) => {
      if (cmd === "export_package") {
        requests.push((args as { request: Record<string, unknown> }).request);
        return done;
      }
      return undefined;
    });
    render(ExportView);
    await screen.findByRole("option", { name: "Nacka kommun på Facebook" });
    await user.click(screen.getByLabelText("En nämnd"));
    await user.selectOptions(screen.getByLabelText("Nämnd"), "Kultur- och fritidsnämnden");
    await user.click(screen.getByRole("button", { name: "Välj plats och exportera" }));
    expect(requests[0]).toMatchObject({ board: "Kultur- och fritidsnämnden", channel_id: null });

    await user.click(screen.getByLabelText("En period"));
    await user.click(screen.getByRole("button", { name: "Välj plats och exportera" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Ange periodens första och sista dag.");
    const from = screen.getByLabelText("Från och med");
    const to = screen.getByLabelText("Till och med");
    await user.type(from, "2026-01-01");
    await user.type(to, "2026-06-30");
    await user.click(screen.getByRole("button", { name: "Välj plats och exportera" }));
    const r = requests[1]!;
    expect(new Date(r.from as string).getTime()).toBe(new Date("2026-01-01T00:00:00").getTime());
    expect(new Date(r.to as string).getTime()).toBe(new Date("2026-07-01T00:00:00").getTime());
    expect(r.channel_id).toBeNull();
  });

  it("previews a board's package in a period: what it holds and the channels it leaves undocumented", async () => {
    setLang("sv");
    const user = userEvent.setup();
    const asked: Record<string, unknown>[] = [];
    shell((cmd, args) => {
      if (cmd === "export_preview") {
        asked.push((args as { request: Record<string, unknown> }).request);
        return {
          packages: [
            {
              marked: false,
              marks: 0,
              bytes: 2_500_000,
              removals: [],
              snapshots: [
                {
                  id: "s1",
                  channel_id: 2,
                  channel: "Kulturhuset på Instagram",
                  started_at: "2026-03-01T09:00:00Z",
                  reason: "half-yearly",
                  status: "complete",
                  pages: 3,
                  bytes: 2_500_000,
                },
              ],
            },
          ],
          without_snapshot: [{ id: 7, name: "Konsthallen på Facebook", board: "Kultur- och fritidsnämnden" }],
        };
      }
      return undefined;
    });
    render(ExportView);
    await screen.findByRole("option", { name: "Nacka kommun på Facebook" });
    await user.click(screen.getByLabelText("En nämnd"));
    await user.selectOptions(screen.getByLabelText("Nämnd"), "Kultur- och fritidsnämnden");
    // Board and period together, as the CLI's --board --from --to.
    await user.type(screen.getByLabelText("Från och med"), "2026-01-01");
    await user.type(screen.getByLabelText("Till och med"), "2026-06-30");
    await user.click(screen.getByRole("button", { name: "Förhandsgranska" }));
    expect(asked[0]).toMatchObject({ board: "Kultur- och fritidsnämnden", channel_id: null });
    expect(new Date(asked[0]!.from as string).getTime()).toBe(new Date("2026-01-01T00:00:00").getTime());
    expect(new Date(asked[0]!.to as string).getTime()).toBe(new Date("2026-07-01T00:00:00").getTime());
    const panel = await screen.findByRole("region", { name: "Det här kommer paketet att innehålla" });
    expect(within(panel).getByText(/1 kanal saknar en fullständig ögonblicksbild/)).toBeInTheDocument();
    expect(within(panel).getByText("Konsthallen på Facebook (Kultur- och fritidsnämnden)")).toBeInTheDocument();
    expect(
      within(panel).getByText("Arkivpaket: 1 ögonblicksbild, 0 poster om borttaget innehåll, 0 skyddsmarkerade, filer på sammanlagt 2,4 MB"),
    ).toBeInTheDocument();
    expect(within(panel).getByRole("cell", { name: "Kulturhuset på Instagram" })).toBeInTheDocument();
    // A changed form hides the preview of the old one.
    await user.clear(screen.getByLabelText("Till och med"));
    await user.type(screen.getByLabelText("Till och med"), "2026-12-31");
    expect(screen.queryByRole("region", { name: "Det här kommer paketet att innehålla" })).toBeNull();
  });

  it("puts marked items in a package of their own: a folder is chosen and both packages are shown", async () => {
    setLang("sv");
    const user = userEvent.setup();
    const second: PackageSummary = { ...done, objid: "uuid-78", path: "/home/anna/arkiv/uuid-78.zip", snapshots: 1 };
    const calls = shell((cmd) => {
      if (cmd === "choose_save_path") return "/home/anna/arkiv";
      if (cmd === "export_packages") return [done, second];
      return undefined;
    });
    render(ExportView);
    await screen.findByRole("option", { name: "Nacka kommun på Facebook" });
    await user.selectOptions(screen.getByLabelText("Kanal"), "Nacka kommun på Facebook");
    await user.selectOptions(screen.getByLabelText("Skyddsmarkerade handlingar"), "I ett eget paket");
    await user.click(screen.getByRole("button", { name: "Välj plats och exportera" }));
    expect(calls.find((c) => c.cmd === "choose_save_path")?.args).toMatchObject({ kind: "folder" });
    const a = calls.find((c) => c.cmd === "export_packages")?.args as { request: Record<string, unknown>; outDir: string };
    expect(a.outDir).toBe("/home/anna/arkiv");
    expect(a.request).toMatchObject({ channel_id: 1, marked: "separately" });
    expect(calls.some((c) => c.cmd === "export_package")).toBe(false);
    expect(await screen.findByRole("heading", { name: "Paket 1 av 2 är exporterat" })).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Paket 2 av 2 är exporterat" })).toBeInTheDocument();
    expect(screen.getByText("/home/anna/arkiv/uuid-78.zip", { exact: false })).toBeInTheDocument();
  });

  it("gives a board's documents one diary number (a collecting case)", async () => {
    setLang("sv");
    const user = userEvent.setup();
    const calls = shell((cmd) => (cmd === "set_diary_number" ? [4, 2] : undefined));
    render(ExportView);
    const bulk = await screen.findByRole("form", { name: "Diarienummer för ett samlingsärende" });
    await user.click(within(bulk).getByRole("button", { name: "Sätt diarienumret" }));
    expect(await within(bulk).findByRole("alert")).toHaveTextContent("Välj nämnden.");
    await within(bulk).findByRole("option", { name: "Kultur- och fritidsnämnden" });
    await user.selectOptions(within(bulk).getByLabelText("Samlingsärendets nämnd"), "Kultur- och fritidsnämnden");
    await user.selectOptions(within(bulk).getByLabelText("År"), "Alla år");
    await user.type(within(bulk).getByRole("textbox", { name: "Diarienummer" }), "KFN 2026/3");
    await user.click(within(bulk).getByRole("button", { name: "Sätt diarienumret" }));
    expect(await within(bulk).findByText("KFN 2026/3 är satt på 4 ögonblicksbilder och 2 poster om borttaget innehåll.")).toBeInTheDocument();
    expect(calls.find((c) => c.cmd === "set_diary_number")?.args).toEqual({
      targets: { ids: [], channel: null, board: "Kultur- och fritidsnämnden", year: null },
      number: "KFN 2026/3",
    });
  });

  it("verifies an existing package and lists its problems as sentences", async () => {
    setLang("sv");
    const user = userEvent.setup();
    shell((cmd) =>
      cmd === "verify_package"
        ? verifyReport({
            ok: false,
            schemas_checked: false,
            problems: [
              {
                path: "representations/rep1/data/page-01.png",
                what: { key: "verify-sha-mismatch", args: { source: "representations/rep1/METS.xml" } },
                expected: "aaa",
                found: "bbb",
              },
            ],
          })
        : undefined,
    );
    render(ExportView);
    await user.click(await screen.findByRole("button", { name: "Kontrollera ett befintligt paket" }));
    const result = await screen.findByRole("region", { name: "Kontroll av paketet" });
    expect(within(result).getByText("/media/usb/gammalt-paket.zip")).toBeInTheDocument();
    expect(within(result).getByText(/har 1 fel och bör inte levereras/)).toBeInTheDocument();
    expect(within(result).getByText(/SHA-256 stämmer inte/)).toHaveTextContent(
      "representations/rep1/data/page-01.png: SHA-256 stämmer inte med representations/rep1/METS.xml (väntat aaa, hittat bbb)",
    );
    expect(within(result).getByText(/har inte validerats mot scheman/)).toBeInTheDocument();
  });

  it("shows a refused export as a sentence", async () => {
    setLang("sv");
    const user = userEvent.setup();
    shell((cmd) => {
      if (cmd === "export_package")
        throw { code: "invalid_input", message: "the organisation's name is not set: set it under Inställningar" };
      return undefined;
    });
    render(ExportView);
    await screen.findByRole("option", { name: "Nacka kommun på Facebook" });
    await user.selectOptions(screen.getByLabelText("Kanal"), "Nacka kommun på Facebook");
    await user.click(screen.getByRole("button", { name: "Välj plats och exportera" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Uppgifterna behöver rättas: the organisation's name is not set: set it under Inställningar.",
    );
  });
});
