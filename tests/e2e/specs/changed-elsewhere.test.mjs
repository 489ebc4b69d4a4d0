// Several desktops at once (issue 15): the desktop open on a shared
// PostgreSQL register, and the CLI as a second client on the same database
// and data folder. The CLI's edit shows in Kanaler within a few seconds
// without a reload (the desktop polls the register's change stamp); then an
// edit form opened before another CLI edit is not overwritten, its save is
// refused with who changed the channel and when, and Ladda om brings the
// saved values, after which the save goes through.
// PostgreSQL: OGONBLICK_TEST_POSTGRES names a server (scripts/test-postgres.sh);
// the spec makes a database of its own there. Without it the spec skips.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { after, before, describe, it } from "node:test";
import { cli, eventually, goto, present, screenshot, startApp, tempDataDir } from "../lib.mjs";

const server = process.env.OGONBLICK_TEST_POSTGRES ?? "";
const name = `ogonblick_e2e_conc_${process.pid}`;
const sql = (statement) => execFileSync("psql", [server, "-q", "-c", statement], { stdio: ["ignore", "ignore", "pipe"] });

describe("changes made elsewhere", { skip: server === "" && "OGONBLICK_TEST_POSTGRES is not set" }, () => {
  let data;
  let config;
  let app;
  let browser;
  let env;

  /** The CLI, a second client of the same register, edits channel 1. */
  const cliEdit = (...args) => {
    const r = cli(data.dir, ["channel", "edit", "1", ...args], { env });
    assert.equal(r.status, 0, r.stderr);
  };

  before(async () => {
    sql(`DROP DATABASE IF EXISTS ${name}`);
    sql(`CREATE DATABASE ${name}`);
    const url = `${server.slice(0, server.lastIndexOf("/"))}/${name}`;
    data = tempDataDir("ogonblick-e2e-conc-");
    config = mkdtempSync(join(tmpdir(), "ogonblick-e2e-config-"));
    env = { OGONBLICK_DATABASE: url, OGONBLICK_CONFIG_DIR: config };
    const added = cli(data.dir, [
      "channel", "add", "--name", "Delade kanalen", "--platform", "facebook",
      "--url", "https://www.facebook.com/delade", "--responsible", "Anna Andersson",
    ], { env });
    assert.equal(added.status, 0, added.stderr);
    app = await startApp({ OGONBLICK_DATA_DIR: data.dir, OGONBLICK_WATCH_SECS: "1", ...env });
    browser = app.browser;
  });

  after(async () => {
    await app?.close();
    data?.cleanup();
    if (config) rmSync(config, { recursive: true, force: true });
    if (server) sql(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });

  it("shows the CLI's edit in Kanaler within seconds, without a reload", async () => {
    await present(browser, "[data-testid=register-line]", "the footer's register line", 20_000);
    await goto(browser, "#/kanaler", "Kanaler");
    const row = "tr[data-channel-id='1']";
    await eventually(async () => (await browser.$(row).getText()).includes("Anna Andersson"), "the channel in Kanaler");
    // A mark in the page: a reload would lose it.
    await browser.execute(() => {
      window.__notReloaded = true;
    });
    const started = Date.now();
    cliEdit("--responsible", "Bo Berg");
    await eventually(async () => (await browser.$(row).getText()).includes("Bo Berg"), "the CLI's edit in Kanaler", 10_000);
    const took = Date.now() - started;
    assert.ok(took < 10_000, `shown after ${took} ms`);
    assert.equal(await browser.execute(() => window.__notReloaded === true), true, "the page was not reloaded");
    assert.equal(await browser.execute(() => window.location.hash), "#/kanaler");
  });

  it("refuses the save of a form opened before another edit, with who and when; Ladda om brings the new values", async () => {
    await browser.$("tr[data-channel-id='1'] a").click();
    await present(browser, "h1[data-channel-id='1']", "the channel's page");
    const edit = await eventually(async () => {
      const buttons = await browser.$$("button");
      for (const b of buttons) if ((await b.getText()) === "Ändra uppgifter") return b;
      return false;
    }, "the button Ändra uppgifter");
    await edit.click();
    const notes = await present(browser, "#ed-notes", "the form's notes");
    await notes.setValue("Från skrivbordet");
    cliEdit("--responsible", "Cecilia Carlsson");
    // Several polls pass: the page reads the channel again, the form keeps what it shows.
    await sleep(3500);
    assert.equal(await browser.$("#ed-responsible").getValue(), "Bo Berg");
    assert.equal(await browser.$("#ed-notes").getValue(), "Från skrivbordet");

    await browser.$("form[aria-labelledby='edit-title'] button[type='submit']").click();
    const alert = await present(browser, "form[aria-labelledby='edit-title'] [role=alert]", "the refusal");
    const said = await alert.getText();
    assert.match(said, /ändrades av e2e-cli/, said);
    assert.match(said, /\d{4}/, `when: ${said}`);
    assert.equal(await alert.getAttribute("data-code"), "conflict");
    await screenshot(browser, "changed-elsewhere-refused");

    const reload = await eventually(async () => {
      for (const b of await browser.$$("form[aria-labelledby='edit-title'] button")) {
        if ((await b.getText()) === "Ladda om") return b;
      }
      return false;
    }, "the button Ladda om");
    await reload.click();
    await eventually(
      async () => (await browser.$("#ed-responsible").getValue()) === "Cecilia Carlsson",
      "the saved responsible person in the form",
    );
    await browser.$("#ed-notes").setValue("Från skrivbordet");
    await browser.$("form[aria-labelledby='edit-title'] button[type='submit']").click();
    await eventually(
      async () => (await browser.$("main").getText()).includes("Uppgifterna för ”Delade kanalen” är sparade."),
      "the save after Ladda om",
    );
    const shown = cli(data.dir, ["channel", "show", "1"], { env });
    assert.equal(shown.status, 0, shown.stderr);
    assert.match(shown.stdout, /Cecilia Carlsson/);
    assert.match(shown.stdout, /Från skrivbordet/);
  });
});
