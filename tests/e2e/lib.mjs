// Helpers for the end-to-end tests: the real desktop app, started by
// tauri-driver (which drives Debian's WebKitWebDriver), under the X display the
// caller provides (scripts/test.sh runs these tests under xvfb-run).
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, rmSync, existsSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { after, before } from "node:test";
import { fileURLToPath } from "node:url";
import { remote } from "webdriverio";

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, "..", "..");
const targetDir = process.env.CARGO_TARGET_DIR
  ? resolve(process.env.CARGO_TARGET_DIR)
  : join(repoRoot, "target");

/** The app built with `--features tauri/custom-protocol` (scripts/test.sh). */
export const appBin = process.env.OGONBLICK_APP_BIN ?? join(targetDir, "debug", "ogonblick-desktop");
export const cliBin = process.env.OGONBLICK_CLI_BIN ?? join(targetDir, "debug", "ogonblick");
/** The fixture site (`cargo build -p ogonblick-testsite`), by default beside the CLI. */
export const testsiteBin =
  process.env.OGONBLICK_TESTSITE_BIN ?? join(dirname(cliBin), "ogonblick-testsite");
const tauriDriver =
  process.env.TAURI_DRIVER ??
  [join(process.env.HOME ?? "", ".cargo", "bin", "tauri-driver"), "tauri-driver"].find(
    (p) => p === "tauri-driver" || existsSync(p),
  );
const nativeDriver = process.env.WEBKIT_WEBDRIVER ?? "/usr/bin/WebKitWebDriver";
export const screenshotDir = join(here, "screenshots");

/** A fresh data directory, removed by the returned cleanup. */
export function tempDataDir(prefix = "ogonblick-e2e-") {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * The environment the CLI and the desktop run with: the tester's, without a shared register of theirs
 * (`OGONBLICK_DATABASE`, or an address saved in their config folder): a test names its register itself.
 */
const isolatedConfig = mkdtempSync(join(tmpdir(), "ogonblick-e2e-config-"));
process.on("exit", () => rmSync(isolatedConfig, { recursive: true, force: true }));
export function isolatedEnv(extra = {}) {
  const env = { ...process.env, OGONBLICK_CONFIG_DIR: isolatedConfig };
  delete env.OGONBLICK_DATABASE;
  return { ...env, ...extra };
}

/** Runs the CLI `ogonblick` and returns {status, stdout, stderr}. */
export function cli(dataDir, args, { timeout = 60_000, env = {} } = {}) {
  const r = spawnSync(cliBin, ["--data-dir", dataDir, ...args], {
    encoding: "utf8",
    env: isolatedEnv({ OGONBLICK_OPERATOR: "e2e-cli", ...env }),
    timeout,
  });
  if (r.error) throw new Error(`could not run ${cliBin}: ${r.error.message} (build it with cargo build -p ogonblick-cli)`);
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Runs the CLI with `--json` output expected; fails with its stderr otherwise. */
export function cliJson(dataDir, args, opts) {
  const r = cli(dataDir, args, opts);
  if (r.status !== 0) {
    throw new Error(`ogonblick ${args.join(" ")} exited with ${r.status}: ${r.stderr}`);
  }
  try {
    return JSON.parse(r.stdout);
  } catch (e) {
    throw new Error(`ogonblick ${args.join(" ")} printed no JSON (${e.message}): ${r.stdout}`);
  }
}

/** Adds a channel through the CLI and returns its id. */
export function addChannel(dataDir, { name, platform, urls, policy, board, unit, responsible }) {
  const args = ["channel", "add", "--name", name, "--platform", platform];
  for (const u of urls) args.push("--url", u);
  if (policy) args.push("--policy", policy);
  if (board) args.push("--board", board);
  if (unit) args.push("--unit", unit);
  if (responsible) args.push("--responsible", responsible);
  const r = cli(dataDir, args);
  if (r.status !== 0) throw new Error(`channel add failed: ${r.stderr}`);
  const id = Number.parseInt(r.stdout.trim(), 10);
  if (!Number.isInteger(id)) throw new Error(`channel add printed no id: ${r.stdout}`);
  return id;
}

/**
 * Starts the fixture site (`ogonblick-testsite --until-stdin-closes`) and
 * returns its description (`base`, `channels`, …; see crates/testsite) with
 * `url(path)` and `stop()`. The site also stops when this process exits,
 * because its stdin closes.
 */
export async function startTestSite() {
  if (!existsSync(testsiteBin)) {
    throw new Error(`${testsiteBin} is missing: build it with cargo build -p ogonblick-testsite (or set OGONBLICK_TESTSITE_BIN)`);
  }
  const child = spawn(testsiteBin, ["--until-stdin-closes"], { stdio: ["pipe", "pipe", "pipe"] });
  let err = "";
  child.stderr.on("data", (d) => (err += String(d)));
  const line = await withTimeout(
    new Promise((res, rej) => {
      let out = "";
      child.stdout.on("data", (d) => {
        out += String(d);
        const nl = out.indexOf("\n");
        if (nl >= 0) res(out.slice(0, nl));
      });
      child.on("exit", (code) => rej(new Error(`ogonblick-testsite exited with ${code}: ${err}`)));
      child.on("error", rej);
    }),
    10_000,
    "starting the fixture site",
  );
  const info = JSON.parse(line);
  return {
    ...info,
    url: (path) => `${info.base}${path}`,
    stop: () => {
      child.stdin.end();
      if (child.exitCode === null) child.kill("SIGTERM");
    },
  };
}

function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", rej);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function waitForDriver(port, child, timeoutMs = 20_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`tauri-driver exited with ${child.exitCode}`);
    try {
      const r = await fetch(`http://127.0.0.1:${port}/status`);
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`tauri-driver did not answer on port ${port} within ${timeoutMs} ms`);
}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, rej) => {
      timer = setTimeout(() => rej(new Error(`${what} took longer than ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * Starts tauri-driver and a WebDriver session on the app with the given
 * environment (e.g. OGONBLICK_DATA_DIR). New-session has a timeout and one
 * retry. Call `close()` in `after`: it deletes the session and stops the
 * driver (and with it WebKitWebDriver and the app) in every case.
 */
export async function startApp(env = {}) {
  if (!existsSync(appBin)) {
    throw new Error(`${appBin} is missing: build it with cargo build -p ogonblick-desktop --features tauri/custom-protocol`);
  }
  const port = await freePort();
  const nativePort = await freePort();
  const logs = [];
  const child = spawn(
    tauriDriver,
    ["--port", String(port), "--native-port", String(nativePort), "--native-driver", nativeDriver],
    {
      env: isolatedEnv({ OGONBLICK_OPERATOR: "e2e-desktop", ...env }),
      stdio: ["ignore", "pipe", "pipe"],
      detached: true, // its own process group, so close() stops the whole tree
    },
  );
  child.stdout.on("data", (d) => logs.push(String(d)));
  child.stderr.on("data", (d) => logs.push(String(d)));
  const stopDriver = () => {
    if (child.exitCode === null && child.pid) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        // already gone
      }
    }
  };

  let browser;
  try {
    await waitForDriver(port, child);
    const options = {
      hostname: "127.0.0.1",
      port,
      logLevel: "warn",
      connectionRetryCount: 0,
      capabilities: {
        browserName: "wry",
        "wdio:enforceWebDriverClassic": true,
        "tauri:options": { application: appBin },
      },
    };
    for (let attempt = 1; ; attempt++) {
      try {
        browser = await withTimeout(remote(options), 60_000, "new-session");
        break;
      } catch (e) {
        if (attempt >= 2) throw e;
        console.error(`new-session failed (${e.message}); retrying once`);
        await sleep(1000);
      }
    }
  } catch (e) {
    stopDriver();
    throw new Error(`${e.message}\n--- tauri-driver log ---\n${logs.join("")}`);
  }

  async function close() {
    try {
      if (browser) await withTimeout(browser.deleteSession(), 15_000, "delete-session");
    } catch (e) {
      console.error(`delete-session: ${e.message}`);
    } finally {
      stopDriver();
      await sleep(200);
    }
  }
  appGroups.set(browser, child.pid);
  return { browser, close, logs };
}

/** Each session's tauri-driver process group (the app runs in it): which window is whose. */
const appGroups = new WeakMap();

/**
 * Saves the current view as tests/e2e/screenshots/<name>.png and returns its
 * path, or null when no picture could be taken (a warning on stderr: a
 * screenshot never fails a test nor blocks the session).
 *
 * The picture comes from the X server (ImageMagick's `import` of the app's
 * window on the xvfb-run display), not from WebKitWebDriver: WebKitGTK
 * answers a WebDriver screenshot only after the web view's next presentation
 * update, an idle window under Xvfb with the DMA-BUF renderer off makes none,
 * so the screenshot hung now and then, and the hung command held up every
 * later command of the session. The X server gives what is on the screen, at
 * once, with either renderer.
 */
export async function screenshot(browser, name) {
  mkdirSync(screenshotDir, { recursive: true });
  const path = join(screenshotDir, `${name}.png`);
  // On top first: the X server gives only what is on the screen, and a second
  // desktop's window (two-desktops) may cover this one.
  const window = appWindow(appGroups.get(browser));
  if (window) raiseWindow(window);
  // Let WebKit paint the last DOM change (two frames; the style toggle makes a
  // frame even when nothing else changed), then capture.
  try {
    await withTimeout(
      browser.executeAsync((done) => {
        const root = document.documentElement.style;
        root.outlineColor = root.outlineColor ? "" : "transparent";
        requestAnimationFrame(() => requestAnimationFrame(() => done()));
      }),
      10_000,
      "the paint before a screenshot",
    );
  } catch (e) {
    console.error(`screenshot ${name}: ${e.message}`);
  }
  await sleep(300);
  const r = spawnSync("import", ["-window", window ?? "root", path], {
    encoding: "utf8",
    timeout: 20_000,
  });
  if (r.status !== 0) {
    console.error(`screenshot ${name}: no picture (${r.error?.message ?? r.stderr.trim()})`);
    return null;
  }
  return path;
}

/**
 * The X window id of the app's main window on $DISPLAY: the largest top-level
 * window of class ogonblick-desktop whose process (_NET_WM_PID) is in the
 * process group `group` (the session's tauri-driver's; two desktops may run at
 * once), or of any such window when `group` is unknown; null when none is.
 */
function appWindow(group) {
  const r = spawnSync("xwininfo", ["-root", "-children"], { encoding: "utf8", timeout: 5_000 });
  if (r.status !== 0) return null;
  let best = null;
  for (const line of r.stdout.split("\n")) {
    const m = line.match(/^\s*(0x[0-9a-f]+) .*\("ogonblick-desktop" [^)]*\)\s+(\d+)x(\d+)/i);
    if (!m || (best && m[2] * m[3] <= best.area)) continue;
    if (group !== undefined && processGroupOfWindow(m[1]) !== group) continue;
    best = { id: m[1], area: m[2] * m[3] };
  }
  return best?.id ?? null;
}

/**
 * Raises X window `id` above its siblings (XRaiseWindow through libX11 with
 * Python's ctypes: no window manager runs under xvfb-run, so it takes effect
 * at once). A failure is only a warning: the picture may then show what covers it.
 */
function raiseWindow(id) {
  const py = [
    "import ctypes, sys",
    "x = ctypes.CDLL('libX11.so.6')",
    "x.XOpenDisplay.restype = ctypes.c_void_p",
    "d = x.XOpenDisplay(None)",
    "if not d: sys.exit('no display')",
    "x.XRaiseWindow(ctypes.c_void_p(d), ctypes.c_ulong(int(sys.argv[1], 16)))",
    "x.XSync(ctypes.c_void_p(d), 0)",
    "x.XCloseDisplay(ctypes.c_void_p(d))",
  ].join("\n");
  const r = spawnSync("python3", ["-c", py, id], { encoding: "utf8", timeout: 5_000 });
  if (r.status !== 0) console.error(`raising window ${id}: ${r.error?.message ?? r.stderr.trim()}`);
}

/** The process group of the process that owns X window `id` (its _NET_WM_PID), or null. */
function processGroupOfWindow(id) {
  const r = spawnSync("xprop", ["-id", id, "_NET_WM_PID"], { encoding: "utf8", timeout: 5_000 });
  const pid = r.stdout?.match(/=\s*(\d+)/)?.[1];
  if (!pid) return null;
  try {
    // /proc/PID/stat: "pid (comm) state ppid pgrp …"; comm may hold spaces.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[2]);
  } catch {
    return null;
  }
}

/** Waits until `fn` returns a truthy value; fails with `what` after the timeout. */
export async function eventually(fn, what, timeoutMs = 15_000) {
  const until = Date.now() + timeoutMs;
  let last;
  while (Date.now() < until) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    await sleep(150);
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${last.message}` : ""}`);
}

/**
 * Calls a Tauri command of the running app through its real IPC (the same
 * path api.ts takes). For setup the UI offers no quicker way to, e.g. the
 * schedule windows. Rejections come back as thrown errors with the payload.
 */
export async function invoke(browser, cmd, args = {}) {
  const r = await browser.executeAsync(
    (cmd, args, done) => {
      window.__TAURI_INTERNALS__.invoke(cmd, args).then(
        (value) => done({ ok: true, value }),
        // The payload as text: WebKit's driver cannot hand some objects back.
        (error) => done({ ok: false, error: JSON.stringify(error) }),
      );
    },
    cmd,
    args,
  );
  if (!r.ok) throw new Error(`${cmd} was refused: ${r.error}`);
  return r.value;
}

/**
 * Schedule windows that cover the whole year without blackouts (as in
 * crates/cli/tests/it/capture.rs), so a new half-yearly channel is due
 * whatever day the tests run.
 */
export const ALWAYS_OPEN_SCHEDULE = {
  default_policy: "half-yearly",
  half_yearly_windows: [
    { label: "första halvåret", start: "01-01", end: "06-30" },
    { label: "andra halvåret", start: "07-01", end: "12-31" },
  ],
  yearly_windows: [{ label: "hela året", start: "01-01", end: "12-31" }],
  blackouts: [],
  major_change_resets_schedule: false,
  timezone: "Europe/Stockholm",
};

/** Goes to a hash route (e.g. "#/att-gora") and waits for the view's heading. */
export async function goto(browser, hash, heading) {
  // The same route again: reload the page, so the view loads its data anew.
  const same = await browser.execute((h) => {
    if (window.location.hash === h) return true;
    window.location.hash = h;
    return false;
  }, hash);
  if (same) await browser.refresh();
  await eventually(async () => {
    const h1 = await browser.$("main h1");
    if (!(await h1.isExisting())) return false;
    if (heading === undefined) return true;
    const text = await h1.getText();
    return heading instanceof RegExp ? heading.test(text) : text === heading;
  }, `the view ${hash}${heading ? ` with the heading ${heading}` : ""}`, 20_000);
}

/** The element, once it exists (polling), else a failure naming `what`. */
export async function present(browser, selector, what = selector, timeoutMs = 15_000) {
  try {
    return await eventually(async () => {
      const el = await browser.$(selector);
      return (await el.isExisting()) && el;
    }, what, timeoutMs);
  } catch (e) {
    throw new Error(`${e.message}\n${await whatTheUserSees(browser)}`);
  }
}

/**
 * For a failure message: the text of the status line and the view, and a
 * screenshot (tests/e2e/screenshots/failure-*.png), so a CI log alone tells
 * what the window showed.
 */
export async function whatTheUserSees(browser) {
  try {
    const text = await browser.execute(() => {
      const bar = document.querySelector(".scheduler-bar")?.textContent ?? "";
      const main = document.querySelector("main")?.innerText ?? "";
      return `--- status line ---\n${bar.trim()}\n--- view ---\n${main.trim().slice(0, 3000)}`;
    });
    const shot = await screenshot(browser, `failure-${Date.now()}`);
    return `${text}\n--- screenshot: ${shot ?? "(none)"}`;
  } catch (e) {
    return `(could not read the window: ${e.message})`;
  }
}

/** Scrolls the element into view (for a screenshot of what matters). */
export async function reveal(browser, element, block = "start") {
  await browser.execute((el, block) => el.scrollIntoView({ block }), element, block);
}

/** Waits until every thumbnail under `scope` (an element) shows a decoded PNG. */
export async function thumbnailsLoaded(browser, scope, timeoutMs = 30_000) {
  await eventually(
    () =>
      browser.execute((root) => {
        const imgs = [...root.querySelectorAll("img")];
        return (
          imgs.length > 0 &&
          imgs.every((i) => i.src.startsWith("data:image/png;base64,") && i.complete && i.naturalWidth > 0)
        );
      }, scope),
    "the thumbnails to load",
    timeoutMs,
  );
}

/**
 * The usual stage of a spec, as `before`/`after` hooks of the enclosing
 * `describe`: the fixture site, a fresh data folder, `prepare(ctx)` for
 * anything before the app starts (the register, CLI captures, settings), then
 * the app on that data folder with `env(ctx)` and its first view shown.
 * Returns `ctx`, filled in by `before`: {site, data, app, browser} and what
 * `prepare` adds. `after` closes the app, stops the site and removes the data
 * folder.
 */
export function appOnSite({ env = () => ({}), prepare = async () => {} } = {}) {
  const ctx = {};
  before(async () => {
    ctx.site = await startTestSite();
    ctx.data = tempDataDir();
    await prepare(ctx);
    ctx.app = await startApp({ OGONBLICK_DATA_DIR: ctx.data.dir, ...env(ctx) });
    ctx.browser = ctx.app.browser;
    await ctx.browser.$("main h1").waitForDisplayed({ timeout: 20_000 });
  });
  after(async () => {
    await ctx.app?.close();
    ctx.site?.stop();
    ctx.data?.cleanup();
  });
  return ctx;
}

/**
 * [`appOnSite`] with one channel in the register (`channel(site)` gives
 * `addChannel`'s fields), added before `prepare`; `ctx.channelId` is its id.
 */
export function appOnChannel({ channel, env, prepare = async () => {} }) {
  return appOnSite({
    env,
    prepare: async (ctx) => {
      ctx.channelId = addChannel(ctx.data.dir, channel(ctx.site));
      await prepare(ctx);
    },
  });
}

/** The button under `scope` whose text is `text`, once there is one. */
export function buttonWithText(browser, text, scope = "main") {
  return eventually(async () => {
    for (const b of await browser.$$(`${scope} button`)) if ((await b.getText()) === text) return b;
    return false;
  }, `the button ${text}`);
}

const EDIT_FORM = "form[aria-labelledby='edit-title']";

/**
 * A channel's open edit form, whose channel another client changed meanwhile: Spara is refused
 * (code `conflict`, the sentence returned, a screenshot `shot` taken), Ladda om fills the form with
 * the saved values (`[field, value]` of `reloaded` shows), `retype` (`[field, value]`) is typed
 * again, and Spara then saves the channel named `channel`. Returns the refusal's sentence.
 */
export async function staleSaveThenReload(browser, { reloaded, retype, channel, shot }) {
  await browser.$(`${EDIT_FORM} button[type='submit']`).click();
  const alert = await present(browser, `${EDIT_FORM} [role=alert]`, "the refusal");
  const said = await alert.getText();
  if ((await alert.getAttribute("data-code")) !== "conflict") throw new Error(`not refused as a conflict: ${said}`);
  await screenshot(browser, shot);
  await (await buttonWithText(browser, "Ladda om", EDIT_FORM)).click();
  await eventually(async () => (await browser.$(reloaded[0]).getValue()) === reloaded[1], `${reloaded[1]} in the form after Ladda om`);
  await browser.$(retype[0]).setValue(retype[1]);
  await browser.$(`${EDIT_FORM} button[type='submit']`).click();
  await eventually(
    async () => (await browser.$("main").getText()).includes(`Uppgifterna för ”${channel}” är sparade.`),
    "the save after Ladda om",
  );
  return said;
}

/**
 * What a handläggare's window hides (README, Roller): the menu's Export, Gallring, Inställningar and
 * Lägg till kanal; in Kanaler the CSV import, Lägg till kanal, the bulk bar's Ändra ansvarig and
 * Exportera, and the box choosing another unit's channel (`[id, name]`); in Att göra that channel's
 * capture; and on that channel's page the capture, the major change, the sign-in browser, the single
 * address, a new removal record, the register edit, the diary number and the closure checklist.
 * Leaves the window on that channel; throws naming whatever shows.
 */
export async function handlaggareHides(browser, [id, name]) {
  const nav = await browser.$("nav").getText();
  const shown = ["Export", "Gallring", "Inställningar", "Lägg till kanal"].filter((h) => nav.includes(h));
  const absent = async (where, selectors) => {
    for (const hidden of selectors) {
      if (await browser.$(hidden).isExisting()) shown.push(`${hidden} in ${where}`);
    }
  };

  // Kanaler, once its list (or the sentence that there is none) is drawn.
  await goto(browser, "#/kanaler", "Kanaler");
  await present(browser, "main table, main p.empty", "Kanaler's list");
  // The other unit's channel is listed (to read), only its box is not.
  await present(browser, `main tr[data-channel-id='${id}']`, `${name} in Kanaler`);
  await absent("Kanaler", [
    "button=Importera från CSV",
    "button=Lägg till kanal",
    "button=Ändra ansvarig",
    "button=Exportera",
    `main tr[data-channel-id='${id}'] input[type='checkbox']`,
  ]);

  // Att göra, once its counts (or the sentence that all is done) are drawn.
  await goto(browser, "#/att-gora", "Att göra");
  await present(browser, "main p.count, main p.empty", "Att göra's list");
  await absent("Att göra", [`main li[data-channel-id='${id}'] button`]);

  await goto(browser, `#/kanal/${id}`, name);
  await present(browser, "main h2", "the channel's sections");
  await absent(name, [
    "button=Ta en extra ögonblicksbild",
    "button=Registrera större förändring",
    "button=Logga in på plattformen",
    "button=Fånga adressen",
    "a=Registrera borttaget innehåll i kanalen",
    "button=Ändra uppgifter",
    "button=Sätt diarienumret",
    "a=Förbered avveckling av kanalen (checklista)",
  ]);
  if (shown.length > 0) throw new Error(`a handläggare's window shows ${shown.join(", ")} (the menu: ${nav})`);
}
