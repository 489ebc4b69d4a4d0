// Several desktops at once (issue 15): a change made elsewhere shows in the
// view in place (the desktop's `register-changed` event), an open edit form
// is never overwritten, and its save is refused with who changed the
// channel and when; Ladda om brings the saved values and the save then goes
// through with the new revision.
import { render, screen, waitFor, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { emit } from "@tauri-apps/api/event";
import { mockIPC } from "@tauri-apps/api/mocks";
import { describe, expect, it } from "vitest";
import App from "../App.svelte";
import type { Channel } from "../bindings/Channel";
import type { ChannelQuery } from "../bindings/ChannelQuery";
import { loadLang, setLang } from "../lib/i18n.svelte";
import { channel, closureNotStarted, summary } from "./fixtures";
import { channelPageOf } from "./pages";

/**
 * The register of one channel, changed by "another desktop" with `elsewhere`; with `login`, the
 * refusal names the PostgreSQL login the server recorded beside the name the change claims.
 */
function register(login: string | null = null) {
  let current = channel();
  let revision = 1;
  /** While set, the page's reload after a save never finishes (a slow register). */
  let holdReload = false;
  const calls: { cmd: string; args: unknown }[] = [];
  mockIPC(
    (cmd, args) => {
      calls.push({ cmd, args });
      switch (cmd) {
        case "app_info":
          return { version: "0.1.0", data_dir: "/tmp/ogonblick-test", operator: "åsa", shared_register: "db/ogonblick" };
        case "first_run_status":
          return { needed: false };
        case "set_language":
          return null;
        case "channel_page":
          return channelPageOf([summary(current)], (args as { query: ChannelQuery }).query);
        case "channel_for_edit":
          return holdReload ? new Promise(() => {}) : { channel: current, revision };
        case "edit_channel": {
          const a = args as { id: number; patch: Partial<Channel>; revision: number | null };
          if (a.revision !== revision) {
            const said = { id: 1, name: current.name, by: "bo", at: "2026-09-01T08:12:00Z" };
            throw {
              code: "conflict",
              message: "changed",
              key:
                login === null
                  ? { key: "store-channel-changed-by", args: said }
                  : { key: "store-channel-changed-by-login", args: { ...said, login } },
            };
          }
          current = { ...current, ...a.patch, id: 1 } as Channel;
          revision += 1;
          return { channel: current, revision };
        }
        case "history":
        case "audit_log":
        case "marks":
        case "list_removals":
        case "change_suggestions":
          return [];
        case "channel_due":
          return null;
        case "scheduler_status":
          return { auto_capture: false, last_tick: null, next_tick: null, running: false, last_run_summary: null };
        case "closure_status":
          return closureNotStarted(current);
        default:
          return undefined;
      }
    },
    { shouldMockEvents: true },
  );
  return {
    calls,
    /** From now on the page's reloads do not finish. */
    holdReloads(): void {
      holdReload = true;
    },
    /** Another desktop (or the CLI) changes the channel; the poll tells the window. */
    async elsewhere(patch: Partial<Channel>): Promise<void> {
      current = { ...current, ...patch };
      revision += 1;
      await emit("register-changed", { last: 100 + revision });
    },
  };
}

describe("changes made elsewhere", () => {
  it("show in Kanaler in place, with the filter kept", async () => {
    loadLang();
    setLang("sv");
    const user = userEvent.setup();
    const shell = register();
    window.location.hash = "#/kanaler";
    render(App);
    const table = await screen.findByRole("table", { name: "Registrerade kanaler" });
    await user.type(screen.getByLabelText("Sök"), "nacka");
    await waitFor(() => expect(within(table).getByText("Åsa Öberg / Erik Ek")).toBeInTheDocument());
    const asked = shell.calls.filter((c) => c.cmd === "channel_page").length;
    await shell.elsewhere({ responsible: "Bo Ek" });
    await waitFor(() => expect(within(table).getByText("Bo Ek / Erik Ek")).toBeInTheDocument());
    const again = shell.calls.filter((c) => c.cmd === "channel_page");
    expect(again.length).toBe(asked + 1);
    expect((again[again.length - 1]!.args as { query: ChannelQuery }).query.text).toBe("nacka");
    expect(screen.getByLabelText("Sök")).toHaveValue("nacka");
    // The same table element: redrawn in place, not replaced.
    expect(screen.getByRole("table", { name: "Registrerade kanaler" })).toBe(table);
  });

  it("never overwrite an open edit form: its save is refused with who and when, Ladda om brings the new values", async () => {
    loadLang();
    setLang("sv");
    const user = userEvent.setup();
    const shell = register();
    window.location.hash = "#/kanal/1";
    render(App);
    await user.click(await screen.findByRole("button", { name: "Ändra uppgifter" }));
    await user.type(screen.getByLabelText("Anteckningar"), "Min anteckning");
    // Bo changes the responsible person meanwhile; the page reads it again.
    await shell.elsewhere({ responsible: "Bo Ek" });
    await waitFor(() => expect(shell.calls.filter((c) => c.cmd === "channel_for_edit").length).toBe(2));
    expect(screen.getByLabelText("Ansvarig")).toHaveValue("Åsa Öberg");
    expect(screen.getByLabelText("Anteckningar")).toHaveValue("Min anteckning");

    await user.click(screen.getByRole("button", { name: "Spara ändringar" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent(/ändrades av bo/);
    expect(alert).toHaveTextContent(/2026/);
    const edits = shell.calls.filter((c) => c.cmd === "edit_channel");
    expect((edits[0]!.args as { revision: number }).revision).toBe(1);

    await user.click(screen.getByRole("button", { name: "Ladda om" }));
    await waitFor(() => expect(screen.getByLabelText("Ansvarig")).toHaveValue("Bo Ek"));
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    expect(screen.getByText(/Formuläret visar nu kanalen som den är sparad/)).toBeInTheDocument();
    await user.type(screen.getByLabelText("Anteckningar"), "Min anteckning");
    await user.click(screen.getByRole("button", { name: "Spara ändringar" }));
    expect(await screen.findByText("Uppgifterna för ”Nacka kommun på Facebook” är sparade.")).toBeInTheDocument();
    const all = shell.calls.filter((c) => c.cmd === "edit_channel");
    const saved = all[all.length - 1]!.args as {
      revision: number;
      patch: Partial<Channel>;
    };
    expect(saved.revision).toBe(2);
    expect(saved.patch).toMatchObject({ responsible: "Bo Ek", notes: "Min anteckning" });
  });

  it("take the revision of one's own save from its answer: a second edit before the reload finishes goes through", async () => {
    loadLang();
    setLang("sv");
    const user = userEvent.setup();
    const shell = register();
    window.location.hash = "#/kanal/1";
    render(App);
    await user.click(await screen.findByRole("button", { name: "Ändra uppgifter" }));
    shell.holdReloads();
    await user.type(screen.getByLabelText("Anteckningar"), "Första");
    await user.click(screen.getByRole("button", { name: "Spara ändringar" }));
    expect(await screen.findByText("Uppgifterna för ”Nacka kommun på Facebook” är sparade.")).toBeInTheDocument();
    // At once again, while the page's reload is still on its way.
    await user.click(screen.getByRole("button", { name: "Ändra uppgifter" }));
    expect(screen.getByLabelText("Anteckningar")).toHaveValue("Första");
    await user.type(screen.getByLabelText("Anteckningar"), " och andra");
    await user.click(screen.getByRole("button", { name: "Spara ändringar" }));
    await waitFor(() => expect(shell.calls.filter((c) => c.cmd === "edit_channel").length).toBe(2));
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    const edits = shell.calls.filter((c) => c.cmd === "edit_channel").map((c) => c.args as { revision: number });
    expect(edits.map((e) => e.revision)).toEqual([1, 2]);
    expect(await screen.findByText("Uppgifterna för ”Nacka kommun på Facebook” är sparade.")).toBeInTheDocument();
  });

  it("name the login the server recorded when the change claims another name, and offer Ladda om", async () => {
    loadLang();
    setLang("sv");
    const user = userEvent.setup();
    const shell = register("anna_login");
    window.location.hash = "#/kanal/1";
    render(App);
    await user.click(await screen.findByRole("button", { name: "Ändra uppgifter" }));
    await shell.elsewhere({ responsible: "Bo Ek" });
    await waitFor(() => expect(shell.calls.filter((c) => c.cmd === "channel_for_edit").length).toBe(2));
    await user.type(screen.getByLabelText("Anteckningar"), "Min anteckning");
    await user.click(screen.getByRole("button", { name: "Spara ändringar" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent(/ändrades av PostgreSQL-inloggningen anna_login \(i namnet bo\)/);
    await user.click(screen.getByRole("button", { name: "Ladda om" }));
    await waitFor(() => expect(screen.getByLabelText("Ansvarig")).toHaveValue("Bo Ek"));
  });
});
