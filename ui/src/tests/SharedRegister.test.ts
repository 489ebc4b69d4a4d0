import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { SharedRegisterInfo } from "../bindings/SharedRegisterInfo";
import SharedRegisterSettings from "../lib/SharedRegisterSettings.svelte";
import { setLang } from "../lib/i18n.svelte";
import { recordIPC } from "./fixtures";

// The desktop as src-tauri/src/commands/shared.rs answers: the register the
// window is on, a test that reports the catalogue's sentence, and a save that
// refuses a password with `shared-register-password` and keeps what was saved.
function backend(start: SharedRegisterInfo) {
  let info = { ...start };
  return recordIPC(
    () => undefined,
    (cmd, args) => {
      switch (cmd) {
        case "shared_register":
          return info;
        case "test_shared_register":
          return {
            key: "shared-register-test-ok",
            args: { address: "anna@db.kommun.se:5432/ogonblick", path: "/mnt/arkiv", adopted: false },
          };
        case "save_shared_register": {
          const database = (args as { database: string | null }).database;
          if (database?.includes(":hemligt@")) {
            throw {
              code: "invalid_input",
              message: "The address holds a password",
              key: { key: "shared-register-password", args: {} },
            };
          }
          info = { ...info, saved: database, problem: null };
          return info;
        }
        default:
          throw new Error(`unexpected ${cmd}`);
      }
    },
  );
}

const local: SharedRegisterInfo = { source: "local", current: null, saved: null, problem: null, environment: false };

describe("Inställningar: delat register", () => {
  it("tests the connection, saves the address for the next start and says which register the window is on", async () => {
    setLang("sv");
    const user = userEvent.setup();
    const calls = backend(local);
    render(SharedRegisterSettings);
    expect(await screen.findByText("Det här fönstret använder det lokala registret i datamappen.")).toBeInTheDocument();
    expect(screen.getByText(/gäller nästa gång Ögonblick startar/)).toBeInTheDocument();
    const field = screen.getByLabelText("Adress till det delade registret (postgres://…)");
    await user.type(field, "postgres://anna@db.kommun.se/ogonblick");
    await user.click(screen.getByRole("button", { name: "Testa anslutningen" }));
    expect(await screen.findByTestId("shared-result")).toHaveTextContent(
      "Anslutningen till anna@db.kommun.se:5432/ogonblick fungerar och databasens schema är klart för den här versionen av Ögonblick (skapat i en tom databas, uppgraderat i en äldre). I datamappen har inget skrivits. Datamappen /mnt/arkiv hör till det här registret.",
    );
    expect(calls.find((c) => c.cmd === "test_shared_register")?.args).toEqual({
      database: "postgres://anna@db.kommun.se/ogonblick",
    });
    await user.click(screen.getByRole("button", { name: "Spara adressen" }));
    expect(
      await screen.findByText(
        "Sparat. Ögonblick använder postgres://anna@db.kommun.se/ogonblick nästa gång programmet startar.",
      ),
    ).toBeInTheDocument();
    expect(calls.find((c) => c.cmd === "save_shared_register")?.args).toEqual({
      database: "postgres://anna@db.kommun.se/ogonblick",
    });
  });

  it("shows the refusal of a password in Swedish, and an emptied field goes back to the local register", async () => {
    setLang("sv");
    const user = userEvent.setup();
    const calls = backend({
      source: "saved",
      current: "db.kommun.se/ogonblick",
      saved: "postgres://anna@db.kommun.se/ogonblick",
      problem: null,
      environment: false,
    });
    render(SharedRegisterSettings);
    expect(
      await screen.findByText("Det här fönstret använder det delade registret db.kommun.se/ogonblick."),
    ).toBeInTheDocument();
    const field = screen.getByLabelText("Adress till det delade registret (postgres://…)");
    expect(field).toHaveValue("postgres://anna@db.kommun.se/ogonblick");
    await user.clear(field);
    await user.type(field, "postgres://anna:hemligt@db.kommun.se/ogonblick");
    await user.click(screen.getByRole("button", { name: "Spara adressen" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("lösenord sparas aldrig");
    expect(alert).toHaveTextContent("~/.pgpass");
    await user.clear(field);
    await user.click(screen.getByRole("button", { name: "Spara adressen" }));
    expect(
      await screen.findByText("Sparat. Ögonblick använder det lokala registret nästa gång programmet startar."),
    ).toBeInTheDocument();
    expect(calls.filter((c) => c.cmd === "save_shared_register").map((c) => c.args)).toEqual([
      { database: "postgres://anna:hemligt@db.kommun.se/ogonblick" },
      { database: null },
    ]);
  });

  it("a damaged saved file shows its problem and a new address can be saved over it (issue 15)", async () => {
    setLang("sv");
    const user = userEvent.setup();
    // As src-tauri answers then: no saved address, the problem, and a save
    // that replaces the file (the problem gone).
    const calls = backend({
      ...local,
      problem: {
        key: "shared-register-file-unreadable",
        args: { path: "/home/anna/.config/ogonblick/shared-register.json", detail: "EOF" },
      },
    });
    render(SharedRegisterSettings);
    expect(await screen.findByTestId("shared-problem")).toHaveTextContent(
      "Den sparade anslutningen till ett delat register (/home/anna/.config/ogonblick/shared-register.json) går inte att läsa (EOF).",
    );
    const field = screen.getByLabelText("Adress till det delade registret (postgres://…)");
    expect(field).toHaveValue("");
    const save = screen.getByRole("button", { name: "Spara adressen" });
    expect(save).toBeEnabled();
    await user.type(field, "postgres://anna@db.kommun.se/ogonblick");
    await user.click(save);
    expect(
      await screen.findByText(
        "Sparat. Ögonblick använder postgres://anna@db.kommun.se/ogonblick nästa gång programmet startar.",
      ),
    ).toBeInTheDocument();
    expect(screen.queryByTestId("shared-problem")).toBeNull();
    expect(calls.find((c) => c.cmd === "save_shared_register")?.args).toEqual({
      database: "postgres://anna@db.kommun.se/ogonblick",
    });
  });

  it("speaks English too", async () => {
    setLang("en");
    backend(local);
    render(SharedRegisterSettings);
    expect(await screen.findByText("This window is on the local register in the data folder.")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Test the connection" })).toBeDisabled();
    setLang("sv");
  });
});
