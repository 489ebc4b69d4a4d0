import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { ComparisonSettings } from "../bindings/ComparisonSettings";
import ComparisonThresholds from "../lib/ComparisonThresholds.svelte";
import { setLang } from "../lib/i18n.svelte";
import { recordIPC } from "./fixtures";

const stored: ComparisonSettings = {
  header_height: 400,
  tile_size: 64,
  tile_distance: 8,
  colour_distance: 24,
  header_tiles: 2,
  header_text_similarity: 0.9,
  rules_page_text_similarity: 0.9,
};

// The engine's settings as the backend keeps them: `set` refuses a tile size
// out of its bounds with the catalogue's key, as App::set_comparison_settings does.
function backend() {
  return recordIPC(
    () => undefined,
    (cmd, args) => {
      switch (cmd) {
        case "get_comparison_settings":
          return stored;
        case "set_comparison_settings": {
          const s = (args as { settings: ComparisonSettings }).settings;
          if (s.tile_size < 8 || s.tile_size > 512) {
            throw {
              code: "invalid_input",
              message: `${s.tile_size} cannot be the comparisons' tile size (pixels): give 8 to 512`,
              key: {
                key: "comparison-bad-setting",
                args: { setting: "tile_size", value: String(s.tile_size), min: "8", max: "512" },
              },
            };
          }
          return s;
        }
        default:
          throw new Error(`unexpected ${cmd}`);
      }
    },
  );
}

describe("Inställningar: jämförelser", () => {
  it("shows the stored thresholds and saves the changed ones with the others kept", async () => {
    setLang("sv");
    const user = userEvent.setup();
    const calls = backend();
    render(ComparisonThresholds);
    const tiles = await screen.findByLabelText(
      "Ändrade rutor i det övre fältet som föreslår en större förändring (1–1000)",
    );
    expect(tiles).toHaveValue(2);
    const similarity = screen.getByLabelText(
      "Likhet för det övre fältets text under vilken en större förändring föreslås (0–1)",
    );
    expect(similarity).toHaveValue(0.9);
    await user.clear(tiles);
    await user.type(tiles, "4");
    await user.clear(similarity);
    await user.type(similarity, "0.75");
    // The about and rules pages have a threshold of their own.
    const rules = screen.getByLabelText(
      "Likhet för texten på en om- eller regelsida (kanalens övriga adresser) under vilken en större förändring föreslås (0–1)",
    );
    expect(rules).toHaveValue(0.9);
    await user.clear(rules);
    await user.type(rules, "0.5");
    await user.click(screen.getByRole("button", { name: "Spara jämförelserna" }));
    expect(await screen.findByText("Sparat.")).toBeInTheDocument();
    expect(calls.find((c) => c.cmd === "set_comparison_settings")?.args).toEqual({
      settings: { ...stored, header_tiles: 4, header_text_similarity: 0.75, rules_page_text_similarity: 0.5 },
    });
  });

  it("shows the engine's refusal of a value out of bounds in Swedish, and an empty field is not sent", async () => {
    setLang("sv");
    const user = userEvent.setup();
    const calls = backend();
    render(ComparisonThresholds);
    const size = await screen.findByLabelText("Rutstorlek för bildjämförelsen (bildpunkter, 8–512)");
    await user.clear(size);
    await user.click(screen.getByRole("button", { name: "Spara jämförelserna" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Fyll i ett tal i varje fält.");
    expect(calls.some((c) => c.cmd === "set_comparison_settings")).toBe(false);

    await user.type(size, "4");
    await user.click(screen.getByRole("button", { name: "Spara jämförelserna" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("rutstorlek (bildpunkter)");
    expect(alert).toHaveTextContent("ange 8 till 512");
    expect(screen.queryByText("Sparat.")).toBeNull();
  });
});
