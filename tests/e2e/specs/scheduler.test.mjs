// The background scheduler of the real app: the schedule windows and
// automatic capture are set in the settings view (as an administrator
// would), and with a 2-second tick (OGONBLICK_SCHEDULER_TICK_SECS) the app
// captures the due channel on its own; the history shows the scheduled
// snapshot, taken by the desktop's operator for the half-yearly schedule.
import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { appOnChannel, cliJson, eventually, goto, present, reveal, screenshot, thumbnailsLoaded } from "../lib.mjs";

const NAME = "Ögonblicks kommun på LinkedIn";
const CAPTURE_TIMEOUT = 150_000;

/** The whole text of the status line (a long one is cut off on screen). */
const barText = (browser) => browser.execute(() => document.querySelector(".scheduler-bar").textContent);

/** Sets an input bound with bind:value and checks the value stuck. */
async function fill(browser, selector, value) {
  const el = await browser.$(selector);
  await el.waitForExist({ timeout: 10_000 });
  await el.setValue(value);
  assert.equal(await el.getValue(), value, `${selector} holds ${value}`);
}

describe("the scheduler captures a due channel on its own", () => {
  const ctx = appOnChannel({
    channel: (site) => ({
      name: NAME,
      platform: "linkedin",
      urls: [site.url("/linkedin")],
      policy: "half-yearly",
      board: "Kommunstyrelsen",
      unit: "Näringslivsenheten",
    }),
    env: () => ({ OGONBLICK_SCHEDULER_TICK_SECS: "2" }),
  });
  let data;
  let browser;
  let channelId;
  before(() => ({ data, browser, channelId } = ctx));

  it("takes the snapshot after automatic capture is turned on in the settings", async () => {
    await goto(browser, "#/installningar", "Inställningar");
    // Where the view starts below the status line, whatever the line says.
    const mainTop = () =>
      browser.execute(() => document.querySelector("main").getBoundingClientRect().top + window.scrollY);
    const topBefore = await mainTop();

    // Schedule windows covering the whole year and no breaks, so the new
    // channel is due on whatever day this runs.
    await fill(browser, "#hy-0-start", "01-01");
    await fill(browser, "#hy-0-end", "06-30");
    await fill(browser, "#hy-1-start", "07-01");
    await fill(browser, "#hy-1-end", "12-31");
    await eventually(async () => {
      const remove = await browser.$("button*=Ta bort");
      if (!(await remove.isExisting())) return true;
      await remove.click();
      return false;
    }, "every break (uppehåll) to be removed");
    assert.equal((await browser.$$("input[id^='bo-']")).length, 0, "no breaks left");
    await browser.$("button=Spara schemat").click();
    await present(browser, "form[aria-labelledby='schedule-title'] [role='status']", "the schedule to be saved");
    const windows = cliJson(data.dir, ["settings", "show", "--json"]).schedule_windows;
    assert.deepEqual(
      windows.half_yearly_windows.map((w) => [w.start, w.end]),
      [["01-01", "06-30"], ["07-01", "12-31"]],
      "the windows are stored",
    );
    assert.deepEqual(windows.blackouts, [], "without breaks");

    const due = cliJson(data.dir, ["due", "--json"]);
    const entry = due.channels.find((c) => c.channel_id === channelId);
    assert.ok(entry?.capture_now, `the channel is due now: ${JSON.stringify(entry)}`);
    assert.equal(entry.reason_to_capture, "half-yearly", JSON.stringify(entry));
    // Nothing has been captured yet: automatic capture is off by default.
    assert.equal(cliJson(data.dir, ["history", "--json"]).length, 0, "no snapshot before auto capture is on");

    // With automatic capture off the app reminds: the due channel appears
    // on the status line (the notification's "open the app" hint stays out
    // of it), with a link to Att göra, and the page below does not move.
    const reminder = await eventually(
      async () => {
        const line = await barText(browser);
        return line.includes(NAME) && line;
      },
      "the due reminder on the status line",
      20_000,
    );
    assert.match(reminder, /Dags för ögonblicksbild/);
    assert.doesNotMatch(reminder, /Öppna Ögonblick/);
    assert.match(await browser.$(".scheduler-bar").$("a=Visa Att göra").getAttribute("href"), /#\/att-gora$/);
    assert.equal(await mainTop(), topBefore, "the reminder does not shift the view");
    await browser.execute(() => window.scrollTo(0, 0));
    await screenshot(browser, "scheduler-reminder");
    await browser.$(".scheduler-bar").$("button=Stäng").click();
    await eventually(async () => !(await barText(browser)).includes(NAME), "the reminder to be dismissed");
    assert.equal(await mainTop(), topBefore, "nor does dismissing it");

    const auto = await browser.$("#auto-capture");
    assert.equal(await auto.isSelected(), false, "automatic capture is off by default");
    await auto.click();
    await browser.$("form[aria-labelledby='auto-title'] button[type='submit']").click();
    await present(browser, "form[aria-labelledby='auto-title'] [role='status']", "automatic capture to be saved");

    // The app alone: within a few ticks it captures the channel.
    const snapshot = await eventually(
      () => {
        const history = cliJson(data.dir, ["history", "--channel", String(channelId), "--json"]);
        return history.find((s) => s.status === "complete") ?? false;
      },
      "the scheduler to store a complete snapshot",
      CAPTURE_TIMEOUT,
    );
    assert.ok(["half-yearly", "yearly"].includes(snapshot.reason), `a scheduled reason: ${snapshot.reason}`);
    assert.equal(snapshot.reason, "half-yearly", "the channel's policy is half-yearly");
    assert.equal(snapshot.operator, "e2e-desktop");
    assert.equal(snapshot.pages.length, 1);
    assert.equal(snapshot.pages[0].ok, true, snapshot.pages[0].error ?? "");
    // Once captured, it is not captured again on the next ticks.
    await new Promise((r) => setTimeout(r, 5_000));
    const again = cliJson(data.dir, ["history", "--channel", String(channelId), "--json"]);
    assert.equal(again.length, 1, "captured exactly once");
    assert.equal(cliJson(data.dir, ["due", "--json"]).channels.find((c) => c.channel_id === channelId).capture_now, false);

    // The app tells the user what it did on its own.
    await eventually(
      async () => {
        const line = await barText(browser);
        return line.includes(NAME) || /Automatisk körning klar – 1 tagen: 1 fullständig/.test(line);
      },
      "the scheduler's line to report the capture",
      20_000,
    );

    // The channel's history in the app shows it.
    await goto(browser, `#/kanal/${channelId}`, NAME);
    const row = await present(browser, `main [data-snapshot-id='${snapshot.id}']`, "the scheduled snapshot in the history");
    const text = await row.getText();
    assert.match(text, /Halvårsvis/);
    assert.match(text, /Fullständig/);
    await thumbnailsLoaded(browser, row);
    await reveal(browser, row);
    await screenshot(browser, "scheduler-captured");
  });
});
