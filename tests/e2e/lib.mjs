// Helpers for the end-to-end tests: the real desktop app, started by
// tauri-driver (which drives Debian's WebKitWebDriver), under the X display the
// caller provides (scripts/test.sh runs these tests under xvfb-run).
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
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

/** Runs the CLI `ogonblick` and returns {status, stdout, stderr}. */
export function cli(dataDir, args) {
  const r = spawnSync(cliBin, ["--data-dir", dataDir, ...args], {
    encoding: "utf8",
    env: { ...process.env, OGONBLICK_OPERATOR: "e2e-cli" },
    timeout: 60_000,
  });
  if (r.error) throw new Error(`could not run ${cliBin}: ${r.error.message} (build it with cargo build -p ogonblick-cli)`);
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
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
      env: { ...process.env, OGONBLICK_OPERATOR: "e2e-desktop", ...env },
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
  return { browser, close, logs };
}

/** Saves the current view as tests/e2e/screenshots/<name>.png. */
export async function screenshot(browser, name) {
  mkdirSync(screenshotDir, { recursive: true });
  const path = join(screenshotDir, `${name}.png`);
  const data = await browser.takeScreenshot();
  writeFileSync(path, Buffer.from(data, "base64"));
  return path;
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
