// The main path of unit staff and of managers, in the real app on the real
// store, with a real Chromium capturing the fixture site:
// staff — a due channel in "Att göra", "Ta ögonblicksbild nu", live progress,
// the result with thumbnails and the completeness report, the files on disk;
// manager — the overview shows the channel's last good snapshot, and the
// channel's history lists the snapshot with its metadata.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import {
  ALWAYS_OPEN_SCHEDULE,
  addChannel,
  cliJson,
  eventually,
  goto,
  invoke,
  present,
  reveal,
  screenshot,
  thumbnailsLoaded,
  startApp,
  startTestSite,
  tempDataDir,
} from "../lib.mjs";

const NAME = "Ögonblicks kommun på Facebook";
const CAPTURE_TIMEOUT = 150_000;

describe("staff capture a due channel; managers check it", () => {
  let site;
  let data;
  let app;
  let browser;
  let channelId;
  let urls;
  /** The snapshot the staff path took (from the CLI's history). */
  let snapshot;
  let overviewCsv;

  before(async () => {
    site = await startTestSite();
    data = tempDataDir();
    // The channel's main page and its "about" tab (the fixture serves the
    // page for any query string, as Facebook does for ?sk=about).
    urls = [site.url("/facebook"), site.url("/facebook?sk=about")];
    channelId = addChannel(data.dir, {
      name: NAME,
      platform: "facebook",
      urls,
      policy: "half-yearly",
      board: "Kommunstyrelsen",
      unit: "Kommunikationsenheten",
      responsible: "Åsa Öberg",
    });
    // The save dialog (Översikt's CSV) answers with this path.
    overviewCsv = join(data.dir, "..", `oversikt-${process.pid}.csv`);
    app = await startApp({ OGONBLICK_DATA_DIR: data.dir, OGONBLICK_NO_OPEN: "1", OGONBLICK_SAVE_PATH: overviewCsv });
    browser = app.browser;
    await browser.$("main h1").waitForDisplayed({ timeout: 20_000 });
    // Windows that are open all year, so the channel is due on any test day.
    await invoke(browser, "set_schedule_settings", { settings: ALWAYS_OPEN_SCHEDULE });
  });

  after(async () => {
    await app?.close();
    site?.stop();
    data?.cleanup();
    if (overviewCsv) rmSync(overviewCsv, { force: true });
  });

  it("staff: the due channel in Att göra, captured with live progress, the result and the files", async () => {
    // Att göra is the start view; reload it so it reads the new windows.
    await goto(browser, "#/att-gora", "Att göra");
    const item = await present(browser, `li[data-channel-id='${channelId}']`, "the due channel in Att göra");
    const itemText = await item.getText();
    assert.match(itemText, new RegExp(NAME));
    assert.match(itemText, /Ska tas nu/, `the channel is shown as due: ${itemText}`);
    assert.match(itemText, /Åsa Öberg/, "the responsible person is named");

    const button = await item.$("button=Ta ögonblicksbild nu");
    assert.ok(await button.isExisting(), "one button to capture now");
    await button.click();

    // Live progress: a progress bar with the page and stage, and "Avbryt".
    const bar = await present(browser, "[role='progressbar']", "the capture's progress bar", 20_000);
    assert.ok(await browser.$("button=Avbryt").isExisting(), "a running capture can be cancelled");
    const seen = new Set();
    const values = new Set();
    await eventually(
      async () => {
        if (!(await bar.isExisting())) return true;
        try {
          values.add(await bar.getAttribute("aria-valuenow"));
          seen.add(await browser.$(".job").getText());
        } catch {
          // the bar went away between the two calls
        }
        return false;
      },
      "the capture to finish",
      CAPTURE_TIMEOUT,
    );
    const progress = [...seen].join("\n");
    assert.match(progress, /Tar ögonblicksbild av/, progress);
    assert.match(
      progress,
      /öppnar sidan|rullar igenom sidan|tar skärmbilder i delar|gör PDF\/A|beräknar kontrollsummor/,
      `the stages are shown as they happen: ${progress}`,
    );
    assert.ok(values.size >= 2, `the percentage moved: ${[...values].join(", ")}`);

    // The result: the stored snapshot with a thumbnail and the report per page.
    const result = await present(browser, "main p.result", "the capture's result", 20_000);
    assert.match(await result.getText(), /Ögonblicksbilden av .* är sparad och fullständig/);
    assert.equal(
      await browser.$("main .results p.summary").getText(),
      "1 tagen: 1 fullständig, 0 ofullständiga, 0 misslyckade",
      "the run's summary counts the channel",
    );
    const article = await present(browser, "main article[data-snapshot-id]", "the snapshot report");
    const snapshotId = await article.getAttribute("data-snapshot-id");
    const pages = await article.$$("li.page");
    assert.equal(pages.length, 2, "one report per address");
    for (const [i, page] of pages.entries()) {
      const img = await page.$("img");
      await eventually(
        async () => ((await img.getAttribute("src")) ?? "").startsWith("data:image/png;base64,"),
        `the thumbnail of page ${i + 1}`,
        30_000,
      );
      const natural = await browser.execute((el) => el.naturalWidth, img);
      assert.ok(natural > 0, "the thumbnail is a decodable image");
      const text = await page.getText();
      assert.ok(text.includes(urls[i]), `page ${i + 1} names its address: ${text}`);
      assert.match(text, /\b200\b/, "HTTP status 200");
      assert.match(text, /Tillåt alla cookies/, "the consent dialog that was dismissed is reported");
    }

    // Open the PNG (OGONBLICK_NO_OPEN=1: the app checks the path, launches nothing).
    await pages[0].$("button*=PNG").click();
    const opened = await present(browser, "main article .opened", "the confirmation that the PNG was opened");
    assert.match(await opened.getText(), /page-01\.png/);
    await pages[1].$("button*=PDF").click();
    await eventually(
      async () => /page-02\.pdf/.test(await browser.$("main article .opened").getText()),
      "the confirmation that the second page's PDF was opened",
    );

    // The CLI sees the same snapshot, complete, with its files and fixity.
    const history = cliJson(data.dir, ["history", "--json"]);
    assert.equal(history.length, 1, "one snapshot");
    snapshot = history[0];
    assert.equal(snapshot.id, snapshotId);
    assert.equal(snapshot.channel_id, channelId);
    assert.equal(snapshot.status, "complete");
    assert.equal(snapshot.operator, "e2e-desktop");
    assert.equal(snapshot.pages.length, 2);
    const folder = join(data.dir, "channels", String(channelId), "snapshots", snapshot.id);
    for (const page of snapshot.pages) {
      assert.equal(page.ok, true, `${page.url}: ${page.error}`);
      // The screenshot, the PDF/A and the page's text kept for comparisons.
      assert.deepEqual(page.files.map((f) => f.role), ["png", "pdf", "text"]);
      for (const f of page.files) {
        const path = join(folder, f.path);
        assert.ok(existsSync(path), `${path} exists`);
        const bytes = readFileSync(path);
        assert.equal(bytes.length, f.size, `${f.path}: recorded size`);
        assert.equal(createHash("sha256").update(bytes).digest("hex"), f.sha256, `${f.path}: recorded SHA-256`);
        if (f.role === "text") {
          assert.doesNotThrow(() => JSON.parse(bytes.toString("utf8")), `${f.path} is JSON`);
          continue;
        }
        const magic = f.role === "png" ? "\x89PNG" : "%PDF";
        assert.equal(bytes.subarray(0, 4).toString("latin1"), magic, `${f.path} is a ${f.role}`);
      }
    }

    // Captured, the channel is no longer due.
    await eventually(
      async () => !(await browser.$(`li[data-channel-id='${channelId}']`).isExisting()),
      "the channel to leave the to-do list",
    );
    assert.match(await browser.$("main").getText(), /Inget att göra just nu/);
    await reveal(browser, await browser.$("#todo-results"));
    await screenshot(browser, "staff-capture-result");
  });

  it("manager: the overview shows the last good snapshot; the history lists it with its metadata", async () => {
    assert.ok(snapshot, "the staff path stored a snapshot");
    const when = await browser.execute(
      (iso) => new Date(iso).toLocaleString("sv-SE", { dateStyle: "long", timeStyle: "short" }),
      snapshot.started_at,
    );
    const whenFinished = await browser.execute(
      (iso) => new Date(iso).toLocaleString("sv-SE", { dateStyle: "long", timeStyle: "short" }),
      snapshot.finished_at,
    );

    await goto(browser, "#/oversikt");
    const row = await present(browser, `main [data-channel-id='${channelId}']`, "the channel in the overview", 20_000);
    const rowText = await row.getText();
    assert.match(rowText, new RegExp(NAME));
    assert.match(rowText, /Senaste fullständiga/);
    assert.ok(rowText.includes(whenFinished), `the last good snapshot's time (${whenFinished}): ${rowText}`);
    const overview = await browser.$("main").getText();
    assert.match(overview, /Kommunstyrelsen/, "coverage per board");
    // The table: board and unit against states, counting channels; the
    // channel is documented and has no substitute.
    const table = await present(browser, "main table[data-testid='overview-table']", "the Översikt table");
    const headers = await browser.execute(
      (t) => [...t.querySelectorAll("thead th")].map((th) => th.textContent.trim()),
      table,
    );
    assert.deepEqual(headers, [
      "Nämnd / enhet", "Kanaler", "Dokumenterad", "Ska tas nu", "Försenad", "Misslyckad", "Under avveckling", "Ersättare saknas",
    ]);
    const lineNumbers = (title) =>
      browser.execute(
        (t, title) => {
          const tr = [...t.querySelectorAll("tr")].find((r) => r.querySelector("th")?.textContent.trim() === title);
          return tr ? [...tr.querySelectorAll("td")].map((td) => Number(td.textContent.trim())) : null;
        },
        table,
        title,
      );
    assert.deepEqual(await lineNumbers("Kommunstyrelsen / Kommunikationsenheten"), [1, 1, 0, 0, 0, 0, 1]);
    assert.deepEqual(await lineNumbers("Totalt"), [1, 1, 0, 0, 0, 0, 1]);
    const documented = await table.$("button[aria-label='1 kanal: Kommunstyrelsen / Kommunikationsenheten, Dokumenterad']");
    const green = await documented.parentElement().getCSSProperty("background-color");
    assert.equal(green.parsed.hex, "#e8f4ec", "a documented count is green");
    await documented.click();
    const selection = await present(browser, "#ov-selection", "the chosen cell's heading");
    assert.equal(await selection.getText(), "Kommunstyrelsen / Kommunikationsenheten, Dokumenterad: 1 kanal");
    await eventually(async () => selection.isFocused(), "focus to move to the chosen channels");
    assert.ok(await browser.$(`main li[data-channel-id='${channelId}']`).isExisting(), "the cell shows its channel");
    assert.match(await browser.$(`main li[data-channel-id='${channelId}']`).getText(), /Ersättare saknas/);
    await reveal(browser, table);
    await screenshot(browser, "manager-overview-table");
    await browser.$("button=Visa alla kanaler").click();
    // The overview for the board's report, as CSV: the channel and its state.
    await browser.$("button=Exportera översikten till CSV").click();
    const saved = await present(browser, "main p.saved", "the overview's CSV saved");
    assert.ok((await saved.getText()).includes(overviewCsv), await saved.getText());
    const csv = readFileSync(overviewCsv, "utf8").replace(/^\uFEFF/, "").split(/\r?\n/);
    assert.equal(csv[0], "Kanal;Nämnd;Enhet;Läge;Senaste fullständiga;Ansvarig;Ersättare");
    assert.ok(
      csv[1].startsWith(`${NAME};Kommunstyrelsen;Kommunikationsenheten;Dokumenterad för perioden;`),
      `the channel's line: ${csv[1]}`,
    );
    // The channel's timeline: the snapshot with a thumbnail.
    const stop = await present(
      browser,
      `main [data-channel-id='${channelId}'] [data-snapshot-id='${snapshot.id}']`,
      "the snapshot in the channel's timeline",
    );
    assert.match(await stop.getText(), /Fullständig · Halvårsvis/);
    const thumb = await stop.$("img");
    await eventually(
      async () => ((await thumb.getAttribute("src")) ?? "").startsWith("data:image/png;base64,"),
      "the timeline's thumbnail",
      30_000,
    );
    // The coverage calendar: this year's period of the snapshot is filled.
    const calendar = await present(browser, `main table[data-calendar='${channelId}']`, "the channel's coverage calendar");
    // Its caption says what a filled period means, not that this channel's was filled.
    assert.equal(
      await calendar.$("caption").getText(),
      `Täckning för ${NAME} (en ifylld period har en fullständig ögonblicksbild)`,
    );
    const year = String(new Date().getFullYear());
    const thisYear = await browser.execute(
      (t, year) => {
        const tr = [...t.querySelectorAll("tbody tr")].find((r) => r.querySelector("th").textContent.trim() === year);
        return tr ? [...tr.querySelectorAll("td")].map((td) => td.dataset.state) : null;
      },
      calendar,
      year,
    );
    assert.deepEqual(thisYear.filter((s) => s === "complete").length, 1, `one period of ${year} filled: ${thisYear}`);
    await reveal(browser, row, "center");
    await screenshot(browser, "manager-overview");

    await goto(browser, `#/kanal/${channelId}`, NAME);
    const entry = await present(browser, `main [data-snapshot-id='${snapshot.id}']`, "the snapshot in the history");
    const text = await entry.getText();
    assert.ok(text.includes(when), `the time it was taken (${when}): ${text}`);
    assert.match(text, /Halvårsvis/, "the reason");
    assert.match(text, /Fullständig/, "the completeness");
    assert.match(text, /2 av 2/, "every page succeeded");
    assert.match(text, /e2e-desktop/, "who took it");
    await thumbnailsLoaded(browser, entry);
    await reveal(browser, entry);
    await screenshot(browser, "manager-history");
  });

  it("every view with a snapshot in it stays readable in a window half as wide (200 % zoom)", async () => {
    const before = await browser.getWindowSize();
    await browser.setWindowSize(550, 900);
    try {
      await eventually(async () => (await browser.execute(() => window.innerWidth)) <= 600, "the window to shrink");
      const views = [
        ["#/att-gora", "Att göra"],
        ["#/oversikt", "Översikt"],
        [`#/kanal/${channelId}`, NAME],
        [`#/kanal/${channelId}/avslut`, /Avveckla/],
        ["#/export", "Exportera arkivpaket"],
        ["#/installningar", "Inställningar"],
      ];
      const wide = [];
      for (const [hash, heading] of views) {
        await goto(browser, hash, heading);
        // Let the view load its data (thumbnails, reports) before measuring.
        await browser.pause(700);
        const l = await browser.execute(() => ({
          inner: window.innerWidth,
          scroll: document.documentElement.scrollWidth,
        }));
        if (l.scroll > l.inner) wide.push(`${hash}: ${l.scroll} px in ${l.inner} px`);
      }
      assert.deepEqual(wide, [], "no view scrolls sideways");
      await goto(browser, `#/kanal/${channelId}`, NAME);
      const entry = await present(browser, `main [data-snapshot-id='${snapshot.id}']`, "the snapshot in the history");
      await thumbnailsLoaded(browser, entry);
      await reveal(browser, entry);
      await screenshot(browser, "manager-history-narrow");
    } finally {
      await browser.setWindowSize(before.width, before.height);
    }
  });

  it("staff: a run of every channel to take now ends with a summary, the failure first and in red", async () => {
    const good = addChannel(data.dir, {
      name: "Fritidsgården på Facebook",
      platform: "facebook",
      urls: [site.url("/facebook?sk=fritid")],
      policy: "half-yearly",
      board: "Kultur- och fritidsnämnden",
    });
    const broken = addChannel(data.dir, {
      name: "Biblioteket som flyttat",
      platform: "other",
      urls: [site.url("/status/404")],
      policy: "half-yearly",
      board: "Kultur- och fritidsnämnden",
    });
    await goto(browser, "#/att-gora", "Att göra");
    await present(browser, `li[data-channel-id='${broken}']`, "the broken channel in Att göra");
    assert.match(await browser.$("main p.count").getText(), /^Att ta nu: 2 /);
    await browser.$("button=Ta ögonblicksbilder av alla som ska tas nu").click();
    const job = await present(browser, "main .job", "the run's progress", 20_000);
    // The progress stays on screen (sticky) while the page is scrolled.
    await browser.execute(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const box = await browser.execute((el) => {
      const r = el.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, height: window.innerHeight };
    }, job).catch(() => null);
    if (box) assert.ok(box.top >= 0 && box.top < box.height, `the progress bar is in view: ${JSON.stringify(box)}`);
    await eventually(async () => !(await browser.$("main .job").isExisting()), "the run to finish", CAPTURE_TIMEOUT);

    const summary = await present(browser, "main .results p.summary", "the run's summary");
    assert.equal(await summary.getText(), "2 tagna: 1 fullständig, 0 ofullständiga, 1 misslyckad");
    assert.equal((await summary.getCSSProperty("color")).parsed.hex, "#b3261e", "a run with a failure is summed up in red");
    await eventually(async () => browser.$("#todo-results").isFocused(), "focus to move to the result");
    // The details are collapsed; opened, the failure comes first, in red, with its reason.
    const details = await browser.$("main .results details");
    assert.equal(await details.getAttribute("open"), null, "the details start collapsed");
    await details.$("summary").click();
    const first = await details.$("p.result");
    const firstText = await first.getText();
    assert.match(firstText, /^Ögonblicksbilden av Biblioteket som flyttat misslyckades – orsak: .*404/);
    assert.doesNotMatch(firstText, /sparad/, "a failure is never called stored");
    assert.equal((await first.getCSSProperty("color")).parsed.hex, "#b3261e");
    const all = await details.$$("p.result");
    assert.equal(all.length, 2);
    assert.match(await all[1].getText(), /Fritidsgården på Facebook är sparad och fullständig/);
    const history = cliJson(data.dir, ["history", "--json"]);
    assert.equal(history.find((h) => h.channel_id === broken)?.status, "failed");
    assert.equal(history.find((h) => h.channel_id === good)?.status, "complete");
    await reveal(browser, summary);
    await screenshot(browser, "staff-run-summary");
  });

  it("staff: a long capture can be cancelled, and nothing half-done is kept", async () => {
    // A feed that never ends: the capture scrolls until its cap, long enough
    // to cancel. (Cancelling while Chromium waits for a page that never
    // answers, e.g. /hang, takes until the 30 s page timeout: the engine does
    // not watch the cancel token during navigation.)
    const hanging = addChannel(data.dir, {
      name: "Kanalen som aldrig tar slut",
      platform: "facebook",
      urls: [site.url("/endless")],
      policy: "half-yearly",
    });
    await goto(browser, "#/att-gora", "Att göra");
    const item = await present(browser, `li[data-channel-id='${hanging}']`, "the new due channel in Att göra");
    await item.$("button=Ta ögonblicksbild nu").click();
    await present(browser, "[role='progressbar']", "the capture's progress bar", 20_000);
    // Let it scroll through the endless feed, then cancel.
    await eventually(
      async () => /rullar igenom sidan/.test(await browser.$(".job").getText()),
      "the capture to scroll the page",
      30_000,
    );
    const t0 = Date.now();
    await browser.$("button=Avbryt").click();
    await eventually(
      async () => !(await browser.$("[role='progressbar']").isExisting()),
      "the capture to stop after Avbryt",
      30_000,
    );
    const stoppedIn = Date.now() - t0;
    assert.ok(stoppedIn < 10_000, `cancel stops the capture promptly (${stoppedIn} ms)`);
    const alert = await present(browser, "main [role='alert']", "the sentence that the capture was cancelled");
    assert.equal(await alert.getAttribute("data-code"), "cancelled", await alert.getText());
    // Nothing stored, nothing left in staging; the channel is still due.
    const history = cliJson(data.dir, ["history", "--channel", String(hanging), "--json"]);
    assert.deepEqual(history, [], "no snapshot record for a cancelled capture");
    const staging = join(data.dir, "staging");
    const left = existsSync(staging) ? readdirSync(staging, { withFileTypes: true }).filter((e) => e.isDirectory()) : [];
    assert.deepEqual(left.map((e) => e.name), [], "staging is cleaned up");
    assert.ok(await browser.$(`li[data-channel-id='${hanging}']`).isExisting(), "the channel is still due");
    await screenshot(browser, "staff-capture-cancelled");
  });
});
