// Archivists dispose of what the retention rules allow (gallring): a removal
// record made well over a year ago (the CLI run with the test clock
// OGONBLICK_TEST_NOW), a rule with a disposal decision set in Inställningar,
// the dry run in Gallring, the confirmed disposal, and the disposal log
// saved as PDF/A (the save dialog replaced by OGONBLICK_SAVE_PATH). The CLI,
// reading the same data folder, agrees with what the window showed.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { cli, cliJson, eventually, goto, present, reveal, screenshot, startApp, tempDataDir } from "../lib.mjs";

// A real 1×1 PNG: staff's own screenshot of a comment that is already gone.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC",
  "base64",
);
const THEN = { OGONBLICK_TEST_NOW: "2025-01-10T10:00:00Z" };
const DECISION = "KS 2019/233 § 4";

describe("an archivist disposes of a removal record under a retention decision, and keeps the log", () => {
  let data;
  let app;
  let browser;
  let recordId;
  let logPath;
  before(async () => {
    data = tempDataDir();
    logPath = join(data.dir, "..", `gallring-${process.pid}.pdf`);
    const ch = cli(data.dir, ["channel", "add", "--name", "Kommunen på Facebook", "--platform", "facebook",
      "--url", "https://www.facebook.com/kommunen", "--board", "Kommunstyrelsen"], { env: THEN });
    assert.equal(ch.status, 0, ch.stderr);
    const shot = join(data.dir, "..", `skarmbild-${process.pid}.png`);
    writeFileSync(shot, PNG);
    const add = cli(data.dir, ["removal", "add", "--channel", ch.stdout.trim(), "--url",
      "https://www.facebook.com/kommunen/posts/1?comment_id=2", "--kind", "comment", "--ground", "reklam",
      "--file", shot, "--json"], { env: THEN });
    assert.equal(add.status, 0, add.stderr);
    recordId = JSON.parse(add.stdout).id;
    app = await startApp({ OGONBLICK_DATA_DIR: data.dir, OGONBLICK_SAVE_PATH: logPath });
    browser = app.browser;
    await browser.$("main h1").waitForDisplayed({ timeout: 20_000 });
  });
  after(async () => {
    await app?.close();
    data?.cleanup();
  });

  it("keeps the record while its rule names no decision, then an archivist records the decision in Inställningar", async () => {
    await goto(browser, "#/gallring", "Gallring");
    const kept = await present(browser, "#disposal-kept", "the documents kept although due");
    assert.match(await kept.getText(), /\(1\)/);
    assert.match(await browser.$("main").getText(), /Inget får gallras nu\./);

    await goto(browser, "#/installningar", "Inställningar");
    const form = await present(browser, "#retention-title", "the retention rules");
    await reveal(browser, form);
    // The default rule for removal records: disposed of after 12 months, no decision yet.
    const rows = await browser.$$("form[aria-labelledby='retention-title'] tbody tr");
    let row;
    for (const r of rows) {
      if ((await r.$("input").getValue()) === "removal") row = r;
    }
    assert.ok(row, "the rule for removal records is listed");
    const decision = await row.$("input[aria-label^='Gallringsbeslut']");
    await decision.setValue(DECISION);
    await browser.$("button=Spara gallringsreglerna").click();
    await present(browser, "form[aria-labelledby='retention-title'] p[role='status']", "the rules saved");
    await eventually(
      () => cliJson(data.dir, ["retention", "show", "--json"]).rules.some((r) => r.kind === "removal" && r.decision === DECISION),
      "the decision stored",
    );
  });

  it("lists it in the dry run, disposes of it once confirmed, and saves the disposal log as PDF/A", async () => {
    await goto(browser, "#/gallring", "Gallring");
    const due = await present(browser, `tr[data-item-id='${recordId}']`, "the record in the dry run");
    assert.match(await due.getText(), new RegExp(DECISION.replace(/[§/]/g, ".")));

    // Without the review box ticked nothing happens.
    await browser.$("#dispose-by").setValue("Arkivarie Anna");
    await browser.$("button=Gallra nu").click();
    const alert = await present(browser, "form[aria-labelledby='dispose-title'] [role='alert']", "the request to review");
    assert.match(await alert.getText(), /granskat listan/);
    assert.equal(cliJson(data.dir, ["removal", "list", "--json"]).length, 1, "nothing disposed of yet");

    await browser.$("form[aria-labelledby='dispose-title'] input[type='checkbox']").click();
    await browser.$("button=Gallra nu").click();
    await present(browser, "p=1 handling gallrades.", "the disposal done");
    assert.equal(cliJson(data.dir, ["removal", "list", "--json"]).length, 0, "the record is gone");
    const log = cliJson(data.dir, ["dispose", "log", "--json"]);
    assert.equal(log.length, 1);
    assert.equal(log[0].item_id, recordId);
    assert.equal(log[0].disposed_by, "Arkivarie Anna");
    assert.equal(log[0].decision, DECISION);
    assert.ok(log[0].files.some((f) => /^[0-9a-f]{64}$/.test(f.sha256)), "the deleted files' SHA-256");

    const table = await present(browser, "table[aria-labelledby='disposal-log']", "the disposal log");
    assert.ok((await table.getText()).includes(recordId));
    await browser.$("button=Spara gallringsprotokollet …").click();
    await eventually(() => existsSync(logPath), "the log saved", 60_000);
    const text = execFileSync("pdftotext", [logPath, "-"], { encoding: "utf8" });
    assert.match(text, /Gallringsprotokoll/);
    assert.ok(text.includes(recordId), "the log names the record");
    assert.ok(text.includes(log[0].files[0].sha256), "and the deleted file's SHA-256");
    await reveal(browser, table);
    await screenshot(browser, "archivist-disposal");
  });
});
