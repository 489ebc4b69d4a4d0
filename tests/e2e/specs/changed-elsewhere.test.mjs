// Several desktops at once (issue 15): the desktop open on a shared
// PostgreSQL register, and the CLI as a second client on the same database
// and data folder. The CLI's edit shows in Kanaler within a few seconds
// without a reload (the desktop polls the register's change stamp); then an
// edit form opened before another CLI edit is not overwritten, its save is
// refused with who changed the channel and when, and Ladda om brings the
// saved values, after which the save goes through. The CLI connects as the
// test server's login under the operator name e2e-cli, so the refusal names
// both: the login the server recorded, and the name the change claims.
// PostgreSQL: OGONBLICK_TEST_POSTGRES names a server (scripts/test-postgres.sh);
// the spec makes a database of its own there. Without it the spec skips.
import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, it } from "node:test";
import { buttonWithText, eventually, goto, present, staleSaveThenReload } from "../lib.mjs";
import { appOnPostgres, testPostgres, withoutPostgres } from "../postgres.mjs";

describe("changes made elsewhere", { skip: withoutPostgres }, () => {
  const ctx = appOnPostgres({
    tag: "conc",
    prepare: ({ register }) => {
      const added = register.cli([
        "channel", "add", "--name", "Delade kanalen", "--platform", "facebook",
        "--url", "https://www.facebook.com/delade", "--responsible", "Anna Andersson",
      ]);
      assert.equal(added.status, 0, added.stderr);
    },
    env: () => ({ OGONBLICK_WATCH_SECS: "1" }),
  });

  /** The CLI, a second client of the same register, edits channel 1. */
  const cliEdit = (...args) => {
    const r = ctx.register.cli(["channel", "edit", "1", ...args]);
    assert.equal(r.status, 0, r.stderr);
  };

  it("shows the CLI's edit in Kanaler within seconds, without a reload", async () => {
    const { browser } = ctx;
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
    const { browser } = ctx;
    await browser.$("tr[data-channel-id='1'] a").click();
    await present(browser, "h1[data-channel-id='1']", "the channel's page");
    await (await buttonWithText(browser, "Ändra uppgifter")).click();
    const notes = await present(browser, "#ed-notes", "the form's notes");
    await notes.setValue("Från skrivbordet");
    cliEdit("--responsible", "Cecilia Carlsson");
    // Several polls pass: the page reads the channel again, the form keeps what it shows.
    await sleep(3500);
    assert.equal(await browser.$("#ed-responsible").getValue(), "Bo Berg");
    assert.equal(await browser.$("#ed-notes").getValue(), "Från skrivbordet");

    const said = await staleSaveThenReload(browser, {
      reloaded: ["#ed-responsible", "Cecilia Carlsson"],
      retype: ["#ed-notes", "Från skrivbordet"],
      channel: "Delade kanalen",
      shot: "changed-elsewhere-refused",
    });
    const login = testPostgres === "" ? "" : decodeURIComponent(new URL(testPostgres).username);
    assert.ok(said.includes(`ändrades av PostgreSQL-inloggningen ${login} (i namnet e2e-cli)`), said);
    assert.match(said, /\d{4}/, `when: ${said}`);
    const shown = ctx.register.cli(["channel", "show", "1"]);
    assert.equal(shown.status, 0, shown.stderr);
    assert.match(shown.stdout, /Cecilia Carlsson/);
    assert.match(shown.stdout, /Från skrivbordet/);
  });
});
