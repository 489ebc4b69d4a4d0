import { render, screen, waitFor, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { mockIPC } from "@tauri-apps/api/mocks";
import { describe, expect, it } from "vitest";
import App from "../App.svelte";
import type { FirstRunForm } from "../bindings/FirstRunForm";
import type { FirstRunStatus } from "../bindings/FirstRunStatus";
import type { ScheduleSettings } from "../bindings/ScheduleSettings";
import { loadLang } from "../lib/i18n.svelte";
import { dueReport } from "./fixtures";

const schedule: ScheduleSettings = {
  default_policy: "half-yearly",
  half_yearly_windows: [
    { label: "vår", start: "03-01", end: "05-31" },
    { label: "höst", start: "09-15", end: "11-30" },
  ],
  yearly_windows: [{ label: "höst", start: "09-15", end: "11-30" }],
  blackouts: [{ label: "sommar", start: "06-15", end: "08-15" }],
  major_change_resets_schedule: false,
  timezone: "Europe/Stockholm",
};

function newFolder(): FirstRunStatus {
  return {
    needed: true,
    organisation: {
      name: "",
      org_number: null,
      e_archive_name: null,
      submission_agreement: null,
      default_policy: "half-yearly",
      schedule_windows: null,
    },
    channels: 0,
    auto_capture: false,
    browser: { ok: true, path: "/usr/bin/chromium", message: { key: "setup-browser-found", args: { path: "/usr/bin/chromium" } } },
    emoji_font: { ok: false, path: null, message: { key: "setup-font-missing", args: {} } },
  };
}

/** The shell of a new data folder: the setup is needed until it is saved. */
function shell() {
  const saved: FirstRunForm[] = [];
  mockIPC(
    (cmd, args) => {
      switch (cmd) {
        case "first_run_status":
          return newFolder();
        case "get_schedule_settings":
          return schedule;
        case "complete_first_run": {
          const form = (args as { form: FirstRunForm }).form;
          if (form.name.trim() === "") {
            throw {
              code: "invalid_input",
              message: "Give the organisation's name",
              key: { key: "setup-name-missing", args: {} },
            };
          }
          saved.push(form);
          return { ...newFolder(), needed: false };
        }
        case "due":
          return dueReport([]);
        case "scheduler_status":
          return { auto_capture: false, last_tick: null, next_tick: null, running: false, last_run_summary: null };
        case "app_info":
          return { version: "0.1.0", data_dir: "/tmp/ny", operator: "åsa" };
        case "set_language":
          return null;
        default:
          throw new Error(`unexpected ${cmd}`);
      }
    },
    { shouldMockEvents: true },
  );
  return { saved };
}

describe("the first run", () => {
  it("leads a new data folder through the setup in Swedish, says what to install, and then opens Att göra", async () => {
    localStorage.clear();
    loadLang();
    const { saved } = shell();
    const user = userEvent.setup();
    render(App);

    const heading = await screen.findByRole("heading", { level: 1, name: "Välkommen till Ögonblick" });
    expect(heading).toBeInTheDocument();
    // This computer: the browser is there, the emoji font is not, with what to install.
    const font = document.querySelector("[data-check=font]") as HTMLElement;
    expect(font).toHaveTextContent("Emojitypsnitt (Noto Color Emoji): Saknas");
    expect(font).toHaveTextContent("sudo apt-get install fonts-noto-color-emoji");
    expect(document.querySelector("[data-check=browser]")).toHaveTextContent("Webbläsaren finns: /usr/bin/chromium");
    // The windows of the chosen policy are shown.
    expect(await screen.findByText(/Perioder: vår 03-01–05-31, höst 09-15–11-30/)).toBeInTheDocument();

    // A name of spaces: the engine's refusal, in Swedish, and nothing saved.
    await user.type(screen.getByLabelText("Organisationens namn (krävs)"), "   ");
    await user.click(screen.getByRole("button", { name: "Spara och börja" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Skriv organisationens namn");
    expect(saved).toHaveLength(0);

    await user.clear(screen.getByLabelText("Organisationens namn (krävs)"));
    await user.type(screen.getByLabelText("Organisationens namn (krävs)"), "Nacka kommun");
    await user.type(screen.getByLabelText("Organisationsnummer"), "212000-0167");
    await user.type(screen.getByLabelText("E-arkiv som arkivpaketen levereras till"), "Nacka e-arkiv");
    await user.selectOptions(screen.getByLabelText("Hur ofta kanaler utan eget schema fångas"), "yearly");
    await user.click(screen.getByRole("checkbox", { name: /automatiskt när de ska tas, medan appen är öppen/ }));
    await user.click(screen.getByRole("button", { name: "Spara och börja" }));

    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]).toEqual({
      name: "Nacka kommun",
      org_number: "212000-0167",
      e_archive_name: "Nacka e-arkiv",
      submission_agreement: null,
      schedule: { ...schedule, default_policy: "yearly" },
      auto_capture: true,
    });
    // The setup is gone; Att göra is shown, and the save is announced.
    expect(await screen.findByRole("heading", { level: 1, name: "Att göra" })).toBeInTheDocument();
    expect(screen.queryByText("Välkommen till Ögonblick")).not.toBeInTheDocument();
    expect(within(document.querySelector(".announce") as HTMLElement).getByText("Inställningarna är sparade. Välkommen!")).toBeInTheDocument();
  });
});
