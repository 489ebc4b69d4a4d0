import { render, screen, waitFor, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { DisposalItem } from "../bindings/DisposalItem";
import type { DisposalPlan } from "../bindings/DisposalPlan";
import DisposalView from "../lib/DisposalView.svelte";
import { setLang } from "../lib/i18n.svelte";
import { recordIPC } from "./fixtures";

function item(id: string, overrides: Partial<DisposalItem> = {}): DisposalItem {
  return {
    item_kind: "removal",
    item_id: id,
    channel_id: 1,
    channel_name: "Kommunen på Facebook",
    board: "Kommunstyrelsen",
    address: "https://www.facebook.com/kommunen/posts/1",
    item_date: "2025-01-10T10:00:00Z",
    diary_number: null,
    rule: { kind: "removal", board: null, period: { type: "dispose-after", months: 12 }, decision: "KS 2019/233", deliver_first: false },
    due_since: "2026-01-10T10:00:00Z",
    ...overrides,
  };
}

describe("Gallring", () => {
  it("shows the dry run with what is kept and why, and disposes only once reviewed and named", async () => {
    setLang("sv");
    const user = userEvent.setup();
    let plan: DisposalPlan = {
      as_of: "2026-11-28T10:00:00Z",
      due: [item("rm-1")],
      kept: [{ item: item("rm-2"), because: { type: "hold", reason: "Begäran om utlämnande", by: "Anna" }, message: { key: "dispose-kept-hold", args: { reason: "Begäran om utlämnande", by: "Anna" } } }],
    };
    const calls = recordIPC(
      (cmd) => {
        if (cmd === "dispose") {
          plan = { ...plan, due: [] };
          return { run_id: "run-1", disposed: [{ item_id: "rm-1" }], kept: plan.kept };
        }
        return undefined;
      },
      (cmd) => {
        if (cmd === "disposal_plan") return plan;
        if (cmd === "disposal_log") return [];
        throw new Error(`unexpected ${cmd}`);
      },
    );
    render(DisposalView);
    const due = await screen.findByRole("table", { name: "Får gallras (1)" });
    expect(within(due).getByText("rm-1")).toBeInTheDocument();
    expect(within(due).getByText("removal: KS 2019/233")).toBeInTheDocument();
    const kept = screen.getByRole("table", { name: "Ska sparas trots att fristen har gått ut (1)" });
    expect(within(kept).getByText("rm-2")).toBeInTheDocument();
    expect(within(kept).getByText(/Begäran om utlämnande/)).toBeInTheDocument();

    const button = screen.getByRole("button", { name: "Gallra nu" });
    await user.click(button);
    expect(screen.getByRole("alert")).toHaveTextContent("Skriv namnet på den som gallrar.");
    await user.type(screen.getByLabelText(/Gallras av/), "Arkivarie Anna");
    await user.click(button);
    expect(screen.getByRole("alert")).toHaveTextContent("Bekräfta att du har granskat listan.");
    expect(calls.some((c) => c.cmd === "dispose")).toBe(false);

    await user.click(screen.getByLabelText(/granskat listan/));
    await user.type(screen.getByLabelText(/Referens/), "Protokoll 2026:4");
    await user.click(button);
    await waitFor(() => expect(screen.getByText("1 handling gallrades.")).toBeInTheDocument());
    expect(calls.find((c) => c.cmd === "dispose")?.args).toEqual({ by: "Arkivarie Anna", reference: "Protokoll 2026:4" });
    expect(await screen.findByText("Inget får gallras nu.")).toBeInTheDocument();
  });
});
