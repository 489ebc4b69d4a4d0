// Raw Chromium's full-page capture, the capture benchmark's baseline: Chromium
// driven over the DevTools protocol (`--remote-debugging-pipe`, no websocket),
// none of Ögonblick's code. It opens the page in a 1280×900 window, scrolls it
// to the bottom in steps as tall as a slice (so lazy images and infinite scroll
// load as in a user's browser) until the document is at least `--height` px
// tall or stops growing, waits until no image is loading and none came for
// 300 ms, shoots the whole height with
// `Page.captureScreenshot` (`captureBeyondViewport`, `clip`) in slices of at
// most 16,384 px, each written as a PNG of its own (no stitching), and prints
// the page to PDF. The process's whole run (Chromium's launch included) is the
// baseline; it prints a JSON line of its stages.
// Usage: node raw-cdp.mjs --chromium PATH --url URL --out DIR [--height PX]
//        [--profile DIR] [--slice PX] [--fast]  (--fast: optimizeForSpeed)
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const chromium = arg("chromium", "chromium");
const url = arg("url");
const out = arg("out", ".");
const want = Number(arg("height", "0"));
const sliceMax = Number(arg("slice", "16384"));
const fast = process.argv.includes("--fast");
const profile = arg("profile", join(out, "raw-cdp-profile"));
mkdirSync(out, { recursive: true });

const t0 = performance.now();
const stages = {};
let last = t0;
const stage = (name) => {
  const now = performance.now();
  stages[name] = +((now - last) / 1000).toFixed(3);
  last = now;
};

const root = process.getuid && process.getuid() === 0;
const proc = spawn(
  chromium,
  [
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
    "--hide-scrollbars",
    "--window-size=1280,900",
    "--remote-debugging-pipe",
    `--user-data-dir=${profile}`,
    ...(root ? ["--no-sandbox"] : []),
    "about:blank",
  ],
  { stdio: ["ignore", "ignore", "ignore", "pipe", "pipe"] },
);
const toBrowser = proc.stdio[3];
const fromBrowser = proc.stdio[4];

let nextId = 1;
const pending = new Map();
const waiters = [];
let buf = Buffer.alloc(0);
fromBrowser.on("data", (chunk) => {
  buf = Buffer.concat([buf, chunk]);
  let end;
  while ((end = buf.indexOf(0)) >= 0) {
    const msg = JSON.parse(buf.subarray(0, end).toString("utf8"));
    buf = buf.subarray(end + 1);
    if (msg.id && pending.has(msg.id)) {
      const { resolve, reject, method } = pending.get(msg.id);
      pending.delete(msg.id);
      if (msg.error) reject(new Error(`${method}: ${msg.error.message}`));
      else resolve(msg.result);
    } else if (msg.method) {
      for (let i = waiters.length - 1; i >= 0; i--) {
        if (waiters[i].method === msg.method && waiters[i].session === msg.sessionId) {
          waiters.splice(i, 1)[0].resolve(msg.params);
        }
      }
    }
  }
});
const send = (method, params = {}, sessionId) =>
  new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve, reject, method });
    const m = { id, method, params };
    if (sessionId) m.sessionId = sessionId;
    toBrowser.write(JSON.stringify(m) + "\0");
  });
const event = (method, session) =>
  new Promise((resolve) => waiters.push({ method, session, resolve }));

try {
  const { targetInfos } = await send("Target.getTargets");
  const page = targetInfos.find((t) => t.type === "page");
  const { sessionId: s } = await send("Target.attachToTarget", {
    targetId: page.targetId,
    flatten: true,
  });
  const call = (method, params) => send(method, params, s);
  const evaluate = async (expression) =>
    (await call("Runtime.evaluate", { expression, awaitPromise: true, returnByValue: true })).result
      .value;
  await call("Page.enable");
  stage("launch");

  const loaded = event("Page.loadEventFired", s);
  await call("Page.navigate", { url });
  await loaded;
  stage("load");

  // Scroll to the bottom, a slice-tall viewport at a time; at the bottom wait
  // (up to 2 s) for the page to grow, as infinite scroll does.
  const height = () => evaluate("document.documentElement.scrollHeight");
  const frame = "new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))";
  let h = await height();
  // A viewport at least `--height` tall (as ours is a slice tall: a short
  // page fills it), at most a slice.
  const step = Math.min(sliceMax, Math.max(h, want, 900));
  await call("Emulation.setDeviceMetricsOverride", {
    width: 1280,
    height: step,
    deviceScaleFactor: 1,
    mobile: false,
  });
  let y = 0;
  for (;;) {
    await evaluate(`window.scrollTo(0, ${y}); ${frame}`);
    h = await height();
    if (y + step < h) {
      y += step;
      continue;
    }
    if (h >= want) break;
    let grown = false;
    for (let waited = 0; waited < 2000 && !grown; waited += 100) {
      await evaluate("new Promise(r => setTimeout(r, 100))");
      grown = (await height()) > h;
    }
    if (!grown) break;
  }
  // Settled: no image loading, and as many loaded as 300 ms ago (images a
  // script sets once seen come a frame or more after the scroll); 5 s at most.
  const settled =
    "(() => { const i = [...document.images].filter(i => i.currentSrc); return i.every(i => i.complete) ? i.length : -1; })()";
  for (let n = -1, same = 0, polls = 0; same < 3 && polls < 50; polls++) {
    await evaluate("new Promise(r => setTimeout(r, 100))");
    const now = await evaluate(settled);
    same = now >= 0 && now === n ? same + 1 : 0;
    n = now;
  }
  await evaluate(`window.scrollTo(0, 0); ${frame}`);
  h = await height();
  stage("scroll");

  let n = 0;
  for (let sy = 0; sy < h; sy += sliceMax, n++) {
    const sh = Math.min(sliceMax, h - sy);
    const { data } = await call("Page.captureScreenshot", {
      format: "png",
      clip: { x: 0, y: sy, width: 1280, height: sh, scale: 1 },
      captureBeyondViewport: true,
      optimizeForSpeed: fast,
    });
    writeFileSync(join(out, `raw-${String(n).padStart(3, "0")}.png`), Buffer.from(data, "base64"));
  }
  stage("screenshot");

  const pdf = await call("Page.printToPDF", { displayHeaderFooter: false });
  writeFileSync(join(out, "raw.pdf"), Buffer.from(pdf.data, "base64"));
  stage("pdf");
  await send("Browser.close").catch(() => {});
  await new Promise((r) => (proc.exitCode !== null ? r() : proc.on("exit", r)));
  stage("close");
  console.log(
    JSON.stringify({ height: h, slices: n, seconds: +((performance.now() - t0) / 1000).toFixed(3), stages }),
  );
} catch (e) {
  console.error(`raw-cdp: ${e.message}`);
  proc.kill();
  process.exit(1);
}
