// The desktop on a shared register (issue 15): started with
// OGONBLICK_DATABASE and the shared data folder, it lists the channel the CLI
// added to the same PostgreSQL database, its footer says "Delat register:
// host/database", and Inställningar → Delat register says so too.
// PostgreSQL: OGONBLICK_TEST_POSTGRES names a server (scripts/test-postgres.sh);
// the spec makes a database of its own there. Without it the spec skips.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { eventually, present, screenshot } from "../lib.mjs";
import { appOnPostgres, withoutPostgres } from "../postgres.mjs";

describe("the desktop on a shared register", { skip: withoutPostgres }, () => {
  const ctx = appOnPostgres({
    tag: "shared",
    prepare: ({ register }) => {
      const org = register.cli(["settings", "set", "--name", "Ögonblicks kommun"]);
      assert.equal(org.status, 0, org.stderr);
      const added = register.cli([
        "channel", "add", "--name", "Delade kanalen", "--platform", "facebook",
        "--url", "https://www.facebook.com/delade",
      ]);
      assert.equal(added.status, 0, added.stderr);
    },
  });

  it("lists the CLI's channel and says which register it is on", async () => {
    const { browser, register } = ctx;
    const name = register.name;
    const line = await present(browser, "[data-testid=register-line]", "the footer's register line", 20_000);
    assert.equal(await line.getText(), `Delat register: 127.0.0.1/${name}`);
    await browser.$("nav a[href='#/kanaler']").click();
    await eventually(async () => {
      const r = await browser.$("tr[data-channel-id='1']");
      return (await r.isExisting()) && (await r.getText()).includes("Delade kanalen");
    }, "the channel the CLI added to the shared register");
    await browser.$("nav a[href='#/installningar']").click();
    const current = await present(browser, "[data-testid=shared-current]", "Delat register in Inställningar");
    assert.equal(await current.getText(), `Det här fönstret använder det delade registret 127.0.0.1/${name}.`);
    await screenshot(browser, "shared-register");
  });
});
