// The geometry of the changed regions drawn on a compared page (h-diff),
// pure so it is tested on its own: a comparison's regions are runs of
// changed tiles in CSS px of the newer page (one per row of tiles); the
// pictures shown are thumbnails of the top of each page, `shownWidth` px
// wide and at most `shownHeight` px tall.

import type { ChangedRegion } from "../bindings/ChangedRegion";

/** A box to draw, in px of the shown picture. */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
  /** In the top band (the channel's name, pictures, description). */
  header: boolean;
}

/**
 * Joins regions that continue each other downwards (same left edge and
 * width, the next one starting where the last ends) into one, so a changed
 * picture is one box and not one per row of tiles. Keeps the order of the
 * first region of each box; `header` when any joined one was.
 */
export function mergeRegions(regions: readonly ChangedRegion[]): ChangedRegion[] {
  const out: ChangedRegion[] = [];
  for (const r of regions) {
    const above = out.find((o) => o.x === r.x && o.width === r.width && o.y + o.height === r.y);
    if (above) {
      above.height += r.height;
      above.header = above.header || r.header;
      above.distance = Math.max(above.distance, r.distance);
    } else {
      out.push({ ...r });
    }
  }
  return out;
}

/**
 * The boxes of `regions` on a picture of a page `pageWidth` CSS px wide
 * shown `shownWidth` px wide and `shownHeight` px tall: scaled, joined,
 * cut at the picture's bottom, and those wholly below it left out.
 */
export function regionBoxes(
  regions: readonly ChangedRegion[],
  pageWidth: number,
  shownWidth: number,
  shownHeight: number,
): Box[] {
  if (!(pageWidth > 0) || !(shownWidth > 0) || !(shownHeight > 0)) return [];
  const scale = shownWidth / pageWidth;
  const boxes: Box[] = [];
  for (const r of mergeRegions(regions)) {
    const top = r.y * scale;
    if (top >= shownHeight) continue;
    const left = Math.min(r.x * scale, shownWidth);
    boxes.push({
      left: round(left),
      top: round(top),
      width: round(Math.min(r.width * scale, shownWidth - left)),
      height: round(Math.min(r.height * scale, shownHeight - top)),
      header: r.header,
    });
  }
  return boxes;
}

/** How many regions (after joining) lie below what the picture shows. */
export function regionsBelow(
  regions: readonly ChangedRegion[],
  pageWidth: number,
  shownWidth: number,
  shownHeight: number,
): number {
  return (
    mergeRegions(regions).length - regionBoxes(regions, pageWidth, shownWidth, shownHeight).length
  );
}

/** An opacity in per cent from a slider's value: a whole number 0–100. */
export function opacityPercent(value: unknown): number {
  const n = typeof value === "number" ? value : Number(value);
  if (!Number.isFinite(n)) return 50;
  return Math.round(Math.min(100, Math.max(0, n)));
}

function round(v: number): number {
  return Math.round(v * 10) / 10;
}
