import { afterEach, describe, expect, it, vi } from "vitest";
import { keepAt, screenTop } from "../lib/anchor";

function at(...tops: number[]): HTMLElement {
  const el = document.createElement("button");
  document.body.append(el);
  const rect = vi.spyOn(el, "getBoundingClientRect");
  for (const top of tops) rect.mockReturnValueOnce({ top } as DOMRect);
  return el;
}

describe("keeping what the user looks at in place (WebKit has no scroll anchoring)", () => {
  afterEach(() => {
    vi.restoreAllMocks();
    document.body.replaceChildren();
  });

  it("scrolls by as much as content above moved the element", () => {
    const scroll = vi.spyOn(window, "scrollBy").mockImplementation(() => {});
    const el = at(400, 571);
    const top = screenTop(el);
    keepAt(el, top);
    expect(scroll).toHaveBeenCalledWith(0, 171);
  });

  it("leaves the window alone when nothing moved, the element is gone or there is none", () => {
    const scroll = vi.spyOn(window, "scrollBy").mockImplementation(() => {});
    const still = at(400, 400);
    keepAt(still, screenTop(still));
    const gone = at(400);
    const top = screenTop(gone);
    gone.remove();
    keepAt(gone, top);
    keepAt(undefined, screenTop(undefined));
    expect(scroll).not.toHaveBeenCalled();
  });
});
