import { render, screen, waitFor, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { emit } from "@tauri-apps/api/event";
import { mockIPC } from "@tauri-apps/api/mocks";
import { describe, expect, it } from "vitest";
import App from "../App.svelte";
import type { Channel } from "../bindings/Channel";
import type { ChannelQuery } from "../bindings/ChannelQuery";
import type { DueQuery } from "../bindings/DueQuery";
import type { NewChannel } from "../bindings/NewChannel";
import { loadLang } from "../lib/i18n.svelte";
import { channel, closureNotStarted, dueEntry, dueReport, snapshot, summary } from "./fixtures";
import { channelPageOf, duePageOf } from "./pages";

/** A register kept in memory by the mocked shell. */
function fakeShell(sharedRegister: string | null = null) {
  const register: Channel[] = [];
  const languages: unknown[] = [];
  const cmds: string[] = [];
  mockIPC(
    (cmd, args) => {
    cmds.push(cmd);
    switch (cmd) {
      case "change_suggestions":
        return [];
      case "due":
        return dueReport(register.map((c) => dueEntry({ channel_id: c.id, name: c.name })));
      case "due_page":
        return duePageOf(register.map((c) => dueEntry({ channel_id: c.id, name: c.name })), (args as { query: DueQuery }).query);
      case "scheduler_status":
        return { auto_capture: false, last_tick: null, next_tick: null, running: false, last_run_summary: null };
      case "channel_for_edit":
        return { channel: register.find((c) => c.id === (args as { id: number }).id), revision: 1 };
      case "marks":
        return [];
      case "history":
      case "audit_log":
        return [];
      case "capture":
        return [{ outcome: "stored", snapshot: snapshot({ channel_id: 1, status: "complete" }) }];
      case "thumbnail":
        return "data:image/png;base64,iVBORw0KGgo=";
      case "closure_status":
        return closureNotStarted(register.find((c) => c.id === (args as { channelId: number }).channelId)!);
      case "set_language":
        languages.push(args);
        return null;
      case "app_info":
        return { version: "0.1.0", data_dir: "/tmp/ogonblick-test", operator: "åsa", shared_register: sharedRegister };
      case "list_channels":
        return register.map((c) => summary(c));
      case "channel_page":
        return channelPageOf(register.map((c) => summary(c)), (args as { query: ChannelQuery }).query);
      case "add_channel": {
        const n = (args as { channel: NewChannel }).channel;
        const c = channel({ ...n, platform: n.platform ?? "other", id: register.length + 1 });
        register.push(c);
        return c;
      }
      default:
        throw new Error(`unexpected ${cmd}`);
    }
    },
    { shouldMockEvents: true },
  );
  return { register, languages, cmds };
}

describe("the app", () => {
  it("starts in Swedish on Att göra, adds a channel and lists it, by keyboard", async () => {
    loadLang();
    fakeShell();
    const user = userEvent.setup();
    render(App);
    expect(document.documentElement.lang).toBe("sv");
    expect(await screen.findByRole("heading", { name: "Att göra", level: 1 })).toBeInTheDocument();
    expect(await screen.findByText(/Inget att göra just nu/)).toBeInTheDocument();
    expect(await screen.findByText("/tmp/ogonblick-test")).toBeInTheDocument();
    expect(screen.getByTestId("register-line")).toHaveTextContent("Lokalt register");

    const nav = screen.getByRole("navigation", { name: "Huvudmeny" });
    expect(within(nav).getAllByRole("link").map((a) => [a.textContent, a.getAttribute("href")])).toEqual([
      ["Att göra", "#/att-gora"],
      ["Kanaler", "#/kanaler"],
      ["Lägg till kanal", "#/ny-kanal"],
      ["Borttaget", "#/borttaget"],
      ["Översikt", "#/oversikt"],
      ["Export", "#/export"],
      ["Gallring", "#/gallring"],
      ["Inställningar", "#/installningar"],
    ]);
    await user.click(within(nav).getByRole("link", { name: "Lägg till kanal" }));
    const heading = await screen.findByRole("heading", { name: "Lägg till kanal", level: 1 });
    expect(heading).toHaveFocus();
    expect(window.location.hash).toBe("#/ny-kanal");

    await user.tab(); // the first field follows the heading
    expect(screen.getByLabelText(/Kanalens namn/)).toHaveFocus();
    await user.keyboard("Räddningstjänsten på Facebook");
    await user.selectOptions(screen.getByLabelText(/Plattform/), "facebook");
    await user.type(screen.getByLabelText("Adress 1"), "https://www.facebook.com/raddningstjansten{Enter}");

    expect(await screen.findByRole("heading", { name: "Kanaler", level: 1 })).toHaveFocus();
    expect(screen.getByText("Kanalen ”Räddningstjänsten på Facebook” har lagts till i förteckningen.")).toBeInTheDocument();
    const table = await screen.findByRole("table");
    expect(within(table).getByText("Räddningstjänsten på Facebook")).toBeInTheDocument();

    // The new channel is due at once on the start view.
    await user.click(within(nav).getByRole("link", { name: "Att göra" }));
    expect(await screen.findByRole("button", { name: "Ta ögonblicksbild nu av Räddningstjänsten på Facebook" })).toBeInTheDocument();
    expect(window.location.hash).toBe("#/att-gora");
  });

  it("says in the footer that the window is on a shared register", async () => {
    loadLang();
    fakeShell("db.kommun.se/ogonblick");
    render(App);
    expect(await screen.findByText("Delat register: db.kommun.se/ogonblick")).toBeInTheDocument();
  });

  it("opens the view a hash route names, including the closure checklist", async () => {
    loadLang();
    const { register } = fakeShell();
    register.push(channel());
    window.location.hash = "#/kanal/1/avslut";
    render(App);
    expect(await screen.findByRole("heading", { name: "Avveckla Nacka kommun på Facebook", level: 1 })).toBeInTheDocument();
    expect(await screen.findByRole("button", { name: "Påbörja avveckling" })).toBeInTheDocument();
  });

  it("shows the background scheduler's run in a status line, and Att göra reloads after it", async () => {
    loadLang();
    const { cmds } = fakeShell();
    render(App);
    expect(await screen.findByText("Automatiska ögonblicksbilder: av (bara påminnelser)")).toBeInTheDocument();
    await emit("scheduler", { kind: "run-started", channel_ids: [1], catch_up: false });
    expect(await screen.findByText("Automatisk körning: 1 kanal …")).toBeInTheDocument();
    await emit("scheduler", {
      kind: "run-finished",
      summary: { started_at: null, finished_at: null, complete: 1, partial: 0, failed: 1, skipped: 0, error: null },
    });
    // Summed up as a batch from Att göra is, plurals and all; in red, since one failed.
    const done = await screen.findByText("Automatisk körning klar – 2 tagna: 1 fullständig, 0 ofullständiga, 1 misslyckad.");
    expect(done).toHaveClass("tone-bad");
    await expect.poll(() => cmds.filter((c) => c === "due_page").length).toBe(2);
  });

  it("drops a due reminder from the status line once that channel is captured here", async () => {
    loadLang();
    const { register } = fakeShell();
    register.push(channel());
    const user = userEvent.setup();
    render(App);
    await emit("scheduler", {
      kind: "notice",
      notice: {
        kind: "due",
        title: { key: "notice-due-title", args: {} },
        body: { key: "text", args: { text: "1 kanal" } },
        hint: { key: "notice-open-hint", args: {} },
        channel_ids: [1],
      },
    });
    // In the app the hint for the desktop notification is left out: the line links to Att göra.
    const line = await screen.findByText("Dags för ögonblicksbilder: 1 kanal");
    expect(line).toHaveAttribute("title", "Dags för ögonblicksbilder: 1 kanal");
    expect(screen.queryByText(/Öppna Ögonblick/)).not.toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Visa Att göra" })).toHaveAttribute("href", "#/att-gora");
    await user.click(await screen.findByRole("button", { name: /^Ta ögonblicksbild nu av / }));
    await waitFor(() => expect(screen.queryByText("Dags för ögonblicksbilder: 1 kanal")).not.toBeInTheDocument());
    expect(screen.queryByRole("link", { name: "Visa Att göra" })).not.toBeInTheDocument();
  });

  it("switches to English and remembers it", async () => {
    loadLang();
    const { languages } = fakeShell();
    const user = userEvent.setup();
    const { unmount } = render(App);
    await user.selectOptions(screen.getByLabelText("Språk"), "English");
    expect(languages).toContainEqual({ language: "en" });
    expect(screen.getByRole("navigation", { name: "Main menu" })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe("en");
    expect(localStorage.getItem("ogonblick.lang")).toBe("en");
    unmount();

    // A restart reads the stored choice.
    loadLang();
    render(App);
    expect(await screen.findByRole("heading", { name: "To do", level: 1 })).toBeInTheDocument();
  });
});
