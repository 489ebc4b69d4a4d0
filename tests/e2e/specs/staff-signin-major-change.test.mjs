// Unit staff, the two other things the channel page offers: signing in to a
// platform (a visible Chromium on the organisation's profile, at the
// channel's address) and registering a major change (a snapshot with the
// reason "Större förändring" and the staff's description), taken while the
// sign-in window is still open, as a user who forgets to close it would.
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { appOnChannel, cliJson, eventually, goto, present, reveal, screenshot, thumbnailsLoaded } from "../lib.mjs";

const NAME = "Ögonblicks kommun på Instagram";
const NOTE = "Nytt namn och ändrade kommenteringsregler från 1 december";
const CAPTURE_TIMEOUT = 150_000;

/** The running Chromium processes (pid, argv) that use `profile` as their profile folder. */
function browsersOn(profile) {
  const found = [];
  for (const pid of readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
    let argv;
    try {
      argv = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean);
    } catch {
      continue; // gone meanwhile
    }
    // The browser process itself, not its renderers and helpers (--type=...).
    if (argv.includes(`--user-data-dir=${profile}`) && !argv.some((a) => a.startsWith("--type="))) {
      found.push({ pid: Number(pid), argv });
    }
  }
  return found;
}

describe("staff sign in for a channel and register a major change", () => {
  const ctx = appOnChannel({
    channel: (site) => ({
      name: NAME,
      platform: "instagram",
      urls: [site.url("/instagram")],
      policy: "half-yearly",
      board: "Kultur- och fritidsnämnden",
      unit: "Biblioteken",
    }),
    env: () => ({ OGONBLICK_NO_OPEN: "1" }),
  });
  let data;
  let browser;
  let channelId;
  let url;
  let profile;
  before(() => {
    ({ data, browser, channelId } = ctx);
    url = ctx.site.url("/instagram");
    profile = join(data.dir, "profiles", "organisation");
  });

  after(() => {
    // The user closes the sign-in window.
    for (const b of profile ? browsersOn(profile) : []) {
      try {
        process.kill(b.pid, "SIGTERM");
      } catch {
        // already gone
      }
    }
  });

  it("opens a visible browser on the organisation's profile at the channel's address, recorded in the audit log", async () => {
    await goto(browser, `#/kanal/${channelId}`, NAME);
    assert.equal(browsersOn(profile).length, 0, "no browser on the profile before");
    await browser.$("button=Logga in på plattformen").click();
    const status = await present(browser, "main p.message", "the sign-in message");
    assert.match(await status.getText(), /^Webbläsaren har öppnats\. Logga in och stäng den sedan/);

    const [signIn] = await eventually(() => {
      const b = browsersOn(profile);
      return b.length > 0 && b;
    }, "a Chromium on the organisation's profile");
    assert.ok(signIn.argv.includes(url), `it opens the channel's address: ${signIn.argv.join(" ")}`);
    assert.ok(!signIn.argv.some((a) => a.startsWith("--headless")), "a visible window, not headless");

    const audit = cliJson(data.dir, ["audit", "--json"]);
    const entry = audit.find((e) => e.action === "browser.login");
    assert.ok(entry, `browser.login in the audit log: ${JSON.stringify(audit)}`);
    assert.equal(entry.channel_id, channelId);
    assert.equal(entry.actor, "e2e-desktop");
  });

  it("registers a major change with its description while the sign-in window is still open", async () => {
    assert.ok(browsersOn(profile).length > 0, "the sign-in window is still open");

    // Without a description the app asks for one and takes nothing.
    await browser.$("button=Registrera större förändring").click();
    const alert = await present(browser, "main [role='alert']", "the request for a description");
    assert.match(await alert.getText(), /Beskriv förändringen/);
    assert.equal(cliJson(data.dir, ["history", "--json"]).length, 0, "nothing captured without a description");

    await browser.$("#major-note").setValue(NOTE);
    await browser.$("button=Registrera större förändring").click();
    const snapshot = await eventually(
      () => cliJson(data.dir, ["history", "--channel", String(channelId), "--json"]).find((s) => s.status !== "running"),
      "the major-change snapshot to be stored",
      CAPTURE_TIMEOUT,
    );
    assert.equal(snapshot.status, "complete", JSON.stringify(snapshot.pages.map((p) => p.error)));
    assert.equal(snapshot.reason, "major-change");
    assert.equal(snapshot.reason_note, NOTE);
    assert.equal(snapshot.operator, "e2e-desktop");
    assert.equal(snapshot.pages[0].url, url);
    assert.ok(browsersOn(profile).length > 0, "the sign-in window was left alone");

    // The result and the history say so, in Swedish, with the description.
    const row = await present(browser, `main [data-snapshot-id='${snapshot.id}']`, "the snapshot in the history", 30_000);
    await eventually(async () => /Större förändring/.test(await row.getText()), "the reason in the history");
    assert.ok((await row.getText()).includes(NOTE), "the description is shown with the snapshot");
    assert.equal(await browser.$("#major-note").getValue(), "", "the description field is emptied for the next one");
    await thumbnailsLoaded(browser, row);
    await reveal(browser, row);
    await screenshot(browser, "staff-major-change");
  });
});
