import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { mockIPC } from "@tauri-apps/api/mocks";
import { describe, expect, it } from "vitest";
import type { ChangeSuggestion } from "../bindings/ChangeSuggestion";
import ChangeSuggestions from "../lib/ChangeSuggestions.svelte";
import { setLang } from "../lib/i18n.svelte";
import { changeSuggestion, snapshot } from "./fixtures";

const suggestion = (): ChangeSuggestion => changeSuggestion();

describe("Att göra: suggested major changes", () => {
  it("says what changed, registers with a description and dismisses, each once", async () => {
    setLang("sv");
    const user = userEvent.setup();
    let open = [suggestion()];
    const calls: { cmd: string; args: unknown }[] = [];
    mockIPC((cmd, args) => {
      calls.push({ cmd, args });
      switch (cmd) {
        case "change_suggestions":
          return open;
        case "register_change":
          open = [];
          return snapshot({ id: "snap-4", reason: "major-change" });
        case "dismiss_change":
          open = [];
          return null;
        default:
          throw new Error(`unexpected ${cmd}`);
      }
    });
    render(ChangeSuggestions);
    const row = (await screen.findByText("Kanalen verkar ha ändrats: sidans titel, profil- eller omslagsbild")).closest("li")!;
    expect(within(row).getByText(/Jämförd med ögonblicksbilden snap-2/)).toBeInTheDocument();

    // No description: nothing is captured, the field says why.
    await user.click(within(row).getByRole("button", { name: "Registrera större förändring för Fritid på Facebook" }));
    expect(await within(row).findByRole("alert")).toHaveTextContent("Skriv vad som ändrades");
    expect(calls.some((c) => c.cmd === "register_change")).toBe(false);

    await user.type(within(row).getByLabelText("Beskriv förändringen"), "Nytt namn och ny profilbild");
    await user.click(within(row).getByRole("button", { name: "Registrera större förändring för Fritid på Facebook" }));
    expect(await screen.findByText("Den större förändringen registrerades: ögonblicksbilden snap-4.")).toBeInTheDocument();
    const reg = calls.find((c) => c.cmd === "register_change")!.args as { snapshotId: string; note: string };
    expect(reg.snapshotId).toBe("snap-3");
    expect(reg.note).toBe("Nytt namn och ny profilbild");
    expect(screen.queryByText(/Kanalen verkar ha ändrats/)).not.toBeInTheDocument();
  });

  it("dismisses a suggestion", async () => {
    setLang("en");
    const user = userEvent.setup();
    let open = [suggestion()];
    const dismissed: unknown[] = [];
    mockIPC((cmd, args) => {
      if (cmd === "change_suggestions") return open;
      if (cmd === "dismiss_change") {
        dismissed.push(args);
        open = [];
        return null;
      }
      throw new Error(`unexpected ${cmd}`);
    });
    render(ChangeSuggestions);
    await user.click(await screen.findByRole("button", { name: "Dismiss the suggestion for Fritid på Facebook" }));
    expect(await screen.findByText("The suggestion for Fritid på Facebook was dismissed.")).toBeInTheDocument();
    expect(dismissed).toEqual([{ snapshotId: "snap-3", note: null }]);
  });
});
