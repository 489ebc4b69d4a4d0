// The foundation's main path: channels added through the CLI and through the
// desktop form share one data directory, and the window lists both.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { cli, eventually, screenshot, startApp, tempDataDir } from "../lib.mjs";

describe("the register in the desktop app", () => {
  let data;
  let app;
  let browser;

  before(async () => {
    data = tempDataDir();
    const added = cli(data.dir, [
      "channel", "add",
      "--name", "Nacka kommun på Facebook 👋",
      "--platform", "facebook",
      "--url", "https://www.facebook.com/nackakommun",
      "--url", "https://www.facebook.com/nackakommun/about",
      "--board", "Kommunstyrelsen",
      "--unit", "Kommunikationsenheten",
      "--responsible", "Åsa Öberg",
      "--substitute", "Erik Ek",
      "--policy", "half-yearly",
    ]);
    assert.equal(added.status, 0, `channel add failed: ${added.stderr}`);
    assert.match(added.stdout, /\b1\b/, "channel add prints the new id");
    app = await startApp({ OGONBLICK_DATA_DIR: data.dir });
    browser = app.browser;
  });

  after(async () => {
    await app?.close();
    data?.cleanup();
  });

  it("lists the channel added through the CLI, in Swedish", async () => {
    const heading = await browser.$("main h1");
    await heading.waitForDisplayed({ timeout: 20_000 });
    assert.equal(await heading.getText(), "Att göra", "the start view is Att göra");
    await browser.$("nav a[href='#/kanaler']").click();
    await eventually(async () => (await browser.$("main h1").getText()) === "Kanaler", "the register view");
    const row = await eventually(async () => {
      const r = await browser.$("tr[data-channel-id='1']");
      return (await r.isExisting()) && r;
    }, "the CLI's channel in the list");
    const text = await row.getText();
    assert.match(text, /Nacka kommun på Facebook 👋/, "åäö and emoji survive CLI → store → window");
    assert.match(text, /Kommunstyrelsen \/ Kommunikationsenheten/);
    assert.match(text, /Åsa Öberg \/ Erik Ek/);
    assert.match(text, /Varje halvår/);
    const footer = await browser.$("footer").getText();
    assert.ok(footer.includes(data.dir), `the footer names the data directory: ${footer}`);
    await screenshot(browser, "register-cli-channel");
  });

  it("adds a channel through the form and lists both", async () => {
    await browser.$("nav a[href='#/ny-kanal']").click();
    const name = await browser.$("#ch-name");
    await name.waitForDisplayed();
    // (WebKitWebDriver cannot type characters outside the BMP, e.g. emoji;
    // the CLI channel above carries one instead.)
    await name.setValue("Kulturhuset på Instagram");
    await browser.$("#ch-platform").selectByAttribute("value", "instagram");
    await browser.$("#ch-url-0").setValue("https://www.instagram.com/kulturhuset");
    await browser.$("button=Lägg till adress").click();
    await browser.$("#ch-url-1").setValue("https://www.instagram.com/kulturhuset/about");
    await browser.$("#ch-board").setValue("Kultur- och fritidsnämnden");
    await browser.$("#ch-unit").setValue("Kulturhuset");
    await browser.$("#ch-responsible").setValue("Örjan Ådahl");
    await browser.$("#ch-substitute").setValue("Lisa Lund");
    await browser.$("#ch-policy").selectByAttribute("value", "yearly");
    await browser.$("button[type='submit']").click();

    const row = await eventually(async () => {
      const r = await browser.$("tr[data-channel-id='2']");
      return (await r.isExisting()) && r;
    }, "the form's channel in the list");
    assert.match(await row.getText(), /Kulturhuset på Instagram/);
    assert.match(await row.getText(), /En gång om året/);
    assert.ok(await browser.$("tr[data-channel-id='1']").isExisting(), "the CLI's channel is still listed");
    const status = await browser.$("main [role='status']").getText();
    assert.match(status, /har lagts till i förteckningen/);
    assert.equal(await browser.$("main p.count").getText(), "2 kanaler");

    // The same register, seen from the CLI.
    const listed = cli(data.dir, ["channel", "list", "--json"]);
    assert.equal(listed.status, 0, listed.stderr);
    const channels = JSON.parse(listed.stdout);
    const names = (Array.isArray(channels) ? channels : []).map((c) => c.channel?.name ?? c.name);
    assert.deepEqual(names.sort(), ["Kulturhuset på Instagram", "Nacka kommun på Facebook 👋"]);
    await screenshot(browser, "register-both-channels");
  });

  it("refuses a duplicate address with a sentence and changes nothing", async () => {
    await browser.$("nav a[href='#/ny-kanal']").click();
    await browser.$("#ch-name").waitForDisplayed();
    await browser.$("#ch-name").setValue("Nacka igen");
    await browser.$("#ch-platform").selectByAttribute("value", "facebook");
    await browser.$("#ch-url-0").setValue("https://www.facebook.com/nackakommun");
    await browser.$("button[type='submit']").click();
    const alert = await browser.$("[role='alert']");
    await alert.waitForDisplayed({ timeout: 10_000 });
    const text = await alert.getText();
    assert.match(text, /^Det går inte just nu: /, text);
    assert.equal(await alert.getAttribute("data-code"), "conflict");
    const listed = JSON.parse(cli(data.dir, ["channel", "list", "--json"]).stdout);
    assert.equal(listed.length, 2, "nothing was added");
    await screenshot(browser, "register-duplicate-refused");
  });

  it("filters Kanaler live by text and person, sorts by a column, and remembers the filter", async () => {
    await browser.$("nav a[href='#/kanaler']").click();
    await browser.$("tr[data-channel-id='2']").waitForExist();
    const shown = () =>
      browser.execute(() => [...document.querySelectorAll("main tr[data-channel-id]")].map((tr) => tr.dataset.channelId));
    // Live search: every keystroke filters, no button to press.
    await browser.$("#f-text").setValue("kultur");
    await eventually(async () => JSON.stringify(await shown()) === '["2"]', "the search to leave Kulturhuset alone");
    assert.equal(await browser.$("main p.count").getText(), "1 av 2 kanaler visas");
    await browser.$("button=Visa alla").click();
    await eventually(async () => (await shown()).length === 2, "every channel again");
    // The responsible person (or substitute), picked from the register's names.
    await browser.$("#f-person").selectByVisibleText("Erik Ek");
    await eventually(async () => JSON.stringify(await shown()) === '["1"]', "Erik Ek's channel");
    // Sorted by name, then the other way.
    await browser.$("button=Visa alla").click();
    await eventually(async () => (await shown()).length === 2, "every channel again");
    assert.deepEqual(await shown(), ["2", "1"], "Kulturhuset before Nacka by name");
    await browser.$("button[aria-label='Sortera efter Namn']").click();
    await eventually(async () => JSON.stringify(await shown()) === '["1","2"]', "the names in reverse");
    // Remembered: away and back, the filter is still there.
    await browser.$("#f-text").setValue("nacka");
    await eventually(async () => JSON.stringify(await shown()) === '["1"]', "the search for Nacka");
    await browser.$("nav a[href='#/att-gora']").click();
    await eventually(async () => (await browser.$("main h1").getText()) === "Att göra", "Att göra");
    await browser.$("nav a[href='#/kanaler']").click();
    await eventually(async () => JSON.stringify(await shown()) === '["1"]', "the remembered search");
    assert.equal(await browser.$("#f-text").getValue(), "nacka");
    await screenshot(browser, "register-filtered");
    await browser.$("button=Visa alla").click();
    await browser.$("button[aria-label='Sortera efter Namn']").click();
    await eventually(async () => JSON.stringify(await shown()) === '["2","1"]', "every channel by name again");
  });

  it("stays readable in a window half as wide (the layout of 200 % zoom)", async () => {
    await browser.$("nav a[href='#/kanaler']").click();
    await browser.$("tr[data-channel-id='2']").waitForExist();
    const before = await browser.getWindowSize();
    // At 200 % zoom a 1100 px window lays out 550 CSS px: the same media
    // queries and wrapping as this window.
    await browser.setWindowSize(550, 900);
    try {
      const layout = await eventually(async () => {
        const l = await browser.execute(() => ({
          inner: window.innerWidth,
          scroll: document.documentElement.scrollWidth,
          theadShown: getComputedStyle(document.querySelector("thead")).position !== "absolute",
        }));
        return l.inner <= 600 && l;
      }, "the window to shrink");
      assert.ok(layout.scroll <= layout.inner, `no sideways scrolling: ${JSON.stringify(layout)}`);
      assert.equal(layout.theadShown, false, "the table turns into one card per channel");
      const row = await browser.$("tr[data-channel-id='2']").getText();
      assert.match(row, /Kultur- och fritidsnämnden/);
      await screenshot(browser, "register-narrow");
    } finally {
      await browser.setWindowSize(before.width, before.height);
    }
  });
});
