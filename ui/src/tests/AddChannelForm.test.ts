import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { mockIPC } from "@tauri-apps/api/mocks";
import { describe, expect, it, vi } from "vitest";
import type { NewChannel } from "../bindings/NewChannel";
import AddChannelForm from "../lib/AddChannelForm.svelte";
import { setLang } from "../lib/i18n.svelte";
import { channel } from "./fixtures";

describe("the add-channel form", () => {
  it("sends every field as a NewChannel and reports the saved channel", async () => {
    setLang("sv");
    const user = userEvent.setup();
    const sent: NewChannel[] = [];
    mockIPC((cmd, args) => {
      if (cmd !== "add_channel") throw new Error(`unexpected ${cmd}`);
      const c = (args as { channel: NewChannel }).channel;
      sent.push(c);
      return channel({ id: 7, name: c.name, urls: c.urls });
    });
    const onsaved = vi.fn();
    render(AddChannelForm, { onsaved });

    await user.type(screen.getByLabelText(/Kanalens namn/), "  Biblioteket på Instagram ");
    await user.selectOptions(screen.getByLabelText(/Plattform/), "Instagram");
    await user.type(screen.getByLabelText("Adress 1"), "https://www.instagram.com/biblioteket");
    await user.click(screen.getByRole("button", { name: "Lägg till adress" }));
    // The new field has focus: type straight into it.
    expect(screen.getByLabelText("Adress 2")).toHaveFocus();
    await user.keyboard("https://www.instagram.com/biblioteket/about");
    await user.type(screen.getByLabelText("Nämnd"), "Kultur- och fritidsnämnden");
    await user.type(screen.getByLabelText("Enhet"), "Biblioteken");
    await user.type(screen.getByLabelText("Ansvarig"), "Åsa Öberg");
    await user.type(screen.getByLabelText("Ersättare"), "Per Åkesson");
    await user.selectOptions(screen.getByLabelText(/Intervall/), "Varje halvår");
    await user.click(screen.getByRole("button", { name: "Spara kanal" }));

    expect(sent).toEqual([
      {
        name: "Biblioteket på Instagram",
        platform: "instagram",
        urls: ["https://www.instagram.com/biblioteket", "https://www.instagram.com/biblioteket/about"],
        board: "Kultur- och fritidsnämnden",
        unit: "Biblioteken",
        responsible: "Åsa Öberg",
        substitute: "Per Åkesson",
        purpose: null,
        audience: null,
        policy: "half-yearly",
        notes: null,
      },
    ]);
    expect(onsaved).toHaveBeenCalledTimes(1);
    expect(onsaved.mock.calls[0]![0]).toMatchObject({ id: 7, name: "Biblioteket på Instagram" });
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("shows the engine's error as a sentence and keeps what was typed", async () => {
    setLang("sv");
    const user = userEvent.setup();
    mockIPC(() => {
      throw { code: "conflict", message: "https://x.com/nacka is already the address of channel 3 (Nacka på X)" };
    });
    const onsaved = vi.fn();
    render(AddChannelForm, { onsaved });
    await user.type(screen.getByLabelText(/Kanalens namn/), "Nacka på X igen");
    await user.selectOptions(screen.getByLabelText(/Plattform/), "x");
    await user.type(screen.getByLabelText("Adress 1"), "https://x.com/nacka");
    await user.click(screen.getByRole("button", { name: "Spara kanal" }));

    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent(
      "Det går inte just nu: https://x.com/nacka is already the address of channel 3 (Nacka på X).",
    );
    expect(onsaved).not.toHaveBeenCalled();
    expect(screen.getByLabelText(/Kanalens namn/)).toHaveValue("Nacka på X igen");
    expect(screen.getByRole("button", { name: "Spara kanal" })).toBeEnabled();
  });

  it("asks for the missing fields before calling the engine", async () => {
    setLang("sv");
    const user = userEvent.setup();
    const calls: string[] = [];
    mockIPC((cmd) => {
      calls.push(cmd);
    });
    render(AddChannelForm);
    await user.click(screen.getByRole("button", { name: "Spara kanal" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Ange kanalens namn.");
    await user.type(screen.getByLabelText(/Kanalens namn/), "Fritid");
    await user.click(screen.getByRole("button", { name: "Spara kanal" }));
    expect(screen.getByRole("alert")).toHaveTextContent("Välj vilken plattform kanalen finns på.");
    await user.selectOptions(screen.getByLabelText(/Plattform/), "youtube");
    await user.click(screen.getByRole("button", { name: "Spara kanal" }));
    expect(screen.getByRole("alert")).toHaveTextContent("Ange minst en adress");
    // Only the list of boards the form offers was read (h-ui19).
    expect(calls.filter((c) => c !== "org_units")).toEqual([]);
  });

  it("can remove an added address and every field has a label", async () => {
    setLang("en");
    const user = userEvent.setup();
    mockIPC(() => null);
    const { container } = render(AddChannelForm);
    await user.click(screen.getByRole("button", { name: "Add address" }));
    expect(screen.getByLabelText("Address 2")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Remove address 2" }));
    expect(screen.queryByLabelText("Address 2")).not.toBeInTheDocument();
    for (const el of container.querySelectorAll("input, select, textarea")) {
      const id = el.getAttribute("id");
      expect(id, "every control has an id").toBeTruthy();
      expect(container.querySelector(`label[for="${id}"]`), `label for #${id}`).not.toBeNull();
    }
  });
});
