import { describe, expect, it } from "vitest";
import type { ChangedRegion } from "../bindings/ChangedRegion";
import { mergeRegions, opacityPercent, regionBoxes, regionsBelow, type Box } from "../lib/overlay";
// The cases the comparison report's PDF is checked against too (crates/app/src/region_boxes.rs).
import shared from "../../../tests/fixtures/region-boxes.json";

const r = (x: number, y: number, width: number, height = 64, header = false): ChangedRegion => ({
  x,
  y,
  width,
  height,
  header,
  distance: 10,
});

describe("changed regions on a picture", () => {
  it("joins the rows of tiles of one changed picture into one box", () => {
    const rows = [r(64, 128, 128, 64, true), r(640, 128, 64), r(64, 192, 128), r(64, 256, 128)];
    expect(mergeRegions(rows)).toEqual([
      { ...r(64, 128, 128, 192, true) },
      { ...r(640, 128, 64) },
    ]);
    // Not joined: another width, or a gap between them.
    expect(mergeRegions([r(0, 0, 64), r(0, 64, 128)])).toHaveLength(2);
    expect(mergeRegions([r(0, 0, 64), r(0, 192, 64)])).toHaveLength(2);
    // The input is left as it was.
    expect(rows[0]!.height).toBe(64);
  });

  it("scales to the shown picture, cuts at its bottom and leaves out what lies below", () => {
    // A 1280 px page shown 320 px wide (scale 1/4) and 480 px tall (1920 px of the page).
    const regions = [r(128, 256, 256, 64, true), r(0, 1856, 1280, 128), r(0, 4000, 1280)];
    expect(regionBoxes(regions, 1280, 320, 480)).toEqual([
      { left: 32, top: 64, width: 64, height: 16, header: true },
      { left: 0, top: 464, width: 320, height: 16, header: false },
    ]);
    expect(regionsBelow(regions, 1280, 320, 480)).toBe(1);
    // A region wider than the page (the page grew wider) stays inside the picture.
    expect(regionBoxes([r(1200, 0, 400)], 1280, 320, 480)).toEqual([
      { left: 300, top: 0, width: 20, height: 16, header: false },
    ]);
    // Nothing to draw on a picture of no size.
    expect(regionBoxes(regions, 0, 320, 480)).toEqual([]);
    expect(regionBoxes(regions, 1280, 320, 0)).toEqual([]);
  });

  it("draws the same boxes as the comparison report (the shared cases)", () => {
    expect(shared.cases.length).toBeGreaterThanOrEqual(5);
    for (const c of shared.cases) {
      const got: Box[] = regionBoxes(c.regions, c.page_width, c.shown_width, c.shown_height);
      expect(got, c.name).toEqual(c.boxes);
    }
  });

  it("reads a slider's value as a whole per cent", () => {
    expect(opacityPercent("35")).toBe(35);
    expect(opacityPercent(120)).toBe(100);
    expect(opacityPercent(-3)).toBe(0);
    expect(opacityPercent(33.4)).toBe(33);
    expect(opacityPercent("x")).toBe(50);
  });
});
