// Accessibility of every view of the real app, checked by an independent
// validator: axe-core (Deque's rules for WCAG 2.1 A and AA, contrast
// included) runs inside the app's own WebKit window on each view, in
// Swedish, with a channel that has a snapshot, and in a window half as wide
// (the layout of 200 % zoom). Any violation fails the test with the rule, the
// elements and axe's explanation.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { before, describe, it } from "node:test";
import { ALWAYS_OPEN_SCHEDULE, appOnChannel, cli, goto, invoke, thumbnailsLoaded } from "../lib.mjs";

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const NAME = "Ögonblicks kommun på YouTube – Kultur- och fritidsförvaltningens kanal för evenemang";

/** Runs axe-core on the current view; returns its violations, summarised. */
async function violations(browser) {
  const loaded = await browser.execute(() => typeof window.axe !== "undefined");
  if (!loaded) {
    // Injected by WebDriver (not through the page's CSP), as a browser
    // extension would inject it.
    await browser.execute(`${AXE_SOURCE}\nreturn true;`);
  }
  const result = await browser.executeAsync((done) => {
    window.axe
      .run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } })
      .then(
        (r) =>
          done(
            r.violations.map((v) => ({
              id: v.id,
              impact: v.impact,
              help: v.help,
              nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(" ")}: ${n.failureSummary}`),
            })),
          ),
        (e) => done([{ id: "axe-error", impact: "critical", help: String(e), nodes: [] }]),
      );
  });
  return result;
}

function describeViolations(list) {
  return list.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.join("\n    ")}`).join("\n");
}

describe("every view passes axe-core's WCAG 2.1 AA rules", () => {
  const ctx = appOnChannel({
    channel: (site) => ({
      name: NAME,
      platform: "youtube",
      urls: [site.url("/youtube")],
      policy: "half-yearly",
      board: "Kultur- och fritidsnämnden",
      unit: "Evenemangsenheten",
      responsible: "Örjan Åkesson",
    }),
    // A snapshot in the history, so the channel page shows one.
    prepare: async ({ data, channelId }) => {
      const captured = cli(data.dir, ["capture", String(channelId)], { timeout: 150_000 });
      assert.equal(captured.status, 0, captured.stderr);
    },
    env: () => ({ OGONBLICK_NO_OPEN: "1" }),
  });
  let browser;
  let channelId;
  before(async () => {
    ({ browser, channelId } = ctx);
    await invoke(browser, "set_schedule_settings", { settings: ALWAYS_OPEN_SCHEDULE });
  });

  const views = () => [
    ["#/att-gora", "Att göra"],
    ["#/kanaler", "Kanaler"],
    ["#/ny-kanal", undefined],
    ["#/oversikt", undefined],
    ["#/export", undefined],
    ["#/borttaget", "Borttaget innehåll"],
    ["#/borttaget/ny", "Registrera borttaget innehåll"],
    ["#/gallring", "Gallring"],
    ["#/installningar", "Inställningar"],
    [`#/kanal/${channelId}`, NAME],
    [`#/kanal/${channelId}/avslut`, undefined],
  ];

  async function checkAll(width) {
    const problems = [];
    for (const [hash, heading] of views()) {
      await goto(browser, hash, heading);
      if (hash === `#/kanal/${channelId}`) await thumbnailsLoaded(browser, await browser.$("main"));
      const found = await violations(browser);
      if (found.length > 0) problems.push(`${hash} at ${width} px:\n  ${describeViolations(found)}`);
    }
    return problems;
  }

  it("the check itself works in this window: a planted unlabelled field and low contrast are caught", async () => {
    await goto(browser, "#/installningar", "Inställningar");
    await browser.execute(() => {
      const probe = document.createElement("div");
      probe.id = "axe-probe";
      const field = document.createElement("input");
      field.type = "text";
      const faint = document.createElement("p");
      faint.style.cssText = "color:#bbb;background:#fff";
      faint.textContent = "svag text";
      probe.append(field, faint);
      document.querySelector("main").prepend(probe);
      window.scrollTo(0, 0);
    });
    try {
      const ids = (await violations(browser)).map((v) => v.id);
      assert.ok(ids.includes("label"), `the unlabelled field: ${ids}`);
      assert.ok(ids.includes("color-contrast"), `the low contrast: ${ids}`);
    } finally {
      await browser.execute(() => document.getElementById("axe-probe")?.remove());
    }
    assert.deepEqual(await violations(browser), [], "and without the probe the view is clean");
  });

  it("in the normal window", async () => {
    const problems = await checkAll("full");
    assert.deepEqual(problems, [], `\n${problems.join("\n")}`);
  });

  it("in a window half as wide (the layout of 200 % zoom)", async () => {
    const { width, height } = await browser.getWindowSize();
    await browser.setWindowSize(Math.round(width / 2), height);
    try {
      const problems = await checkAll(Math.round(width / 2));
      assert.deepEqual(problems, [], `\n${problems.join("\n")}`);
    } finally {
      await browser.setWindowSize(width, height);
    }
  });
});
