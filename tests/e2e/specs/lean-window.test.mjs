// The desktop's renderer (issue 18, src-tauri/src/webkit.rs): the app turns
// WebKitGTK's DMA-BUF renderer off itself and goes without EGL in its own
// process (no Mesa, no LLVM there), while the web process it starts inherits
// the renderer choice and still has its EGL; the window shows its view.
// WebKit's speech synthesis (flite) is kept out of every process by a
// stand-in (src-tauri/src/nospeech.rs), unless OGONBLICK_SPEECH=1.
// OGONBLICK_GPU_RENDERER=1 keeps WebKit's own choice of renderer. Either
// way JavaScriptCore runs without its JIT compilers (JSC_useJIT=false).
import assert from "node:assert/strict";
import { readFileSync, readdirSync, readlinkSync, realpathSync } from "node:fs";
import { describe, it } from "node:test";
import { appBin, present, startApp, tempDataDir } from "../lib.mjs";

/** The processes under `root` (by /proc/PID/stat's parent), with their names. */
function tree(root) {
  const parentOf = new Map();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      parentOf.set(Number(name), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // gone meanwhile
    }
  }
  const out = [];
  const todo = [root];
  while (todo.length > 0) {
    const p = todo.pop();
    for (const [pid, ppid] of parentOf) if (ppid === p) out.push(pid), todo.push(pid);
  }
  return out;
}

const environ = (pid) => readFileSync(`/proc/${pid}/environ`, "utf8").split("\0");
const maps = (pid) => readFileSync(`/proc/${pid}/maps`, "utf8");
/** Mesa's EGL: mapped only in a process whose EGL found a vendor. */
const MESA_EGL = /libEGL_mesa\.so/;

async function processes(env, during = async () => {}) {
  const data = tempDataDir();
  const app = await startApp({ OGONBLICK_DATA_DIR: data.dir, ...env });
  try {
    await present(app.browser, "h1, h2", "the first view's heading", 30_000);
    await during(app.browser);
    // This process → tauri-driver → WebKitWebDriver → the app → WebKit's processes.
    const exe = realpathSync(appBin);
    const all = tree(process.pid);
    const appPid = all.find((pid) => {
      try {
        return readlinkSync(`/proc/${pid}/exe`) === exe;
      } catch {
        return false;
      }
    });
    assert.ok(appPid, "the app runs");
    const kid = (comm) => tree(appPid).find((pid) => readFileSync(`/proc/${pid}/comm`, "utf8").startsWith(comm));
    const web = kid("WebKitWebProces");
    const net = kid("WebKitNetworkPr");
    assert.ok(web, "the app's web process runs");
    assert.ok(net, "the app's network process runs");
    const seen = (pid) => ({ env: environ(pid), maps: maps(pid) });
    return { app: seen(appPid), web: seen(web), net: seen(net) };
  } finally {
    await app.close();
    data.cleanup();
  }
}

describe("the desktop's renderer", () => {
  it("is off, and the app's own process has no EGL, while its web process has", async () => {
    const { app, web } = await processes({});
    assert.ok(web.env.includes("WEBKIT_DISABLE_DMABUF_RENDERER=1"), "the web process inherits the renderer off");
    assert.ok(web.env.includes("GDK_GL=disable"));
    assert.ok(web.env.includes("JSC_useJIT=false"), "the web process's JavaScript engine without its JIT compilers");
    assert.ok(!web.env.some((v) => v.startsWith("__EGL_VENDOR_LIBRARY_FILENAMES=")), "the web process reads the real EGL vendors");
    assert.doesNotMatch(app.maps, MESA_EGL, "no Mesa EGL (and so no LLVM) in the app's own process");
    assert.doesNotMatch(app.maps, /libLLVM/);
    assert.match(web.maps, MESA_EGL, "the web process has its EGL");
  });

  it("runs without WebKit's speech synthesis (flite): a stand-in in every process, silent", async () => {
    // A page that asks for voices and speaks gets silence, and the window goes on.
    const speak = async (browser) => {
      const voices = await browser.execute(async () => {
        const s = window.speechSynthesis;
        if (!s) return null;
        s.getVoices();
        s.speak(new SpeechSynthesisUtterance("Ögonblick"));
        await new Promise((r) => setTimeout(r, 1500));
        return s.getVoices().length;
      });
      console.log(`speechSynthesis: ${voices === null ? "not offered" : `${voices} voice(s)`}`);
      assert.ok(await browser.execute(() => document.querySelector("h1, h2") !== null), "the window still answers");
    };
    const { app, web, net } = await processes({}, speak);
    for (const [name, p] of [["the app", app], ["its web process", web], ["its network process", net]]) {
      assert.doesNotMatch(p.maps, /\/libflite[^/\n]*\.so/, `no flite library in ${name}`);
      assert.match(p.maps, /\/libogonblick-nospeech\.so/, `the stand-in in ${name}`);
      assert.ok(p.env.some((v) => v.startsWith("OGONBLICK_NOSPEECH_DIR=")), `${name} runs with the stand-in's folder`);
    }
  });

  it("keeps flite with OGONBLICK_SPEECH=1", async () => {
    const { app, web } = await processes({ OGONBLICK_SPEECH: "1" });
    assert.match(app.maps, /\/libflite\.so/, "flite in the app");
    assert.match(web.maps, /\/libflite\.so/, "flite in the web process");
    assert.doesNotMatch(web.maps, /libogonblick-nospeech/);
  });

  it("is WebKit's own choice with OGONBLICK_GPU_RENDERER=1", async () => {
    const { app, web } = await processes({ OGONBLICK_GPU_RENDERER: "1" });
    assert.ok(!web.env.includes("WEBKIT_DISABLE_DMABUF_RENDERER=1"));
    assert.ok(web.env.includes("JSC_useJIT=false"), "the JavaScript engine stays lean");
    assert.match(app.maps, MESA_EGL, "EGL in the app's own process too");
  });
});
