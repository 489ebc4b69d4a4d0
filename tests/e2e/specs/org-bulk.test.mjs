// h-ui19: the organisation's list of boards and units (kept in Inställningar,
// imported with the register, picked in the channel form) and Kanaler's bulk
// change of the responsible person, in the real window against the real CLI.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { cli, cliJson, eventually, screenshot, startApp, tempDataDir } from "../lib.mjs";

describe("boards and units, and bulk actions", () => {
  let data;
  let app;
  let browser;

  before(async () => {
    data = tempDataDir();
    for (const [name, url] of [
      ["Biblioteket", "https://www.facebook.com/bibblan"],
      ["Fritidsgården", "https://www.facebook.com/fritid"],
    ]) {
      const r = cli(data.dir, [
        "channel", "add", "--name", name, "--platform", "facebook", "--url", url,
        "--board", "Kultur- och fritidsnämnden", "--unit", "Bibliotek",
      ]);
      assert.equal(r.status, 0, r.stderr);
    }
    // The first entry of the list takes in the channels' board and unit.
    const r = cli(data.dir, ["org", "board", "add", "Kommunstyrelsen"]);
    assert.equal(r.status, 0, r.stderr);
    app = await startApp({ OGONBLICK_DATA_DIR: data.dir });
    browser = app.browser;
  });

  after(async () => {
    await app?.close();
    data?.cleanup();
  });

  it("keeps the list in Inställningar and adds a unit there", async () => {
    await browser.$("main h1").waitForDisplayed({ timeout: 20_000 });
    await browser.$("nav a[href='#/installningar']").click();
    const input = await browser.$("#org-unit-Kommunstyrelsen");
    await input.waitForDisplayed({ timeout: 20_000 });
    const section = await browser.$("ul[aria-label='Organisationens nämnder och enheter']").getText();
    assert.match(section, /Kultur- och fritidsnämnden/);
    assert.match(section, /Bibliotek/);
    await input.setValue("Kommunikationsenheten");
    // Each board has its own form with its own button: the one of this input.
    await (await input.parentElement()).$("button=Lägg till enhet").click();
    await eventually(
      async () => cliJson(data.dir, ["org", "list", "--json"]).boards[1]?.units?.[0] === "Kommunikationsenheten",
      "the unit stored by the engine",
    );
    await screenshot(browser, "org-units-settings");
  });

  it("picks board and unit from the list in the add form", async () => {
    await browser.$("nav a[href='#/ny-kanal']").click();
    const name = await browser.$("#ch-name");
    await name.waitForDisplayed();
    await name.setValue("Kommunen på Facebook");
    await browser.$("#ch-platform").selectByAttribute("value", "facebook");
    await browser.$("#ch-url-0").setValue("https://www.facebook.com/kommunen");
    await browser.$("#ch-board").selectByAttribute("value", "Kommunstyrelsen");
    await browser.$("#ch-unit").selectByAttribute("value", "Kommunikationsenheten");
    await browser.$("button[type='submit']").click();
    await eventually(async () => {
      const c = cliJson(data.dir, ["channel", "list", "--json"]).find((s) => (s.channel ?? s).name === "Kommunen på Facebook");
      return c && (c.channel ?? c).unit === "Kommunikationsenheten";
    }, "the form's channel with the picked unit");
  });

  it("changes the responsible person of every channel shown at once", async () => {
    await browser.$("nav a[href='#/kanaler']").click();
    const all = await browser.$("#bulk-all");
    await all.waitForDisplayed({ timeout: 20_000 });
    await all.click();
    const bar = await browser.$("[aria-label='Åtgärder för valda kanaler']");
    await eventually(async () => /3 valda/.test(await bar.getText()), "three chosen");
    await bar.$("button=Ändra ansvarig").click();
    await browser.$("#bulk-new-responsible").setValue("Karin Berg");
    await bar.$("button=Spara för valda").click();
    await eventually(async () => /Ansvarig ändrad för 3 kanaler/.test(await bar.getText()), "the change said");
    for (const id of ["1", "2", "3"]) {
      assert.equal(cliJson(data.dir, ["channel", "show", id, "--json"]).responsible, "Karin Berg");
    }
    await screenshot(browser, "kanaler-bulk");
  });
});
