import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { Snapshot } from "../bindings/Snapshot";
import SingleAddressForm from "../lib/SingleAddressForm.svelte";
import { setLang } from "../lib/i18n.svelte";
import { channel, deferred, page, progress, recordIPC, snapshot } from "./fixtures";

const POST = "https://www.facebook.com/nackakommun/posts/123";

describe("capturing a single address", () => {
  it("asks for the address, runs a job with progress and shows what was captured, in Swedish", async () => {
    setLang("sv");
    const user = userEvent.setup();
    const running = deferred<Snapshot>();
    let captureArgs: unknown;
    const captured: Snapshot[] = [];
    recordIPC(
      (cmd, args) => {
        if (cmd === "capture_address") {
          captureArgs = args;
          return running.promise;
        }
        return undefined;
      },
      (cmd) => {
        if (cmd === "thumbnail") return "data:image/png;base64,iVBORw0KGgo=";
        throw new Error(`unexpected ${cmd}`);
      },
    );
    render(SingleAddressForm, { channel: channel(), oncaptured: (s: Snapshot) => captured.push(s) });
    expect(screen.getByRole("heading", { name: "Fånga en enskild adress" })).toBeInTheDocument();
    const button = screen.getByRole("button", { name: "Fånga adressen" });

    // No address: a sentence, and nothing is started.
    await user.click(button);
    expect(screen.getByRole("alert")).toHaveTextContent(/Skriv adressen till inlägget/);
    expect(captureArgs).toBeUndefined();

    await user.type(screen.getByLabelText(/Adress/), `  ${POST} `);
    expect((screen.getByLabelText("Anledning") as HTMLSelectElement).value).toBe("single-item");
    await user.type(screen.getByLabelText(/Anteckning/), "Personangrepp, tas bort");
    await user.click(button);
    expect((captureArgs as { request: unknown }).request).toEqual({
      channel_id: 1,
      url: POST,
      reason: "single-item",
      reason_note: "Personangrepp, tas bort",
    });
    progress(captureArgs, { kind: "started", total: 1, label: POST });
    expect(await screen.findByRole("progressbar")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Fånga adressen" })).toBeDisabled();

    running.resolve(
      snapshot({
        id: "snap-9",
        reason: "single-item",
        reason_note: "Personangrepp, tas bort",
        single_address: POST,
        pages: [page({ url: POST })],
      }),
    );
    expect(await screen.findByText(`Enskild adress: ${POST}`)).toBeInTheDocument();
    expect(screen.getByText(/Enskild adress – Personangrepp, tas bort/)).toBeInTheDocument();
    expect(screen.queryByRole("progressbar")).not.toBeInTheDocument();
    expect(captured.map((s) => s.id)).toEqual(["snap-9"]);
    expect((screen.getByLabelText(/Adress/) as HTMLInputElement).value).toBe("");
  });

  it("shows a refused address as the app's sentence and keeps what was typed", async () => {
    setLang("en");
    const user = userEvent.setup();
    recordIPC(
      (cmd) => {
        if (cmd === "capture_address") {
          throw {
            code: "invalid_input",
            message: "this address cannot be captured: the address holds a user name or password before the '@'",
          };
        }
        return undefined;
      },
      (cmd) => {
        throw new Error(`unexpected ${cmd}`);
      },
    );
    render(SingleAddressForm, { channel: channel() });
    expect(screen.getByRole("heading", { name: "Capture a single address" })).toBeInTheDocument();
    await user.type(screen.getByLabelText(/Address/), "https://a:b@www.facebook.com/x");
    await user.selectOptions(screen.getByLabelText("Reason"), "ad-hoc");
    await user.click(screen.getByRole("button", { name: "Capture the address" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(/user name or password/);
    expect((screen.getByLabelText(/Address/) as HTMLInputElement).value).toBe("https://a:b@www.facebook.com/x");
  });
});
