import { render, screen, within } from "@testing-library/svelte";
import { mockIPC } from "@tauri-apps/api/mocks";
import { describe, expect, it } from "vitest";
import ChannelList from "../lib/ChannelList.svelte";
import { setLang } from "../lib/i18n.svelte";
import { channel, summary } from "./fixtures";

describe("the register list (Kanaler)", () => {
  it("lists the channels the shell returns, in Swedish", async () => {
    setLang("sv");
    const calls: string[] = [];
    mockIPC((cmd) => {
      calls.push(cmd);
      if (cmd === "list_channels") {
        return [
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
        ];
      }
      throw new Error(`unexpected command ${cmd}`);
    });
    render(ChannelList);

    const table = await screen.findByRole("table", { name: "Registrerade kanaler" });
    const rows = within(table).getAllByRole("row");
    expect(rows).toHaveLength(3); // header + 2
    expect(screen.getByRole("status")).toHaveTextContent("2 kanaler");
    const first = rows[1]!;
    expect(within(first).getByText("Nacka kommun på Facebook")).toBeInTheDocument();
    expect(within(first).getByText("Kommunstyrelsen / Kommunikationsenheten")).toBeInTheDocument();
    expect(within(first).getByText("Åsa Öberg / Erik Ek")).toBeInTheDocument();
    expect(within(first).getByText("Organisationens standard")).toBeInTheDocument();
    expect(within(first).getByText("Ingen ännu")).toBeInTheDocument();
    const second = rows[2]!;
    expect(within(second).getByText("Instagram")).toBeInTheDocument();
    expect(within(second).getByText("https://www.instagram.com/kulturhuset/about")).toBeInTheDocument();
    expect(within(second).getByText("En gång om året")).toBeInTheDocument();
    expect(within(second).getByText("Avslutas")).toBeInTheDocument();
    expect(within(second).getByText(/Ofullständig/)).toBeInTheDocument();
    expect(within(second).getByText("3 totalt")).toBeInTheDocument();
    expect(calls).toEqual(["list_channels"]);
  });

  it("says so when the register is empty", async () => {
    setLang("sv");
    mockIPC(() => []);
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
    mockIPC(() => [summary(channel())]);
    render(ChannelList);
    expect(await screen.findByRole("table", { name: "Registered channels" })).toBeInTheDocument();
    expect(screen.getByText("Organisation default")).toBeInTheDocument();
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Channels");
  });
});
