// Two desktops, two people, one PostgreSQL register (issue 15, "Done when"):
// two desktop processes at once, each its own person connected as their own
// PostgreSQL role (postgres://anna@…, postgres://bo@…; the roles and grants
// made by the owner's `ogonblick role set`), each with its own config folder
// and its own path to the one shared data folder (a bind mount where the
// tests may mount, as root here; else a symlinked path: the spec says which).
// anna (handläggare for Kultur) captures her channel in her window and bo's
// window (arkivarie) shows the snapshot without a reload, its files read
// through bo's path; anna's window hides and the engine refuses what her role
// cannot do; given the arkivarie role too, her window offers the register
// edit without a restart, shows bo's edit without a reload, and refuses her
// stale save with "ändrades av bo" and Ladda om.
// PostgreSQL: OGONBLICK_TEST_POSTGRES names a server (scripts/test-postgres.sh);
// the spec makes a database and roles of its own there. Without it the spec skips.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmdirSync, rmSync, statSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import {
  ALWAYS_OPEN_SCHEDULE,
  buttonWithText,
  cli,
  cliJson,
  eventually,
  goto,
  handlaggareHides,
  invoke,
  present,
  screenshot,
  staleSaveThenReload,
  startApp,
  startTestSite,
  tempDataDir,
} from "../lib.mjs";
import { asUser, postgresRegister, testLogin, withoutPostgres } from "../postgres.mjs";

const BOARD = "Kultur- och fritidsnämnden";
const CAPTURE_TIMEOUT = 150_000;
// The server's logins are cluster-wide: this run's own, never a real anna or bo.
const ANNA = testLogin("anna");
const BO = testLogin("bo");

/**
 * A second path to the folder `dir` at `where`: a bind mount when this process may mount (root
 * with CAP_SYS_ADMIN), else a symlink. Returns {path, kind, remove}.
 */
function secondPath(dir, where) {
  mkdirSync(where);
  const bind = spawnSync("mount", ["--bind", dir, where], { encoding: "utf8" });
  if (bind.status === 0) {
    return {
      path: where,
      kind: "bind mount",
      remove: () => {
        spawnSync("umount", [where]);
        // Never recursive: were the mount still there, that would empty the shared folder.
        rmdirSync(where);
      },
    };
  }
  rmSync(where, { recursive: true, force: true });
  symlinkSync(dir, where);
  return { path: where, kind: `symlink (mount --bind refused: ${(bind.stderr || bind.error?.message || "").trim()})`, remove: () => rmSync(where, { force: true }) };
}

describe("two desktops, two people, one PostgreSQL register", { skip: withoutPostgres }, () => {
  let site;
  let register;
  let paths;
  let configs;
  let kultur;
  let fritid;
  /** anna's and bo's windows: {app, browser, env, dir}. */
  const desk = {};

  before(async () => {
    site = await startTestSite();
    register = postgresRegister("two", { owner: testLogin("ogonblick_e2e_owner"), roles: [ANNA, BO] });
    const shared = register.data.dir;
    // Each desktop mounts the share at a place of its own.
    paths = tempDataDir("ogonblick-e2e-mounts-");
    // Each mount's removal is known as soon as it is made: were the second
    // to fail, `after` must still undo the first before it removes `paths`.
    const made = [];
    paths.removeMounts = () => made.forEach((p) => p.remove());
    const annaPath = secondPath(shared, join(paths.dir, "anna-share"));
    made.push(annaPath);
    const boPath = secondPath(shared, join(paths.dir, "bo-share"));
    made.push(boPath);
    console.log(`two-desktops: anna's path to the shared folder is a ${annaPath.kind}, bo's a ${boPath.kind}`);
    assert.notEqual(annaPath.path, boPath.path);

    // The owner (the IT department's schema owner) adds the channels and gives the roles.
    const owner = (args) => {
      const r = register.cli(args);
      assert.equal(r.status, 0, `ogonblick ${args.join(" ")}: ${r.stderr}`);
      return r.stdout;
    };
    kultur = Number(owner(["channel", "add", "--name", "Kulturhuset på X", "--platform", "x", "--url", site.url("/x"), "--board", BOARD, "--unit", "Kultur", "--responsible", "Anna Andersson"]));
    fritid = Number(owner(["channel", "add", "--name", "Simhallen på Youtube", "--platform", "youtube", "--url", site.url("/youtube"), "--board", BOARD, "--unit", "Fritid"]));
    owner(["role", "set", ANNA, "--role", "handlaggare", "--unit", "Kultur"]);
    owner(["role", "set", BO, "--role", "arkivarie"]);

    configs = tempDataDir("ogonblick-e2e-configs-");
    for (const [who, path] of [[ANNA, annaPath], [BO, boPath]]) {
      const config = join(configs.dir, who);
      mkdirSync(config);
      desk[who] = {
        dir: path.path,
        env: {
          OGONBLICK_DATA_DIR: path.path,
          OGONBLICK_DATABASE: asUser(register.url, who),
          OGONBLICK_CONFIG_DIR: config,
          OGONBLICK_OPERATOR: who,
          USER: who,
          LOGNAME: who,
        },
      };
    }
    // Both windows at once, each under its own tauri-driver and WebKitWebDriver.
    for (const who of [ANNA, BO]) {
      desk[who].app = await startApp(desk[who].env);
      desk[who].browser = desk[who].app.browser;
    }
    for (const who of [ANNA, BO]) await desk[who].browser.$("main h1").waitForDisplayed({ timeout: 20_000 });
  });

  after(async () => {
    await Promise.all([desk[ANNA]?.app?.close(), desk[BO]?.app?.close()]);
    site?.stop();
    paths?.removeMounts?.();
    paths?.cleanup();
    configs?.cleanup();
    register?.remove();
  });

  it("both people see the register's channels, each as their own PostgreSQL role", async () => {
    // Two paths, one folder.
    const [sa, sb] = [statSync(desk[ANNA].dir), statSync(desk[BO].dir)];
    assert.notEqual(desk[ANNA].dir, desk[BO].dir);
    assert.deepEqual([sa.dev, sa.ino], [sb.dev, sb.ino]);
    for (const [who, roles, units] of [[ANNA, ["handlaggare"], ["Kultur"]], [BO, ["arkivarie"], []]]) {
      const { browser } = desk[who];
      const line = await present(browser, "[data-testid=register-line]", `${who}'s register line`, 20_000);
      assert.equal(await line.getText(), `Delat register: 127.0.0.1/${register.name}`);
      const access = await invoke(browser, "current_access");
      assert.equal(access.login, who, "the person is the connection's role, not the operator or OS login");
      assert.deepEqual(access.roles, roles);
      assert.deepEqual(access.units, units);
      await goto(browser, "#/kanaler", "Kanaler");
      for (const [id, name] of [[kultur, "Kulturhuset på X"], [fritid, "Simhallen på Youtube"]]) {
        await eventually(
          async () => (await browser.$(`tr[data-channel-id='${id}']`).getText()).includes(name),
          `${name} in ${who}'s Kanaler`,
        );
      }
    }
  });

  it("anna captures her unit's channel; bo's window shows it without a reload, its files under bo's path", async () => {
    const a = desk[ANNA].browser;
    const b = desk[BO].browser;
    await goto(b, `#/kanal/${kultur}`, "Kulturhuset på X");
    await b.execute(() => {
      window.__notReloaded = true;
    });
    await goto(a, `#/kanal/${kultur}`, "Kulturhuset på X");
    const extra = await present(a, "button=Ta en extra ögonblicksbild", "the capture of anna's unit's channel");
    await extra.click();
    const snapshot = await eventually(
      () => cliJson(desk[BO].dir, ["history", "--channel", String(kultur), "--json"], { env: desk[BO].env })
        .find((s) => s.status === "complete"),
      "anna's snapshot in the register",
      CAPTURE_TIMEOUT,
    );
    assert.equal(snapshot.operator, ANNA);
    const entry = await present(b, `main article[data-snapshot-id='${snapshot.id}']`, "anna's snapshot in bo's window", 15_000);
    assert.match(await entry.getText(), /anna/, "who took it");
    assert.equal(await b.execute(() => window.__notReloaded === true), true, "bo's page was not reloaded");
    await screenshot(b, "two-desktops-bo-sees-anna-snapshot");

    // The files, through bo's path to the share, as the register recorded them.
    const folder = join(desk[BO].dir, "channels", String(kultur), "snapshots", snapshot.id);
    assert.ok(snapshot.pages.length > 0);
    for (const page of snapshot.pages) {
      for (const f of page.files) {
        const path = join(folder, f.path);
        assert.ok(existsSync(path), `${path} exists`);
        const bytes = readFileSync(path);
        assert.equal(createHash("sha256").update(bytes).digest("hex"), f.sha256, `${f.path}: recorded SHA-256`);
      }
    }
  });

  it("anna's window hides what her role cannot do, and the engine refuses it on both front-ends", async () => {
    const a = desk[ANNA].browser;
    await handlaggareHides(a, [fritid, "Simhallen på Youtube"]);
    assert.ok((await desk[BO].browser.$("nav").getText()).includes("Export"), "bo's menu offers Export");
    for (const [cmd, args] of [
      ["edit_channel", { id: kultur, patch: { notes: "x" } }],
      ["set_schedule_settings", { settings: ALWAYS_OPEN_SCHEDULE }],
    ]) {
      const refused = await invoke(a, cmd, args).then(
        () => null,
        (e) => e.message,
      );
      assert.ok(refused, `${cmd} went through for anna`);
      assert.match(refused, /"code":"forbidden"/, refused);
    }
    // The CLI as anna, on her path, refuses another unit's capture with the same sentence.
    const refusal = cli(desk[ANNA].dir, ["--lang", "sv", "capture", String(fritid)], { env: desk[ANNA].env });
    assert.equal(refusal.status, 1, refusal.stdout);
    assert.match(refusal.stderr, new RegExp(`${ANNA} är handläggare för Kultur och får inte ta ögonblicksbilder för kanalen Simhallen på Youtube`));
    await screenshot(a, "two-desktops-anna-refused");
  });

  it("bo's edit shows in anna's window without a reload; anna's stale save is refused with Ändrades av bo", async () => {
    const a = desk[ANNA].browser;
    const b = desk[BO].browser;
    // The administrator (the owner) gives anna the arkivarie role too: her window follows.
    const given = register.cli(["role", "set", ANNA, "--role", "handlaggare", "--role", "arkivarie", "--unit", "Kultur"]);
    assert.equal(given.status, 0, given.stderr);
    await goto(a, `#/kanal/${kultur}`, "Kulturhuset på X");
    await a.execute(() => {
      window.__notReloaded = true;
    });
    await present(a, "button=Ändra uppgifter", "the register edit in anna's window, once she is arkivarie", 20_000);

    /** Saves `responsible` for Kulturhuset in bo's window. */
    const boSaves = async (responsible) => {
      await goto(b, `#/kanal/${kultur}`, "Kulturhuset på X");
      await (await buttonWithText(b, "Ändra uppgifter")).click();
      await (await present(b, "#ed-responsible", "bo's form")).setValue(responsible);
      await b.$("form[aria-labelledby='edit-title'] button[type='submit']").click();
      await eventually(
        async () => (await b.$("main").getText()).includes("Uppgifterna för ”Kulturhuset på X” är sparade."),
        "bo's save",
      );
    };
    await boSaves("Bo Berg");
    await eventually(async () => (await a.$("main").getText()).includes("Bo Berg"), "bo's edit in anna's window", 10_000);
    assert.equal(await a.execute(() => window.__notReloaded === true), true, "anna's page was not reloaded");

    // anna opens the form; bo saves again meanwhile; her save is refused.
    await (await buttonWithText(a, "Ändra uppgifter")).click();
    await (await present(a, "#ed-notes", "anna's form")).setValue("Från Annas skrivbord");
    await boSaves("Cecilia Carlsson");
    const said = await staleSaveThenReload(a, {
      reloaded: ["#ed-responsible", "Cecilia Carlsson"],
      retype: ["#ed-notes", "Från Annas skrivbord"],
      channel: "Kulturhuset på X",
      shot: "two-desktops-anna-stale-save",
    });
    // bo's whole login (a word of its own: not the prefix of another login).
    assert.match(said, new RegExp(`ändrades av ${BO}\\b`), said);
    assert.match(said, /\d{4}/, `when: ${said}`);
    await eventually(async () => (await b.$("main").getText()).includes("Från Annas skrivbord"), "anna's edit in bo's window", 10_000);
    const shown = register.cli(["channel", "show", String(kultur)]);
    assert.match(shown.stdout, /Cecilia Carlsson/);
    assert.match(shown.stdout, /Från Annas skrivbord/);
  });
});
