import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { mockIPC } from "@tauri-apps/api/mocks";
import { describe, expect, it } from "vitest";
import App from "../App.svelte";
import type { Channel } from "../bindings/Channel";
import type { NewChannel } from "../bindings/NewChannel";
import { loadLang } from "../lib/i18n.svelte";
import { channel, summary } from "./fixtures";

/** A register kept in memory by the mocked shell. */
function fakeShell() {
  const register: Channel[] = [];
  mockIPC((cmd, args) => {
    switch (cmd) {
      case "app_info":
        return { version: "0.1.0", data_dir: "/tmp/ogonblick-test", operator: "åsa" };
      case "list_channels":
        return register.map((c) => summary(c));
      case "add_channel": {
        const n = (args as { channel: NewChannel }).channel;
        const c = channel({ ...n, platform: n.platform ?? "other", id: register.length + 1 });
        register.push(c);
        return c;
      }
      default:
        throw new Error(`unexpected ${cmd}`);
    }
  });
  return register;
}

describe("the app", () => {
  it("starts in Swedish on the register, adds a channel and lists it, by keyboard", async () => {
    loadLang();
    fakeShell();
    const user = userEvent.setup();
    render(App);
    expect(document.documentElement.lang).toBe("sv");
    expect(await screen.findByText(/Inga kanaler ännu/)).toBeInTheDocument();
    expect(await screen.findByText("/tmp/ogonblick-test")).toBeInTheDocument();

    const nav = screen.getByRole("navigation", { name: "Huvudmeny" });
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
  });

  it("switches to English and remembers it", async () => {
    loadLang();
    fakeShell();
    const user = userEvent.setup();
    const { unmount } = render(App);
    await user.selectOptions(screen.getByLabelText("Språk"), "English");
    expect(screen.getByRole("navigation", { name: "Main menu" })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe("en");
    expect(localStorage.getItem("ogonblick.lang")).toBe("en");
    unmount();

    // A restart reads the stored choice.
    loadLang();
    render(App);
    expect(await screen.findByRole("heading", { name: "Channels", level: 1 })).toBeInTheDocument();
  });
});
