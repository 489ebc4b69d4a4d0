import { render, screen, waitFor, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { mockIPC } from "@tauri-apps/api/mocks";
import { describe, expect, it } from "vitest";
import App from "../App.svelte";
import type { FirstRunForm } from "../bindings/FirstRunForm";
import type { FirstRunStatus } from "../bindings/FirstRunStatus";
import type { OrgUnits } from "../bindings/OrgUnits";
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
  // The organisation's list, kept as the engine keeps it (each change saved at once).
  const org: OrgUnits = { boards: [] };
  mockIPC(
    (cmd, args) => {
      switch (cmd) {
        case "org_units":
          return org;
        case "add_org_entry": {
          const { board, unit } = args as { board: string; unit: string | null };
          if (board.trim() === "" || unit?.trim() === "") {
            throw { code: "invalid_input", message: "The name is empty", key: { key: "org-name-empty", args: {} } };
          }
          if (unit === null) org.boards.push({ name: board, units: [] });
          else org.boards.find((b) => b.name === board)?.units.push(unit);
          return structuredClone(org);
        }
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
          // The engine reads the days: 31 June is no day of the year.
          if (form.schedule?.half_yearly_windows.some((p) => p.end === "06-31")) {
            throw {
              code: "invalid_input",
              message: "'06-31' is not a day of the year: month 6 has the days 01–30",
              key: {
                key: "schedule-bad-day",
                args: { given: "06-31", detail: { key: "day-no-day", args: { month: 6, max: 30 } } },
              },
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
  return { saved, org };
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
    // The periods of the chosen policy are shown, to be edited.
    expect(await screen.findByDisplayValue("05-31")).toBeInTheDocument();

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

  it("takes boards and units and changed periods, and refuses a day that does not exist in the catalogue's words", async () => {
    localStorage.clear();
    loadLang();
    const { saved, org } = shell();
    const user = userEvent.setup();
    render(App);
    await screen.findByRole("heading", { level: 1, name: "Välkommen till Ögonblick" });
    const legends = [...document.querySelectorAll(".first-run > fieldset > legend")].map((l) => l.textContent);
    expect(legends).toEqual([
      "1. Organisationen",
      "2. Nämnder och enheter",
      "3. Förteckningen över kanaler",
      "4. Schema",
      "5. Automatiska ögonblicksbilder",
      "6. Datorn",
    ]);

    // A board and a unit of it, by hand, with Inställningar's editor.
    const units = document.querySelector(".first-run fieldset.units") as HTMLElement;
    await user.type(await within(units).findByLabelText("Ny nämnd"), "Kulturnämnden");
    await user.click(within(units).getByRole("button", { name: "Lägg till nämnd" }));
    await user.type(await within(units).findByLabelText("Ny enhet under Kulturnämnden"), "Bibliotek");
    await user.click(within(units).getByRole("button", { name: "Lägg till enhet" }));
    expect(await within(units).findByText("Bibliotek")).toBeInTheDocument();
    expect(org).toEqual({ boards: [{ name: "Kulturnämnden", units: ["Bibliotek"] }] });

    // The spring window ends a month later; a day that does not exist is the engine's refusal.
    await user.type(screen.getByLabelText("Organisationens namn (krävs)"), "Nacka kommun");
    const springEnd = screen.getByDisplayValue("05-31");
    await user.clear(springEnd);
    await user.type(springEnd, "06-31");
    await user.click(screen.getByRole("button", { name: "Spara och börja" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("'06-31' är ingen dag på året: månaden 6 har dagarna 01–30");
    expect(saved).toHaveLength(0);

    await user.clear(springEnd);
    await user.type(springEnd, "06-10");
    await user.click(screen.getByRole("button", { name: "Spara och börja" }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]?.schedule?.half_yearly_windows[0]).toEqual({ label: "vår", start: "03-01", end: "06-10" });
    expect(saved[0]?.schedule?.yearly_windows).toEqual(schedule.yearly_windows);
  });
});
