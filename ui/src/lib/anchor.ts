// WebKit has no CSS scroll anchoring (overflow-anchor), so content added or
// removed above what the user is looking at (the progress bar appearing, the
// last run's results going) moves it up or down the window. These keep an
// element where it was on screen across such a change.

/** Where `el` is on screen now (its top, in CSS pixels), or null without one. */
export function screenTop(el: Element | null | undefined): number | null {
  return el ? el.getBoundingClientRect().top : null;
}

/** Scrolls the window so that `el` is back at `top` on screen (nothing when it is gone). */
export function keepAt(el: Element | null | undefined, top: number | null): void {
  if (!el || top === null || !el.isConnected) return;
  const moved = el.getBoundingClientRect().top - top;
  if (moved !== 0) window.scrollBy(0, moved);
}

/**
 * Until the returned stop is called, scrolls the window by as much as `bar` (the progress bar, in the flow above
 * the list) grows or shrinks, e.g. when its text takes a second line, so that what is below it stays put.
 */
export function followHeight(bar: Element | null | undefined): () => void {
  if (!bar || typeof ResizeObserver === "undefined") return () => {};
  let last = bar.getBoundingClientRect().height;
  const watch = new ResizeObserver(() => {
    const now = bar.getBoundingClientRect().height;
    if (now !== last) window.scrollBy(0, now - last);
    last = now;
  });
  watch.observe(bar);
  return () => watch.disconnect();
}
