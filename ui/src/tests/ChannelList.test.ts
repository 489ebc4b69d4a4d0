import { render, screen, within } from "@testing-library/svelte";
import { mockIPC } from "@tauri-apps/api/mocks";
import { describe, expect, it } from "vitest";
import ChannelList from "../lib/ChannelList.svelte";
import { setLang } from "../lib/i18n.svelte";
import type { ChannelQuery } from "../bindings/ChannelQuery";
import { channel, summary } from "./fixtures";
import { channelPageOf } from "./pages";

const asked = (args: unknown) => (args as { query: ChannelQuery }).query;

describe("the register list (Kanaler)", () => {
  it("lists the channels the shell returns, in Swedish", async () => {
    setLang("sv");
    const calls: string[] = [];
    mockIPC((cmd, args) => {
      calls.push(cmd);
      if (cmd === "channel_page") {
        return channelPageOf([
          summary(channel()),
          summary(
            channel({
              id: 2,
              name: "Kulturhuset på Instagram",
              platform: "instagram",
              urls: ["https://www.instagram.com/kulturhuset", "https://www.instagram.com/kulturhuset/about"],
              policy: "yearly",
              status: "closing",
            }),
            {
              last_snapshot_at: "2026-04-02T08:30:00Z",
              last_snapshot_status: "partial",
              snapshot_count: 3,
            },
          ),
        ], asked(args));
      }
      throw new Error(`unexpected command ${cmd}`);
    });
    render(ChannelList);

    const table = await screen.findByRole("table", { name: "Registrerade kanaler" });
    const rows = within(table).getAllByRole("row");
    expect(rows).toHaveLength(3); // header + 2
    expect(screen.getByRole("status")).toHaveTextContent("2 kanaler");
    // Sorted by name (Swedish order) unless the user picks another column.
    const first = rows[2]!;
    expect(within(first).getByText("Nacka kommun på Facebook")).toBeInTheDocument();
    expect(within(first).getByText("Kommunstyrelsen / Kommunikationsenheten")).toBeInTheDocument();
    expect(within(first).getByText("Åsa Öberg / Erik Ek")).toBeInTheDocument();
    expect(within(first).getByText("Organisationens standard")).toBeInTheDocument();
    expect(within(first).getByText("Ingen ännu")).toBeInTheDocument();
    const second = rows[1]!;
    expect(within(second).getByText("Instagram")).toBeInTheDocument();
    expect(within(second).getByText("https://www.instagram.com/kulturhuset/about")).toBeInTheDocument();
    expect(within(second).getByText("En gång om året")).toBeInTheDocument();
    expect(within(second).getByText("Under avveckling")).toBeInTheDocument();
    expect(within(second).getByText(/Ofullständig/)).toBeInTheDocument();
    expect(within(second).getByText("3 totalt")).toBeInTheDocument();
    expect(calls).toEqual(["channel_page"]);
  });

  it("says so when the register is empty", async () => {
    setLang("sv");
    mockIPC((_cmd, args) => channelPageOf([], asked(args)));
    render(ChannelList);
    expect(await screen.findByText(/Inga kanaler ännu/)).toBeInTheDocument();
    expect(screen.queryByRole("table")).not.toBeInTheDocument();
  });

  it("shows a failure as a readable sentence from {code, message}", async () => {
    setLang("sv");
    mockIPC(() => {
      throw {
        code: "environment",
        message: "/data is not writable: give --data-dir a folder you may write to",
      };
    });
    render(ChannelList);
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent(
      "Något i datorns miljö hindrar Ögonblick: /data is not writable: give --data-dir a folder you may write to.",
    );
    expect(alert).toHaveAttribute("data-code", "environment");
  });

  it("follows the language switch", async () => {
    setLang("en");
    mockIPC((_cmd, args) => channelPageOf([summary(channel())], asked(args)));
    render(ChannelList);
    expect(await screen.findByRole("table", { name: "Registered channels" })).toBeInTheDocument();
    expect(screen.getByText("Organisation default")).toBeInTheDocument();
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Channels");
  });
});

import userEvent from "@testing-library/user-event";

describe("the register's filters and CSV", () => {
  it("filters live by text, board, unit, person, failed and no substitute; sorts by a column; remembers both", async () => {
    setLang("sv");
    const user = userEvent.setup();
    const calls: unknown[] = [];
    mockIPC((cmd, args) => {
      if (cmd !== "channel_page") throw new Error(`unexpected ${cmd}`);
      calls.push(asked(args));
      return channelPageOf([
        summary(channel()),
        summary(channel({ id: 2, name: "Kulturhuset", board: "Kultur- och fritidsnämnden", unit: "Kulturhuset", responsible: "Bo Berg", substitute: null }), {
          last_snapshot_at: "2026-04-02T08:30:00Z", last_snapshot_status: "failed", snapshot_count: 1,
        }),
        summary(channel({ id: 3, name: "Biblioteket", board: "Kultur- och fritidsnämnden", unit: "Biblioteken", responsible: "Bo Berg" })),
      ], asked(args));
    });
    const view = render(ChannelList);
    const table = await screen.findByRole("table");
    const names = () => within(table).getAllByRole("rowheader").map((th) => th.querySelector(".name")?.textContent?.trim());
    await expect.poll(names).toEqual(["Biblioteket", "Kulturhuset", "Nacka kommun på Facebook"]);
    // Marks on the row: no substitute, the latest attempt failed.
    const kultur = within(table).getByText("Kulturhuset").closest("tr") as HTMLElement;
    expect(within(kultur).getByText("Ersättare saknas")).toBeInTheDocument();
    expect(within(kultur).getByText("Senaste försöket misslyckades")).toBeInTheDocument();

    // Live search: no button, every keystroke filters.
    await user.type(screen.getByLabelText("Sök"), "kultur");
    await expect.poll(names).toEqual(["Biblioteket", "Kulturhuset"]);
    expect(await screen.findByText("2 av 3 kanaler visas")).toBeInTheDocument();
    await user.clear(screen.getByLabelText("Sök"));
    await user.selectOptions(screen.getByLabelText("Nämnd"), "Kultur- och fritidsnämnden");
    await user.selectOptions(screen.getByLabelText("Enhet"), "Biblioteken");
    await expect.poll(names).toEqual(["Biblioteket"]);
    await user.selectOptions(screen.getByLabelText("Enhet"), "");
    await user.selectOptions(screen.getByLabelText("Ansvarig eller ersättare"), "Bo Berg");
    await expect.poll(names).toEqual(["Biblioteket", "Kulturhuset"]);
    await user.click(screen.getByLabelText("Ersättare saknas"));
    await expect.poll(names).toEqual(["Kulturhuset"]);
    await user.click(screen.getByLabelText("Ersättare saknas"));
    await user.click(screen.getByLabelText("Senaste försöket misslyckades"));
    await expect.poll(names).toEqual(["Kulturhuset"]);
    await user.click(screen.getByRole("button", { name: "Visa alla" }));
    await expect.poll(names).toEqual(["Biblioteket", "Kulturhuset", "Nacka kommun på Facebook"]);

    // Sorting: a column's button, again for the other direction.
    await user.click(screen.getByRole("button", { name: "Sortera efter Namn" }));
    await expect.poll(names).toEqual(["Nacka kommun på Facebook", "Kulturhuset", "Biblioteket"]);
    expect(within(table).getAllByRole("columnheader")[1]).toHaveAttribute("aria-sort", "descending");
    await user.type(screen.getByLabelText("Sök"), "kultur");
    // The desktop filters, sorts and pages: the window asks for one page under the filter and order.
    await expect.poll(() => calls[calls.length - 1]).toMatchObject({ text: "kultur", sort: "name", descending: true, offset: 0, limit: 50 });

    view.unmount();
    render(ChannelList);
    const again = await screen.findByRole("table");
    expect(screen.getByLabelText("Sök")).toHaveValue("kultur");
    expect(within(again).getAllByRole("rowheader").map((th) => th.querySelector(".name")?.textContent?.trim())).toEqual([
      "Kulturhuset", "Biblioteket",
    ]);
  });

  it("imports a CSV chosen in the dialog and shows each wrong row", async () => {
    setLang("sv");
    const user = userEvent.setup();
    const calls: { cmd: string; args: unknown }[] = [];
    mockIPC((cmd, args) => {
      calls.push({ cmd, args });
      switch (cmd) {
        case "channel_page":
          return channelPageOf([], asked(args));
        case "choose_open_path":
          return "/home/anna/kanaler.csv";
        case "import_register":
          throw {
            code: "invalid_input",
            message:
              "2 of the rows in the file are wrong and nothing was imported; fix them and import again: row 3: the platform 'myspace' is unknown; the name is missing | row 5: the address 'x' is not http(s)",
          };
        default:
          throw new Error(`unexpected ${cmd}`);
      }
    });
    render(ChannelList);
    await user.click(await screen.findByRole("button", { name: "Importera från CSV" }));
    expect(calls.find((c) => c.cmd === "choose_open_path")?.args).toEqual({ kind: "csv" });
    expect(calls.find((c) => c.cmd === "import_register")?.args).toEqual({ path: "/home/anna/kanaler.csv" });
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Uppgifterna behöver rättas: 2 of the rows in the file are wrong and nothing was imported; fix them and import again.",
    );
    const rows = within(screen.getByRole("list", { name: "Rader som behöver rättas" })).getAllByRole("listitem");
    expect(rows.map((r) => r.textContent)).toEqual([
      "Rad 3: the platform 'myspace' is unknown; the name is missing",
      "Rad 5: the address 'x' is not http(s)",
    ]);
  });

  it("exports the register to the path chosen, with the chosen delimiter; a cancelled dialog does nothing", async () => {
    setLang("sv");
    const user = userEvent.setup();
    const calls: { cmd: string; args: unknown }[] = [];
    let path: string | null = null;
    mockIPC((cmd, args) => {
      calls.push({ cmd, args });
      switch (cmd) {
        case "channel_page":
          return channelPageOf([summary(channel())], asked(args));
        case "choose_save_path":
          return path;
        case "export_register":
          return { path: "/home/anna/kanaler.csv", channels: 1, delimiter: "comma" };
        default:
          throw new Error(`unexpected ${cmd}`);
      }
    });
    render(ChannelList);
    await screen.findByRole("table");
    await user.click(screen.getByRole("button", { name: "Exportera till CSV" }));
    expect(calls.some((c) => c.cmd === "export_register")).toBe(false);

    path = "/home/anna/kanaler.csv";
    await user.selectOptions(screen.getByLabelText("Avgränsare"), "comma");
    await user.click(screen.getByRole("button", { name: "Exportera till CSV" }));
    expect(calls.find((c) => c.cmd === "choose_save_path")?.args).toEqual({ kind: "csv", defaultName: "kanaler.csv" });
    expect(calls.find((c) => c.cmd === "export_register")?.args).toEqual({ path: "/home/anna/kanaler.csv", delimiter: "comma" });
    expect(await screen.findByText("Förteckningen med 1 kanal exporterades till /home/anna/kanaler.csv.")).toBeInTheDocument();
  });
});
