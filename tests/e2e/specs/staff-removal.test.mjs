// Unit staff record a removed comment (borttaget innehåll) from the channel's
// page: the comment's address is captured first (a real Chromium on the
// fixture site), the record links that snapshot, the Borttaget list shows it
// under the chosen filter, and a second person certifies it on its page. The
// CLI, reading the same data folder, agrees with what the window showed.
import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { appOnChannel, cliJson, eventually, goto, present, reveal, screenshot, whatTheUserSees } from "../lib.mjs";

const NAME = "Ögonblicks kommun på Facebook";
const CAPTURE_TIMEOUT = 150_000;

describe("staff record a removal, captured first, and a second person certifies it", () => {
  const ctx = appOnChannel({
    channel: (site) => ({
      name: NAME,
      platform: "facebook",
      urls: [site.url("/facebook")],
      policy: "half-yearly",
      board: "Kommunstyrelsen",
      unit: "Kommunikationsenheten",
    }),
    env: () => ({ OGONBLICK_NO_OPEN: "1" }),
  });
  let data;
  let browser;
  let channelId;
  let item;
  before(() => {
    ({ data, browser, channelId } = ctx);
    item = ctx.site.url("/tall?h=1500");
  });

  it("records the removal from the channel's page: the capture first, then the record", async () => {
    await goto(browser, `#/kanal/${channelId}`, NAME);
    await present(browser, "#channel-removals", "the channel's removals");
    await browser.$("a=Registrera borttaget innehåll i kanalen").click();
    await present(browser, "#removal-form-title", "the removal form");
    await eventually(async () => (await browser.$("#rm-channel").getValue()) === String(channelId), "the channel chosen");

    // Without a ground nothing is captured and nothing recorded.
    await browser.$("#rm-url").setValue(item);
    await browser.$("button=Fånga och registrera").click();
    const alert = await present(browser, "main [role='alert']", "the request for a ground");
    assert.match(await alert.getText(), /Välj grunden/);
    assert.equal(cliJson(data.dir, ["removal", "list", "--json"]).length, 0);

    await browser.$("#rm-ground").selectByAttribute("value", "hot");
    await browser.$("#rm-author").setValue("Anna Andersson");
    await browser.$("#rm-text").setValue("Du ska få se vad som händer med dig");
    await browser.$("button=Fånga och registrera").click();

    // The record's page opens once the capture and the record are stored.
    await present(browser, "#removal-title", "the record's page", CAPTURE_TIMEOUT);
    const [record] = cliJson(data.dir, ["removal", "list", "--json"]);
    assert.ok(record, "one record");
    assert.equal(record.url, item);
    assert.equal(record.ground.code, "hot");
    assert.equal(record.author, "Anna Andersson");
    assert.equal(record.removed_by, "e2e-desktop");
    assert.equal(record.evidence.type, "snapshot");
    const snapshot = cliJson(data.dir, ["history", "--json"]).find((s) => s.id === record.evidence.snapshot_id);
    assert.ok(snapshot, "the linked snapshot is in the history");
    assert.equal(snapshot.status, "complete");
    assert.equal(snapshot.reason, "single-item");
    assert.equal(snapshot.single_address, item);

    const main = await browser.$("main");
    const text = await main.getText();
    assert.match(text, /Borttagningen är registrerad som post/);
    assert.ok(text.includes(`Ögonblicksbild ${snapshot.id}`), "the evidence names the snapshot");
    assert.match(text, /Inte bestyrkt ännu/);
    await screenshot(browser, "staff-removal-record");
  });

  it("lists it under Borttaget with the filter, and a second person certifies it", async () => {
    await goto(browser, "#/borttaget", "Borttaget innehåll");
    const table = await present(browser, "main table", "the list of records");
    await eventually(async () => (await table.getText()).includes("Anna Andersson"), "the record in the list");
    assert.match(await table.getText(), /Hot/);

    // A filter that leaves it out, then one that keeps it.
    await browser.$("#rf-police").selectByAttribute("value", "yes");
    await browser.$("button=Visa").click();
    await present(browser, "p=Inga poster om borttaget innehåll stämmer med urvalet.", "an empty selection");
    await browser.$("#rf-police").selectByAttribute("value", "no");
    await browser.$("#rf-ground").selectByAttribute("value", "hot");
    await browser.$("button=Visa").click();
    const link = await present(browser, "main table a", "the record's link");
    await link.click();

    await present(browser, "#removal-title", "the record's page");
    await browser.$("#certify-name").setValue("Erik Ek");
    await browser.$("button=Bestyrk").click();
    await eventually(async () => /av Erik Ek, /.test(await browser.$("main").getText()), "the certification shown", 60_000)
      .catch(async (e) => {
        throw new Error(`${e.message}\n${await whatTheUserSees(browser)}`);
      });
    const [record] = cliJson(data.dir, ["removal", "list", "--json"]);
    assert.equal(record.version, 2);
    assert.equal(record.certified.by, "Erik Ek");
    const history = await present(browser, "#removal-versions", "the versions");
    assert.match(await history.getText(), /Version 2: .*bestyrkt av Erik Ek/);
    await reveal(browser, history);
    await screenshot(browser, "staff-removal-certified");
  });

  // h-rem3: corrections in the desktop (Rätta), the police report "yes"
  // without a reference, and the change note in Swedish.
  it("corrects the record with Rätta: a new version with the reason", async () => {
    await present(browser, "#removal-title", "the record's page");
    await browser.$("button=Rätta").click();
    await present(browser, "#correct-title", "the correction form");
    await browser.$("#correct-reported").selectByAttribute("value", "yes");
    await browser.$("#correct-note").setValue("polisanmäld i efterhand");
    await browser.$("button=Spara rättelsen").click();
    const history = await present(browser, "#removal-versions", "the versions");
    await eventually(async () => /Version 3: .*rättelse: polisanmäld i efterhand/.test(await history.getText()), "the correction shown", 60_000)
      .catch(async (e) => {
        throw new Error(`${e.message}\n${await whatTheUserSees(browser)}`);
      });
    const [record] = cliJson(data.dir, ["removal", "list", "--json"]);
    assert.equal(record.version, 3);
    assert.equal(record.police_report.reported, true);
    assert.equal(record.police_report.reference, null);
    assert.equal(record.change_note.key, "removal-note-corrected-because");
    assert.match(await browser.$("main").getText(), /Polisanmälan\s+Ja/);
    await screenshot(browser, "staff-removal-corrected");
  });
});
