import { render, screen } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import CompareOverlay from "../lib/CompareOverlay.svelte";
import { setLang } from "../lib/i18n.svelte";

const props = (url: string) => ({
  url,
  previousUrl: url,
  oldPic: undefined,
  newPic: undefined,
  regions: [],
  pageWidth: 1280,
  width: 320,
});

describe("the overlay of two captures", () => {
  it("names each overlay by its own caption, also when two addresses differ only in punctuation", () => {
    setLang("sv");
    // Made from the address alone, both captions had the id overlay-https---a-se-x-y.
    render(CompareOverlay, props("https://a.se/x?y"));
    render(CompareOverlay, props("https://a.se/x-y"));
    const figures = screen.getAllByRole("figure", { name: /Den nyare bilden över den äldre/ });
    expect(figures).toHaveLength(2);
    const ids = figures.map((f) => f.getAttribute("aria-labelledby"));
    expect(new Set(ids).size).toBe(2);
    for (const [i, f] of figures.entries()) {
      expect(f.querySelector("figcaption")?.id).toBe(ids[i]);
    }
    const all = [...document.querySelectorAll("[id]")].map((e) => e.id);
    expect(new Set(all).size).toBe(all.length);
  });
});
