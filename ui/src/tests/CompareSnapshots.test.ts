import { fireEvent, render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { mockIPC } from "@tauri-apps/api/mocks";
import { describe, expect, it } from "vitest";
import type { SnapshotComparison } from "../bindings/SnapshotComparison";
import CompareSnapshots from "../lib/CompareSnapshots.svelte";
import { setLang } from "../lib/i18n.svelte";
import { page, snapshot } from "./fixtures";

const PNG = "data:image/png;base64,iVBORw0KGgo=";

describe("Compare two snapshots", () => {
  it("shows the pages side by side with the changed regions marked and the text differences", async () => {
    setLang("sv");
    const user = userEvent.setup();
    const url = "https://www.facebook.com/fritid";
    const p = page({ url });
    p.report.page_width = 1280;
    const history = [
      snapshot({ id: "snap-2", started_at: "2026-11-20T09:00:00Z", pages: [p] }),
      snapshot({ id: "snap-1", started_at: "2026-05-20T09:00:00Z", pages: [p] }),
    ];
    const result: SnapshotComparison = {
      older_snapshot_id: "snap-1",
      newer_snapshot_id: "snap-2",
      suggests_major_change: true,
      pages: [
        {
          url,
          comparison: {
            previous_snapshot_id: "snap-1",
            previous_url: url,
            text_similarity: 0.833,
            header_text_similarity: 0.333,
            changed_regions: [{ x: 128, y: 256, width: 256, height: 64, header: true, distance: 15 }],
            text_removed: ["Ögonblicks kommun – fritid"],
            text_added: ["Nya Ögonblicks stadsbyggnad"],
            signals: ["title"],
            suggests_major_change: true,
          },
        },
      ],
    };
    const asked: unknown[] = [];
    mockIPC((cmd, args) => {
      if (cmd === "compare_snapshots") {
        asked.push(args);
        return result;
      }
      if (cmd === "thumbnail") return PNG;
      throw new Error(`unexpected ${cmd}`);
    });
    const { container } = render(CompareSnapshots, { history });
    await user.click(screen.getByRole("button", { name: "Jämför" }));
    expect(await screen.findByText("Jämförelsen tyder på en större förändring av kanalen.")).toBeInTheDocument();
    expect(asked).toEqual([{ older: "snap-1", newer: "snap-2" }]);
    const pair = screen.getByRole("article", { name: url });
    expect(within(pair).getByText(/Texten 83 % lika, 1 ändrade områden/)).toBeInTheDocument();
    expect(within(pair).getByText("− Ögonblicks kommun – fritid")).toBeInTheDocument();
    expect(within(pair).getByText("+ Nya Ögonblicks stadsbyggnad")).toBeInTheDocument();
    expect(await within(pair).findByAltText(`Den nyare bilden av ${url}`)).toBeInTheDocument();
    // The region, scaled from 1280 px to the 360 px picture.
    const region = container.querySelector<HTMLElement>(".region")!;
    expect(region.style.left).toBe("36px");
    expect(region.style.top).toBe("72px");
    expect(region.style.width).toBe("72px");
  });

  it("shows the two pages as an overlay with the changed regions marked, by keyboard", async () => {
    setLang("sv");
    const user = userEvent.setup();
    const url = "https://www.facebook.com/fritid";
    const p = page({ url });
    p.report.page_width = 1280;
    const history = [
      snapshot({ id: "snap-2", started_at: "2026-11-20T09:00:00Z", pages: [p] }),
      snapshot({ id: "snap-1", started_at: "2026-05-20T09:00:00Z", pages: [p] }),
    ];
    const region = (y: number, header: boolean) => ({ x: 128, y, width: 256, height: 64, header, distance: 15 });
    const result: SnapshotComparison = {
      older_snapshot_id: "snap-1",
      newer_snapshot_id: "snap-2",
      suggests_major_change: true,
      pages: [
        {
          url,
          comparison: {
            previous_snapshot_id: "snap-1",
            previous_url: url,
            text_similarity: 0.9,
            header_text_similarity: 1,
            // One picture over two rows of tiles, and a post far below the top.
            changed_regions: [region(256, true), region(320, false), { ...region(9000, false), width: 1280 }],
            signals: ["header-image"],
            suggests_major_change: true,
          },
        },
      ],
    };
    mockIPC((cmd) => {
      if (cmd === "compare_snapshots") return result;
      if (cmd === "thumbnail") return PNG;
      throw new Error(`unexpected ${cmd}`);
    });
    const { container } = render(CompareSnapshots, { history });
    await user.click(screen.getByRole("button", { name: "Jämför" }));
    const pair = await screen.findByRole("article", { name: url });
    // Side by side first; the overlay chosen by keyboard (a radio group).
    const side = within(pair).getByRole("radio", { name: "Sida vid sida" });
    expect(side).toBeChecked();
    side.focus();
    await user.keyboard("{ArrowRight}");
    expect(within(pair).getByRole("radio", { name: "Överlagrade" })).toBeChecked();
    const overlay = within(pair).getByRole("figure", { name: /Den nyare bilden över den äldre/ });
    const older = await within(overlay).findByAltText(`Den äldre bilden av ${url}`);
    const newer = within(overlay).getByAltText(`Den nyare bilden av ${url}`);
    expect(older).toBeInTheDocument();
    expect(newer.style.opacity).toBe("0.5");
    // The regions: the picture's two rows joined in one box, scaled 360/1280;
    // the post below the shown top of the page is said, not drawn.
    const boxes = overlay.querySelectorAll<HTMLElement>(".region");
    expect(boxes).toHaveLength(1);
    expect(boxes[0]!.style.top).toBe("72px");
    expect(boxes[0]!.style.height).toBe("36px");
    expect(within(pair).getByText(/1 ändrade områden markerade, varav 1 i det övre fältet/)).toBeInTheDocument();
    expect(within(pair).getByText(/1 ändrade områden längre ned på sidan/)).toBeInTheDocument();
    // The newer picture's visibility: a native slider (arrow keys in a
    // browser; jsdom has no key handling for it, so its value is set).
    const slider = within(pair).getByRole("slider", { name: /Den nyare bildens synlighet \(50 %\)/ });
    await fireEvent.input(slider, { target: { value: "30" } });
    expect(newer.style.opacity).toBe("0.3");
    expect(within(pair).getByRole("slider", { name: /\(30 %\)/ })).toBe(slider);
    // Only the older picture, by a toggle button.
    const toggle = within(pair).getByRole("button", { name: "Visa bara den äldre bilden" });
    expect(toggle).toHaveAttribute("aria-pressed", "false");
    toggle.focus();
    await user.keyboard("{Enter}");
    expect(toggle).toHaveAttribute("aria-pressed", "true");
    expect(newer.style.opacity).toBe("0");
    expect(container.querySelectorAll(".side")).toHaveLength(0);
  });
});
