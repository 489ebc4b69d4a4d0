// The first run of the real app on an empty data folder: the setup leads a
// new user through the organisation, the boards and units (entered by hand),
// the register, the schedule and its periods (one changed, after a day that
// does not exist is refused), automatic snapshots and this computer's browser
// and emoji font, in Swedish; after saving, Att göra opens, the CLI reads
// what was saved from the same folder, and the next start goes straight to
// Att göra.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { cliJson, eventually, invoke, present, screenshot, startApp, tempDataDir } from "../lib.mjs";

/** Sets an input bound with bind:value and checks the value stuck. */
async function fill(browser, selector, value) {
  const el = await browser.$(selector);
  await el.waitForExist({ timeout: 10_000 });
  await el.setValue(value);
  assert.equal(await el.getValue(), value, `${selector} holds ${value}`);
}

const h1 = async (browser) => {
  const el = await browser.$("main h1");
  return (await el.isExisting()) ? el.getText() : "";
};

describe("the first run on an empty data folder", () => {
  let data;
  let app;
  let browser;
  before(async () => {
    data = tempDataDir("ogonblick-e2e-first-run-");
    app = await startApp({ OGONBLICK_DATA_DIR: data.dir });
    browser = app.browser;
  });
  after(async () => {
    await app?.close();
    data?.cleanup();
  });

  it("leads through the setup in Swedish and saves it", async () => {
    await eventually(async () => (await h1(browser)) === "Välkommen till Ögonblick", "the first run's setup", 20_000);
    const legends = await browser.execute(() =>
      [...document.querySelectorAll(".first-run > fieldset > legend")].map((l) => l.textContent.trim()),
    );
    assert.deepEqual(legends, [
      "1. Organisationen",
      "2. Nämnder och enheter",
      "3. Förteckningen över kanaler",
      "4. Schema",
      "5. Automatiska ögonblicksbilder",
      "6. Datorn",
    ]);
    // This machine has Chromium and Noto Color Emoji (scripts/setup.sh).
    const browserCheck = await (await present(browser, "[data-check=browser]")).getText();
    assert.match(browserCheck, /Webbläsare \(Chromium, Chrome eller Edge\): Finns/);
    assert.match(browserCheck, /chromium/);
    const fontCheck = await (await browser.$("[data-check=font]")).getText();
    assert.match(fontCheck, /Emojitypsnitt \(Noto Color Emoji\): Finns/);
    assert.match(fontCheck, /NotoColorEmoji/);
    assert.match(await browser.$(".first-run").getText(), /Förteckningen har 0 kanaler/);

    await fill(browser, "#fr-name", "Ögonblicks kommun");
    await fill(browser, "#fr-orgnr", "212000-0000");
    await fill(browser, "#fr-earchive", "Kommunens e-arkiv");
    await fill(browser, "#fr-agreement", "LÖ 2026:1");

    // A board and a unit of it, by hand (saved at once, as in Inställningar).
    await fill(browser, "#org-new-board", "Kulturnämnden");
    await browser.$("button=Lägg till nämnd").click();
    await fill(browser, '[id="org-unit-Kulturnämnden"]', "Bibliotek");
    await browser.$("button=Lägg till enhet").click();
    await eventually(
      async () => /Bibliotek/.test(await browser.$(".first-run fieldset.units ul.boards").getText()),
      "the unit in the list",
    );

    // Yearly, and its window ends on 15 November; 31 November is refused
    // first with the catalogue's sentence, and nothing is saved.
    await browser.$("#fr-policy").selectByAttribute("value", "yearly");
    await fill(browser, "#fr-y-0-end", "11-31");
    await browser.$("input[type=checkbox][aria-describedby=fr-auto-hint]").click();
    await browser.$("button=Spara och börja").click();
    const refusal = await present(browser, ".first-run [role=alert]", "the refusal of 11-31");
    assert.match(await refusal.getText(), /'11-31' är ingen dag på året: månaden 11 har dagarna 01–30/);
    assert.equal(await h1(browser), "Välkommen till Ögonblick", "nothing was saved");
    await fill(browser, "#fr-y-0-end", "11-15");
    await screenshot(browser, "first-run-setup");
    await browser.$("button=Spara och börja").click();

    await eventually(async () => (await h1(browser)) === "Att göra", "Att göra after the setup", 20_000);
    assert.match(await browser.$(".announce").getText(), /Inställningarna är sparade/);

    // The same folder, read by the CLI.
    const org = cliJson(data.dir, ["settings", "show", "--json"]);
    assert.equal(org.name, "Ögonblicks kommun");
    assert.equal(org.org_number, "212000-0000");
    assert.equal(org.e_archive_name, "Kommunens e-arkiv");
    assert.equal(org.submission_agreement, "LÖ 2026:1");
    assert.equal(org.default_policy, "yearly");
    assert.deepEqual(org.schedule_windows.yearly_windows, [{ label: "höst", start: "10-01", end: "11-15" }]);
    const scheduler = cliJson(data.dir, ["settings", "show", "scheduler", "--json"]);
    assert.equal(scheduler.auto_capture, true, "automatic snapshots were turned on");
    const list = cliJson(data.dir, ["org", "list", "--json"]);
    assert.deepEqual(list.boards, [{ name: "Kulturnämnden", units: ["Bibliotek"] }]);
  });

  it("does not show the setup again on the next start", async () => {
    await browser.refresh();
    await eventually(async () => (await h1(browser)) === "Att göra", "Att göra on the next start", 20_000);
    const status = await invoke(browser, "first_run_status");
    assert.equal(status.needed, false, "the folder has its organisation now");
    assert.equal(await (await browser.$(".first-run")).isExisting(), false);
  });
});
