import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { PackageOrg } from "../bindings/PackageOrg";
import type { ScheduleSettings } from "../bindings/ScheduleSettings";
import { setLang } from "../lib/i18n.svelte";
import SettingsView from "../lib/SettingsView.svelte";
import { recordIPC, type IpcHandler } from "./fixtures";
import { org, settingsRead } from "./settingsReads";

/** Adds a blackout in Inställningar → Schema: its group of fields. */
async function newBlackout(user: ReturnType<typeof userEvent.setup>): Promise<HTMLElement> {
  await user.click(await screen.findByRole("button", { name: "Lägg till uppehåll" }));
  const blackouts = screen.getByRole("group", { name: "Uppehåll (inga schemalagda ögonblicksbilder)" });
  return within(blackouts).getByRole("group", { name: "Period 2" });
}

function shell(extra: IpcHandler = () => undefined) {
  return recordIPC(extra, (cmd, args) => {
    const a = args as { settings: unknown };
    switch (cmd) {
      case "set_settings":
      case "set_package_settings":
      case "set_schedule_settings":
      case "set_scheduler_settings":
        return a.settings;
      default: {
        const read = settingsRead(cmd);
        if (read === undefined) throw new Error(`unexpected ${cmd}`);
        return read;
      }
    }
  });
}

describe("Inställningar", () => {
  it("saves the organisation: e-archive and submission agreement", async () => {
    setLang("sv");
    const user = userEvent.setup();
    const calls = shell();
    render(SettingsView);
    await user.type(await screen.findByLabelText("E-arkiv"), "Nacka e-arkiv");
    await user.type(screen.getByLabelText("Leveransöverenskommelse"), "LÖK 2026:1");
    await user.click(screen.getByRole("button", { name: "Spara organisationen" }));
    expect(calls.find((c) => c.cmd === "set_settings")?.args).toEqual({
      settings: { ...org, e_archive_name: "Nacka e-arkiv", submission_agreement: "LÖK 2026:1" },
    });
    const form = screen.getByRole("form", { name: "Organisation" });
    expect(await within(form).findByText("Sparat.")).toBeInTheDocument();
  });

  it("saves package defaults with disposal under a retention decision, and shows a refusal", async () => {
    setLang("sv");
    const user = userEvent.setup();
    let refuse = true;
    const calls = shell((cmd) => {
      if (cmd === "set_package_settings" && refuse) {
        refuse = false;
        throw {
          code: "invalid_input",
          message: "retention 'dispose after N years' needs the retention decision's reference (gallringsbeslut)",
        };
      }
      return undefined;
    });
    render(SettingsView);
    await user.type(await screen.findByLabelText("Klassificering"), "1.2.3");
    await user.type(screen.getByLabelText("Rad i dokumenthanteringsplanen"), "KS 4.2");
    await user.selectOptions(
      screen.getByLabelText("Språk i paketens förteckning och beskrivning av hur bilderna togs"),
      "en",
    );
    await user.click(screen.getByLabelText("Gallras efter ett antal år"));
    await user.clear(screen.getByLabelText("Antal år"));
    await user.type(screen.getByLabelText("Antal år"), "2");
    await user.click(screen.getByRole("button", { name: "Spara paketinställningarna" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Uppgifterna behöver rättas: retention 'dispose after N years' needs the retention decision's reference (gallringsbeslut).",
    );
    await user.type(screen.getByLabelText("Gallringsbeslut (referens)"), "KS 2025/12");
    await user.click(screen.getByRole("button", { name: "Spara paketinställningarna" }));
    const sets = calls.filter((c) => c.cmd === "set_package_settings");
    expect(sets).toHaveLength(2);
    const saved = sets[1]!.args as { settings: PackageOrg };
    expect(saved.settings).toMatchObject({
      classification_code: "1.2.3",
      document_plan_row: "KS 4.2",
      retention: { kind: "dispose-after", years: 2, decision: "KS 2025/12" },
      language: "en",
    });
  });

  it("edits schedule windows and blackouts, and turns automatic capture on", async () => {
    setLang("sv");
    const user = userEvent.setup();
    const calls = shell();
    render(SettingsView);
    const second = await newBlackout(user);
    await user.type(within(second).getByLabelText("Namn"), "jul");
    await user.type(within(second).getByLabelText("Första dag (MM-DD)"), "12-15");
    await user.type(within(second).getByLabelText("Sista dag (MM-DD)"), "01-07");
    await user.click(screen.getByRole("button", { name: "Spara schemat" }));
    const s = calls.find((c) => c.cmd === "set_schedule_settings")?.args as { settings: ScheduleSettings };
    expect(s.settings.blackouts).toEqual([
      { label: "sommar", start: "06-15", end: "08-15" },
      { label: "jul", start: "12-15", end: "01-07" },
    ]);
    expect(s.settings.half_yearly_windows).toHaveLength(2);

    await user.click(screen.getByLabelText("Ta ögonblicksbilderna automatiskt när de ska tas"));
    await user.click(screen.getByRole("button", { name: "Spara" }));
    expect(calls.find((c) => c.cmd === "set_scheduler_settings")?.args).toEqual({ settings: { auto_capture: true } });
  });

  it("shows the engine's refusal of a day of a period that does not exist in the catalogue's words", async () => {
    setLang("sv");
    const user = userEvent.setup();
    const calls = shell((cmd, args) => {
      const sent = (args as { settings: ScheduleSettings }).settings;
      if (cmd === "set_schedule_settings" && sent.blackouts.some((p) => p.start === "13-01")) {
        throw {
          code: "invalid_input",
          message: "'13-01' is not a day of the year: there is no month 13 (use 01–12)",
          key: { key: "schedule-bad-day", args: { given: "13-01", detail: { key: "day-no-month", args: { month: 13 } } } },
        };
      }
      return undefined;
    });
    render(SettingsView);
    const second = await newBlackout(user);
    await user.type(within(second).getByLabelText("Första dag (MM-DD)"), "13-01");
    await user.type(within(second).getByLabelText("Sista dag (MM-DD)"), "01-07");
    await user.click(screen.getByRole("button", { name: "Spara schemat" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("'13-01' är ingen dag på året: månaden 13 finns inte (använd 01–12)");
    // The days are sent as written; the engine reads them.
    const sent = calls.filter((c) => c.cmd === "set_schedule_settings");
    expect(sent).toHaveLength(1);
    expect((sent[0]?.args as { settings: ScheduleSettings }).settings.blackouts[1]).toEqual({ label: "", start: "13-01", end: "01-07" });
  });

  it("adds, rewords and retires a removal ground; the list comes back from the engine", async () => {
    setLang("sv");
    const user = userEvent.setup();
    let grounds = [
      { code: "reklam", label_sv: "Kommersiellt budskap/reklam", label_en: "Advertising", needs_text: false, retired: false },
      { code: "annat", label_sv: "Annat", label_en: "Other", needs_text: true, retired: false },
    ];
    const calls = shell((cmd, args) => {
      const a = args as { code: string; labelSv: string | null; labelEn: string | null };
      if (cmd === "removal_grounds") return grounds;
      if (cmd === "add_removal_ground") {
        const g = { code: a.code, label_sv: a.labelSv!, label_en: a.labelEn ?? a.labelSv!, needs_text: false, retired: false };
        grounds = [g, ...grounds];
        return g;
      }
      if (cmd === "edit_removal_ground") {
        grounds = grounds.map((g) => (g.code === a.code ? { ...g, label_sv: a.labelSv ?? g.label_sv } : g));
        return grounds.find((g) => g.code === a.code);
      }
      if (cmd === "retire_removal_ground") {
        grounds = grounds.map((g) => (g.code === a.code ? { ...g, retired: true } : g));
        return grounds.find((g) => g.code === a.code);
      }
      return undefined;
    });
    render(SettingsView);
    const table = await screen.findByRole("table", { name: "Grunder för borttagning" });
    expect(within(table).getByText("Kommersiellt budskap/reklam")).toBeInTheDocument();
    // "annat" needs its own text and cannot be taken out of use.
    expect(within(table).queryByRole("button", { name: "Ta grunden Annat ur bruk" })).not.toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Lägg till grunden" }));
    expect(await screen.findByText(/Skriv kortnamnet och den svenska formuleringen/)).toBeInTheDocument();
    await user.type(screen.getByLabelText("Kortnamn"), "spam");
    await user.type(screen.getByLabelText("Svensk formulering"), "Skräppost");
    await user.click(screen.getByRole("button", { name: "Lägg till grunden" }));
    expect(await screen.findByText("Grunden ”Skräppost” är tillagd.")).toBeInTheDocument();
    expect(calls.find((c) => c.cmd === "add_removal_ground")?.args).toEqual({ code: "spam", labelSv: "Skräppost", labelEn: null });

    await user.click(screen.getByRole("button", { name: "Ändra grunden Skräppost" }));
    const sv = screen.getByLabelText("Svensk formulering");
    await user.clear(sv);
    await user.type(sv, "Skräppost och spam");
    await user.click(screen.getByRole("button", { name: "Spara ändringen" }));
    expect(await screen.findByText("Grunden ”Skräppost och spam” är ändrad.")).toBeInTheDocument();
    expect(calls.find((c) => c.cmd === "edit_removal_ground")?.args).toMatchObject({ code: "spam", labelSv: "Skräppost och spam" });

    await user.click(screen.getByRole("button", { name: "Ta grunden Skräppost och spam ur bruk" }));
    expect(await screen.findByText("Grunden ”Skräppost och spam” är tagen ur bruk.")).toBeInTheDocument();
    const row = (await screen.findByText("Skräppost och spam")).closest("tr") as HTMLElement;
    expect(within(row).getByText("Tagen ur bruk")).toBeInTheDocument();
  });

  it("saves the time each time-stamping authority is given", async () => {
    setLang("sv");
    const user = userEvent.setup();
    const tsa = { authorities: ["http://127.0.0.1:9/tsa"], ca_files: ["ca-1.pem"], timeout_secs: 25 };
    const calls = shell((cmd, args) => {
      if (cmd === "get_timestamp_settings") return tsa;
      if (cmd === "set_tsa_timeout") return { ...tsa, timeout_secs: (args as { seconds: number }).seconds };
      if (cmd === "set_timestamp_settings") return tsa;
      return undefined;
    });
    render(SettingsView);
    const field = await screen.findByLabelText("Tidsgräns för varje tidsstämplingstjänst (sekunder, 1–120)");
    await screen.findByDisplayValue("25");
    await user.clear(field);
    await user.type(field, "5");
    await user.click(screen.getByRole("button", { name: "Spara bevisinställningarna" }));
    const form = screen.getByRole("form", { name: "Bevis: tidsstämplar och webbarkiv" });
    expect(await within(form).findByText("Sparat.")).toBeInTheDocument();
    expect(calls.find((c) => c.cmd === "set_tsa_timeout")?.args).toEqual({ seconds: 5 });
    expect(calls.find((c) => c.cmd === "set_timestamp_settings")?.args).toEqual({
      authorities: ["http://127.0.0.1:9/tsa"],
      caFiles: [],
    });
  });
});
