// The desktop on a shared register (issue 15): started with
// OGONBLICK_DATABASE and the shared data folder, it lists the channel the CLI
// added to the same PostgreSQL database, its footer says "Delat register:
// host/database", and Inställningar → Delat register says so too.
// PostgreSQL: OGONBLICK_TEST_POSTGRES names a server (scripts/test-postgres.sh);
// the spec makes a database of its own there. Without it the spec skips.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { cli, eventually, present, screenshot, startApp, tempDataDir } from "../lib.mjs";

const server = process.env.OGONBLICK_TEST_POSTGRES ?? "";
const name = `ogonblick_e2e_${process.pid}`;
/** Runs one statement on the test server (its notices kept off the report). */
const sql = (statement) => execFileSync("psql", [server, "-q", "-c", statement], { stdio: ["ignore", "ignore", "pipe"] });

describe("the desktop on a shared register", { skip: server === "" && "OGONBLICK_TEST_POSTGRES is not set" }, () => {
  let data;
  let config;
  let app;
  let browser;
  let url;

  before(async () => {
    sql(`DROP DATABASE IF EXISTS ${name}`);
    sql(`CREATE DATABASE ${name}`);
    url = `${server.slice(0, server.lastIndexOf("/"))}/${name}`;
    data = tempDataDir("ogonblick-e2e-shared-");
    // No saved address of the tester's: only OGONBLICK_DATABASE names the register.
    config = mkdtempSync(join(tmpdir(), "ogonblick-e2e-config-"));
    const env = { OGONBLICK_DATABASE: url, OGONBLICK_CONFIG_DIR: config };
    const org = cli(data.dir, ["settings", "set", "--name", "Ögonblicks kommun"], { env });
    assert.equal(org.status, 0, org.stderr);
    const added = cli(data.dir, [
      "channel", "add", "--name", "Delade kanalen", "--platform", "facebook",
      "--url", "https://www.facebook.com/delade",
    ], { env });
    assert.equal(added.status, 0, added.stderr);
    app = await startApp({ OGONBLICK_DATA_DIR: data.dir, ...env });
    browser = app.browser;
  });

  after(async () => {
    await app?.close();
    data?.cleanup();
    if (config) rmSync(config, { recursive: true, force: true });
    if (server) sql(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });

  it("lists the CLI's channel and says which register it is on", async () => {
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
