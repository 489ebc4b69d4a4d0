// What changed (issue 17), the path of unit staff and managers in the real
// app: one address of the fixture site changes between captures
// (`/changes/set/<variant>` sets what `/changes/live` serves). A renamed
// channel is suggested in Att göra as a major change and dismissed; a new
// profile picture is suggested and registered (a major-change capture with a
// description); both answers are in the audit log. On the channel's page two
// snapshots are compared side by side and as an overlay with the changed
// regions marked. Three small captures by the CLI and one by the app.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { appOnChannel, cli, cliJson, eventually, goto, present, reveal, screenshot } from "../lib.mjs";

const NAME = "Ögonblicks kommun – fritid";
const NOTE = "Ny profilbild inför vintersäsongen";
const CAPTURE_TIMEOUT = 150_000;

/** What `/changes/live` serves from now on. */
async function setVariant(site, variant) {
  const r = await fetch(site.url(`/changes/set/${variant}`));
  assert.equal(r.status, 200, `the fixture site knows the variant ${variant}`);
}

/** A capture of the channel by the CLI (as the scheduler or a colleague would). */
function capture(dir, channelId) {
  const r = cli(dir, ["capture", String(channelId), "--json"], { timeout: CAPTURE_TIMEOUT });
  assert.equal(r.status, 0, `capture failed: ${r.stderr}`);
  const [row] = JSON.parse(r.stdout);
  assert.equal(row.snapshot.status, "complete", JSON.stringify(row.snapshot.pages.map((p) => p.error)));
  return row.snapshot;
}

describe("staff answer a suggested major change; managers compare two snapshots", () => {
  /** The snapshots, oldest first. */
  const taken = [];
  const ctx = appOnChannel({
    channel: (site) => ({
      name: NAME,
      platform: "facebook",
      urls: [site.url("/changes/live")],
      policy: "half-yearly",
      board: "Kultur- och fritidsnämnden",
      unit: "Fritid",
    }),
    env: () => ({ OGONBLICK_NO_OPEN: "1" }),
    prepare: async ({ site, data, channelId }) => {
      await setVariant(site, "base");
      taken.push(capture(data.dir, channelId));
      await setVariant(site, "renamed");
      taken.push(capture(data.dir, channelId));
    },
  });

  it("staff: a renamed channel is suggested in Att göra and dismissed, audited", async () => {
    const { browser, data } = ctx;
    const renamed = taken[1];
    const comparison = cliJson(data.dir, ["history", "--json"])[1].pages[0].comparison;
    assert.equal(comparison.previous_snapshot_id, taken[0].id);
    assert.equal(comparison.suggests_major_change, true);

    await goto(browser, "#/att-gora", "Att göra");
    const item = await present(browser, `section.changes li[data-snapshot-id='${renamed.id}']`, "the suggestion in Att göra");
    const text = await item.getText();
    assert.match(text, /Kanalen verkar ha ändrats: .*sidans titel/, text);
    assert.match(text, new RegExp(`Jämförd med ögonblicksbilden ${taken[0].id}`), text);
    await reveal(browser, item);
    await screenshot(browser, "staff-change-suggested");

    await item.$("input[type='text']").setValue("Tillfälligt namn under kampanjen");
    await browser.$(`button[aria-label='Avfärda förslaget för ${NAME}']`).click();
    const status = await present(browser, "section.changes p[role='status']", "the dismissal said");
    assert.equal(await status.getText(), `Förslaget för ${NAME} avfärdades.`);
    await eventually(
      async () => !(await browser.$(`li[data-snapshot-id='${renamed.id}']`).isExisting()),
      "the dismissed suggestion to leave the list",
    );
    const entry = cliJson(data.dir, ["audit", "--json"]).find((e) => e.action === "change.dismiss");
    assert.ok(entry, "change.dismiss in the audit log");
    assert.equal(entry.actor, "e2e-desktop");
    assert.equal(cliJson(data.dir, ["changes", "list", "--json"]).length, 0);
  });

  it("staff: a new profile picture is suggested and registered as a major change with a description", async () => {
    const { browser, data, site, channelId } = ctx;
    await setVariant(site, "picture");
    const pictured = capture(data.dir, channelId);
    taken.push(pictured);

    await goto(browser, "#/att-gora", "Att göra");
    const item = await present(browser, `section.changes li[data-snapshot-id='${pictured.id}']`, "the new suggestion");
    assert.match(await item.getText(), /profil- eller omslagsbild/);
    await item.$("input[type='text']").setValue(NOTE);
    await browser.$(`button[aria-label='Registrera större förändring för ${NAME}']`).click();

    const major = await eventually(
      () => cliJson(data.dir, ["history", "--channel", String(channelId), "--json"]).find((s) => s.reason === "major-change" && s.status !== "running"),
      "the major-change snapshot to be stored",
      CAPTURE_TIMEOUT,
    );
    assert.equal(major.status, "complete");
    assert.equal(major.reason_note, NOTE);
    assert.equal(major.operator, "e2e-desktop");
    taken.push(major);
    const status = await present(browser, "section.changes p[role='status']", "the registration said", 30_000);
    await eventually(
      async () => (await status.getText()) === `Den större förändringen registrerades: ögonblicksbilden ${major.id}.`,
      "the registration message",
    );
    const entry = cliJson(data.dir, ["audit", "--json"]).find((e) => e.action === "change.register");
    assert.ok(entry, "change.register in the audit log");
    assert.equal(cliJson(data.dir, ["changes", "list", "--json"]).length, 0, "answered: no suggestion left");
  });

  it("manager: two snapshots side by side and as an overlay with the changed regions marked", async () => {
    const { browser, channelId } = ctx;
    const url = taken[0].pages[0].url;
    await goto(browser, `#/kanal/${channelId}`, NAME);
    const section = await present(browser, "section.compare", "the comparison on the channel's page");
    await reveal(browser, section);
    // The first snapshot (base) against the newest (the new picture).
    const [older, newer] = await section.$$("select");
    await older.selectByAttribute("value", taken[0].id);
    await newer.selectByAttribute("value", taken[3].id);
    await section.$("button=Jämför").click();

    const pair = await present(browser, `section.compare article[aria-label='${url}']`, "the compared page", 30_000);
    assert.match(await pair.getText(), /Texten \d+ % lika, \d+ ändrade områden/);
    // Side by side first: both pictures, the changed regions on the newer one.
    await eventually(async () => {
      const imgs = await pair.$$(".side img");
      if (imgs.length !== 2) return false;
      for (const img of imgs) {
        if (!(await browser.execute((el) => el.complete && el.naturalWidth > 0, img))) return false;
      }
      return true;
    }, "both pictures side by side", 30_000);
    assert.ok((await pair.$$(".side .region")).length > 0, "the changed regions marked side by side");
    await screenshot(browser, "manager-compare-side-by-side");

    // The overlay, chosen and worked by keyboard.
    const sideRadio = await pair.$("input[type='radio'][value='side']");
    await sideRadio.click();
    await browser.keys("ArrowRight");
    await eventually(async () => await pair.$("input[type='radio'][value='overlay']").isSelected(), "the overlay chosen");
    const figure = await present(browser, `section.compare article[aria-label='${url}'] figure.overlay-view`, "the overlay");
    assert.equal((await figure.$$("img")).length, 2, "the newer picture over the older");
    const boxes = await figure.$$(".region");
    assert.ok(boxes.length > 0, "the changed regions marked on the overlay");
    assert.match(await pair.getText(), /ändrade områden markerade, varav [1-9]\d* i det övre fältet/);
    const newerImg = await figure.$("img.newer");
    const opacity = async () => Number((await newerImg.getCSSProperty("opacity")).value);
    assert.equal(await opacity(), 0.5);
    const toggle = await pair.$("button=Visa bara den äldre bilden");
    await toggle.click();
    assert.equal(await toggle.getAttribute("aria-pressed"), "true");
    assert.equal(await opacity(), 0);
    await toggle.click();
    await reveal(browser, figure);
    await screenshot(browser, "manager-compare-overlay");
  });
});
