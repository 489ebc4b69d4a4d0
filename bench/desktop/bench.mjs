// The desktop benchmark's driver (bench/desktop/run.sh runs it under
// xvfb-run): for each store given, starts the real app on its own, lets it
// come to rest and sums the PSS of the app and every process under it; then
// starts it with tauri-driver and WebKitWebDriver through tests/e2e's
// helpers, rests, sums the PSS again, opens each view of views.mjs RUNS
// times (timed in the window itself, from the click until the frame after
// the view's content appeared is painted), goes back to Att göra, rests again
// and sums the PSS once more. Prints the table with the ratios against the
// first store (the empty baseline) and writes the figures as JSON. A PSS
// read while a process outside the app maps WebKit's libraries is not
// judged: PSS splits shared pages, so another WebKit window makes the app
// read about 60 MB low.
//
//   node bench/desktop/bench.mjs --out FILE.json --runs 3 --rest 10 \
//     --profile dev LABEL=CHANNELS:SNAPSHOTS:DATA_DIR ...
import { spawn } from "node:child_process";
import { readFileSync, readdirSync, readlinkSync, realpathSync, writeFileSync } from "node:fs";
import { appBin, isolatedEnv, startApp } from "../../tests/e2e/lib.mjs";
import { START, VIEWS, readiness } from "./views.mjs";

const VIEW_GOAL_MS = 1000;
const PSS_GOAL_MB = 230;
/** How long one view may take before the run counts as failed. */
const VIEW_LIMIT_MS = 300_000;

function parseArgs(argv) {
  const o = { runs: 3, rest: 10, profile: "dev", out: null, stores: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--runs") o.runs = Number(argv[++i]);
    else if (a === "--rest") o.rest = Number(argv[++i]);
    else if (a === "--profile") o.profile = argv[++i];
    else if (a === "--out") o.out = argv[++i];
    else {
      const [channels, snapshots, ...dir] = a.split(":");
      o.stores.push({ channels: Number(channels), snapshots: Number(snapshots), dir: dir.join(":") });
    }
  }
  if (o.stores.length === 0) throw new Error("no store given (CHANNELS:SNAPSHOTS:DIR)");
  return o;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ---- memory: PSS over a process tree --------------------------------------

/** Every process's parent, from /proc/PID/stat. */
function parents() {
  const map = new Map();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      // "pid (comm) state ppid ...": comm may hold spaces and parentheses.
      const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      map.set(Number(name), Number(rest[1]));
    } catch {
      // gone meanwhile
    }
  }
  return map;
}

function descendants(root, parentOf) {
  const out = [];
  const todo = [root];
  while (todo.length > 0) {
    const p = todo.pop();
    for (const [pid, ppid] of parentOf) {
      if (ppid === p) {
        out.push(pid);
        todo.push(pid);
      }
    }
  }
  return out;
}

/** The app's process: ogonblick-desktop under this process (tauri-driver → WebKitWebDriver → app). */
function appPid() {
  const exe = realpathSync(appBin);
  const found = descendants(process.pid, parents()).filter((pid) => {
    try {
      return readlinkSync(`/proc/${pid}/exe`) === exe;
    } catch {
      return false;
    }
  });
  if (found.length !== 1) throw new Error(`expected one ${exe} under this process, found ${found.length}`);
  return found[0];
}

/**
 * What a mapping's pages are, for the breakdown of a process's PSS: the
 * libraries every WebKitGTK app pays for by name (WebKit, JavaScriptCore,
 * Mesa's LLVM, which the web process's EGL loads, and flite, WebKit's speech
 * synthesis, which libwebkit2gtk links whether or not a page speaks), the
 * app's own binary, other files and anonymous memory (heap, stacks, JIT).
 */
const KINDS = [
  ["libwebkit2gtk", /\/libwebkit2gtk-4\.1[^/]*\.so/],
  ["libjavascriptcoregtk", /\/libjavascriptcoregtk-4\.1[^/]*\.so/],
  ["libLLVM (Mesa)", /\/libLLVM[^/]*\.so/],
  ["libflite (speech)", /\/libflite[^/]*\.so/],
  ["other libraries", /\.so(\.[0-9.]+)?$/],
];

/** PSS in kB of one process by kind of mapping ([`KINDS`], the app's binary, other files, anonymous). */
function pssByKind(pid, exe) {
  const out = {};
  let kind = "anonymous";
  for (const line of readFileSync(`/proc/${pid}/smaps`, "utf8").split("\n")) {
    const head = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (head) {
      const path = head[1];
      if (!path || path.startsWith("[")) kind = "anonymous";
      else if (path === exe) kind = "app binary";
      else kind = KINDS.find(([, re]) => re.test(path))?.[0] ?? "other files";
      continue;
    }
    const pss = /^Pss:\s+(\d+) kB/.exec(line);
    if (pss) out[kind] = (out[kind] ?? 0) + Number(pss[1]);
  }
  return out;
}

/** PSS in kB of the app and every process under it (WebKit's web and network processes), each by kind. */
function pssOfTree(root) {
  const procs = [];
  const exe = realpathSync(appBin);
  for (const pid of [root, ...descendants(root, parents())]) {
    try {
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, "utf8");
      const kb = Number(/^Pss:\s+(\d+) kB/m.exec(rollup)?.[1] ?? NaN);
      const comm = readFileSync(`/proc/${pid}/comm`, "utf8").trim();
      if (Number.isFinite(kb)) procs.push({ pid, comm, kb, kinds: pssByKind(pid, exe) });
    } catch {
      // gone meanwhile
    }
  }
  if (!procs.some((p) => /^WebKitWebProces/.test(p.comm))) {
    throw new Error(`no WebKitWebProcess under the app (${procs.map((p) => p.comm).join(", ")})`);
  }
  return { kb: procs.reduce((s, p) => s + p.kb, 0), procs, sharers: sharers(new Set(procs.map((p) => p.pid))) };
}

/** The libraries whose pages dominate a WebKit process's PSS (WebKit, JavaScriptCore, Mesa's LLVM). */
const HEAVY_SHARED = /\/(libwebkit2gtk-4\.1|libjavascriptcoregtk-4\.1|libLLVM)[^/]*\.so/;

/**
 * Processes outside `tree` that map WebKit's libraries, but for the X server
 * of this display. PSS splits a shared page among every process that maps
 * it: one other WebKit window lowers the app's PSS by about 60 MB, another
 * X server (say one that xvfb-run left behind) by about 10, so a reading
 * taken beside one says little.
 */
function sharers(tree) {
  const out = [];
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d)).map(Number)) {
    if (tree.has(pid) || pid === process.pid) continue;
    try {
      // The X server the app draws on maps Mesa too, as a desktop's does.
      const argv = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
      if (/^X/.test(argv[0].split("/").pop()) && argv.includes(process.env.DISPLAY)) continue;
      if (HEAVY_SHARED.test(readFileSync(`/proc/${pid}/maps`, "utf8"))) {
        out.push({ pid, comm: readFileSync(`/proc/${pid}/comm`, "utf8").trim() });
      }
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return out;
}

/** CPU time (clock ticks) of a process and every process under it. */
function cpuOfTree(root) {
  let ticks = 0;
  for (const pid of [root, ...descendants(root, parents())]) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(f[11]) + Number(f[12]); // utime, stime
    } catch {
      // gone meanwhile
    }
  }
  return ticks;
}

/**
 * The PSS of the app started on its own, without tauri-driver and
 * WebKitWebDriver (whose automation session the web process also carries):
 * started, idle (under 3 ticks of CPU in 3 s, so the start view is drawn),
 * then `rest` seconds more.
 */
async function pssWithoutDriver(store, rest) {
  return pssAtRest(appBin, [], { OGONBLICK_DATA_DIR: store.dir, OGONBLICK_NO_OPEN: "1", OGONBLICK_OPERATOR: "bench" }, rest);
}

/**
 * The floor any WebKitGTK desktop pays, whatever the app: a bare GTK window
 * with one WebKit2GTK 4.1 web view showing a one-line page (floor.py, run by
 * Debian's Python with its GObject bindings, about 5 MB of its own), in the
 * same environment, measured as the app is.
 */
async function floorPss(rest) {
  const script = new URL("./floor.py", import.meta.url).pathname;
  // The same WebKitGTK environment as the app (e.g. WEBKIT_DISABLE_DMABUF_RENDERER when the caller sets it).
  return pssAtRest("/usr/bin/python3", [script], {}, rest);
}

/** Starts `cmd`, waits until its tree is idle, rests `rest` s and sums its PSS. */
async function pssAtRest(cmd, args, env, rest) {
  const child = spawn(cmd, args, {
    env: isolatedEnv(env),
    stdio: "ignore",
    detached: true,
  });
  const exited = new Promise((r) => child.on("exit", r));
  try {
    const until = Date.now() + VIEW_LIMIT_MS;
    let last = cpuOfTree(child.pid);
    let quiet = 0;
    while (quiet < 3) {
      await sleep(1000);
      if (child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode}`);
      if (Date.now() > until) throw new Error("the app did not come to rest");
      const now = cpuOfTree(child.pid);
      quiet = now - last <= 1 ? quiet + 1 : 0;
      last = now;
    }
    await sleep(rest * 1000);
    return pssOfTree(child.pid);
  } finally {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      // already gone
    }
    await Promise.race([exited, sleep(5000)]);
  }
}

// ---- time: one view, measured in the window --------------------------------

async function openView(browser, view, hasChannels) {
  const { all, any } = readiness(view, hasChannels);
  const r = await browser.executeAsync(
    (click, all, any, limit, done) => {
      const target = document.querySelector(click);
      if (!target) {
        done({ error: `nothing to click: ${click}` });
        return;
      }
      const shown = () =>
        all.every((s) => document.querySelector(s)) && (any.length === 0 || any.some((s) => document.querySelector(s)));
      const t0 = performance.now();
      target.click();
      const check = () => {
        if (shown()) {
          const found = performance.now() - t0;
          // The frame after the content appeared has been painted.
          requestAnimationFrame(() => requestAnimationFrame(() => done({ ms: performance.now() - t0, found })));
        } else if (performance.now() - t0 > limit) {
          done({ error: "not shown in time", text: (document.querySelector("main")?.innerText ?? "").slice(0, 600) });
        } else {
          setTimeout(check, 4);
        }
      };
      check();
    },
    view.click,
    all,
    any,
    VIEW_LIMIT_MS,
  );
  if (r.error) throw new Error(`${view.name}: ${r.error}${r.text ? `\n--- the view ---\n${r.text}` : ""}`);
  return r;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

async function measureStore(store, { runs, rest }) {
  const hasChannels = store.channels > 0;
  const label = `${store.channels.toLocaleString("en")}/${store.snapshots.toLocaleString("en")}`;
  console.error(`bench/desktop: ${label}: the app on its own on ${store.dir}`);
  const pssAlone = await pssWithoutDriver(store, rest);
  console.error(`  PSS at rest ${(pssAlone.kb / 1024).toFixed(0)} MiB; now under WebDriver`);
  const t0 = Date.now();
  const app = await startApp({ OGONBLICK_DATA_DIR: store.dir, OGONBLICK_NO_OPEN: "1" });
  try {
    const { browser } = app;
    await browser.setTimeout({ script: VIEW_LIMIT_MS + 60_000 });
    // The start view, shown.
    const { all, any } = readiness(START, hasChannels);
    await browser.waitUntil(
      () =>
        browser.execute(
          (all, any) =>
            all.every((s) => document.querySelector(s)) && (any.length === 0 || any.some((s) => document.querySelector(s))),
          all,
          any,
        ),
      { timeout: VIEW_LIMIT_MS, interval: 100, timeoutMsg: `${START.name} was not shown after the start` },
    );
    const startMs = Date.now() - t0;
    const pid = appPid();
    await sleep(rest * 1000);
    const pssStart = pssOfTree(pid);
    console.error(`  started in ${startMs} ms; PSS at rest ${(pssStart.kb / 1024).toFixed(0)} MiB`);

    const times = Object.fromEntries(VIEWS.map((v) => [v.key, []]));
    for (let round = 1; round <= runs; round++) {
      for (const view of VIEWS) {
        if (view.skipWhenEmpty && !hasChannels) continue;
        const r = await openView(browser, view, hasChannels);
        times[view.key].push(r.ms);
        console.error(`  round ${round}: ${view.name} ${r.ms.toFixed(0)} ms (content after ${r.found.toFixed(0)} ms)`);
      }
    }
    // Every round ends on Att göra: rest there, as after the start.
    await sleep(rest * 1000);
    const pssAfter = pssOfTree(pid);
    console.error(`  PSS at rest after the views ${(pssAfter.kb / 1024).toFixed(0)} MiB`);
    return {
      ...store,
      start_ms: startMs,
      views: Object.fromEntries(
        VIEWS.map((v) => [v.key, times[v.key].length ? { median_ms: median(times[v.key]), runs_ms: times[v.key] } : null]),
      ),
      pss_alone_kb: pssAlone.kb,
      pss_start_kb: pssStart.kb,
      pss_after_kb: pssAfter.kb,
      pss_alone_sharers: pssAlone.sharers,
      pss_start_sharers: pssStart.sharers,
      pss_after_sharers: pssAfter.sharers,
      processes: pssAfter.procs,
    };
  } finally {
    await app.close();
  }
}

// ---- the table --------------------------------------------------------------

const mb = (kb) => (kb * 1024) / 1e6;

function table(results, { runs, rest, profile }) {
  const base = results[0];
  const sizes = results.map((r) => `${r.channels.toLocaleString("en")} ch / ${r.snapshots.toLocaleString("en")} snap`);
  const lines = [];
  lines.push(
    `\ndesktop views and memory (${profile} build; a view: median of ${runs} opens, ms from the click until the` +
      ` frame after its content appeared is painted; PSS: app + WebKit processes after ${rest} s at rest, MB = 10^6 bytes;` +
      ` ratio against ${sizes[0]}):`,
  );
  lines.push(`| what | ${sizes.join(" | ")} | goal |`);
  lines.push(`| --- |${" --- |".repeat(sizes.length)} --- |`);
  const missed = [];
  const unjudged = [];
  const cell = (v, b, unit, digits) => {
    if (v === null || v === undefined) return "–";
    const ratio = b ? ` (${(v / b).toFixed(2)} ×)` : "";
    return `${v.toFixed(digits)} ${unit}${ratio}`;
  };
  for (const view of VIEWS) {
    const vals = results.map((r) => r.views[view.key]?.median_ms ?? null);
    const b = vals[0];
    const over = results.filter((r, i) => vals[i] !== null && vals[i] > VIEW_GOAL_MS);
    const verdict = over.length === 0 ? "met" : `MISSED (${over.map((r) => r.channels.toLocaleString("en")).join(", ")} ch)`;
    if (over.length) missed.push(view.name);
    lines.push(`| ${view.name} | ${vals.map((v) => cell(v, b, "ms", 0)).join(" | ")} | <= ${VIEW_GOAL_MS} ms: ${verdict} |`);
  }
  for (const [key, name] of [
    ["pss_alone_kb", "PSS at rest, the app started on its own"],
    ["pss_start_kb", "PSS at rest after the start under WebDriver"],
    ["pss_after_kb", "PSS at rest after opening every view (WebDriver)"],
  ]) {
    const vals = results.map((r) => mb(r[key]));
    const over = results.filter((r, i) => vals[i] > PSS_GOAL_MB);
    const shared = results.flatMap((r) => r[key.replace(/_kb$/, "_sharers")] ?? []);
    let verdict = over.length === 0 ? "met" : `MISSED (${over.map((r) => r.channels.toLocaleString("en")).join(", ")} ch)`;
    if (shared.length) {
      verdict = "NOT JUDGED (read beside other WebKit processes, see below)";
      unjudged.push(...shared);
    }
    if (over.length || shared.length) missed.push(name);
    lines.push(`| ${name} | ${vals.map((v) => cell(v, vals[0], "MB", 0)).join(" | ")} | <= ${PSS_GOAL_MB} MB: ${verdict} |`);
  }
  lines.push(`| start until Att göra is shown (not a goal) | ${results.map((r) => `${r.start_ms} ms`).join(" | ")} | – |`);
  lines.push("");
  for (const r of results) {
    const byName = new Map();
    for (const p of r.processes) byName.set(p.comm, (byName.get(p.comm) ?? 0) + p.kb);
    const parts = [...byName].sort((a, b) => b[1] - a[1]).map(([n, kb]) => `${n} ${mb(kb).toFixed(0)}`);
    lines.push(`PSS after the views at ${r.channels.toLocaleString("en")} ch, by process (MB): ${parts.join(", ")}`);
    const kinds = new Map();
    for (const p of r.processes) for (const [k, kb] of Object.entries(p.kinds ?? {})) kinds.set(k, (kinds.get(k) ?? 0) + kb);
    const byKind = [...kinds].sort((a, b) => b[1] - a[1]).map(([k, kb]) => `${k} ${mb(kb).toFixed(1)}`);
    lines.push(`  the same by kind of mapping, all processes (MB): ${byKind.join(", ")}`);
  }
  if (unjudged.length) {
    const names = [...new Map(unjudged.map((p) => [p.pid, `${p.comm} (${p.pid})`])).values()];
    lines.push(
      `\nNOT JUDGED: other processes mapped WebKit's libraries while the PSS was read (${names.join(", ")}); ` +
        "PSS splits shared pages among them, so the app's reads low. Close them and run again.",
    );
  }
  lines.push(missed.length ? `\nMISSED or not judged: ${missed.join("; ")}` : "\nevery goal met");
  if (profile !== "desktop") lines.push(`(a ${profile} build: not the desktop profile's build that ships, which the goals are for)`);
  return lines.join("\n");
}

const opts = parseArgs(process.argv.slice(2));
let floor = null;
try {
  floor = await floorPss(opts.rest);
} catch (e) {
  console.error(`bench/desktop: no WebKitGTK floor (${e.message}); needs python3-gi and gir1.2-webkit2-4.1`);
}
const results = [];
for (const store of opts.stores) results.push(await measureStore(store, opts));
if (opts.out) writeFileSync(opts.out, JSON.stringify({ floor, results }, null, 2));
console.log(table(results, opts));
if (floor) {
  const parts = floor.procs
    .filter((p) => p.kb > 1024)
    .map((p) => `${p.comm} ${mb(p.kb).toFixed(0)}`)
    .join(", ");
  const app = results[0] ? mb(results[0].pss_alone_kb) : null;
  console.log(
    `\nWebKitGTK floor: a bare window with one web view (bench/desktop/floor.py), PSS ${mb(floor.kb).toFixed(0)} MB (${parts});` +
      (app === null ? "" : ` the app at rest on the empty store is ${(app / mb(floor.kb)).toFixed(2)} × the floor`),
  );
}
// lib.mjs's helpers leave nothing running; exit even if a socket lingers.
process.exit(0);
