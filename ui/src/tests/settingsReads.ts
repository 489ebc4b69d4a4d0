// What Inställningar reads on opening, as the desktop answers it for a register of Nacka kommun:
// shared by SettingsView.test.ts and the role tests (RoleGating.test.ts).
import type { OrgSettings } from "../bindings/OrgSettings";
import type { PackageOrg } from "../bindings/PackageOrg";
import type { ScheduleSettings } from "../bindings/ScheduleSettings";

export const org: OrgSettings = {
  name: "Nacka kommun",
  org_number: "212000-0167",
  e_archive_name: null,
  submission_agreement: null,
  default_policy: "half-yearly",
  schedule_windows: null,
};
export const pkg: PackageOrg = {
  organisation_name: "Nacka kommun",
  organisation_number: "212000-0167",
  e_archive_name: "",
  submission_agreement: "",
  archive_creator: "Kommunstyrelsen",
  submitting_unit: "",
  classification_code: "",
  document_plan_row: "",
  retention: { kind: "preserve" },
  language: "sv",
};
export const schedule: ScheduleSettings = {
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

/** The answer to one of Inställningar's reads, or `undefined` for another command. */
export function settingsRead(cmd: string): unknown {
  switch (cmd) {
    case "get_settings":
      return org;
    case "get_package_settings":
      return pkg;
    case "get_schedule_settings":
      return schedule;
    case "get_scheduler_settings":
      return { auto_capture: false };
    case "removal_grounds":
      return [];
    case "retention_rules":
      return { rules: [] };
    case "get_timestamp_settings":
      return { authorities: [], ca_files: [] };
    case "get_comparison_settings":
      return {
        header_height: 400,
        tile_size: 64,
        tile_distance: 8,
        colour_distance: 24,
        header_tiles: 2,
        header_text_similarity: 0.9,
        rules_page_text_similarity: 0.9,
      };
    case "shared_register":
      return { source: "local", current: null, saved: null, problem: null, environment: false };
    default:
      return undefined;
  }
}
