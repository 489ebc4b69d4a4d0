// The archivist's main path in the real app: export a package for a channel
// (the native save dialog replaced by OGONBLICK_SAVE_PATH), verify it in the
// app and with the CLI; then the pre-closure checklist: start closure → final
// snapshot (real Chromium on the fixture site) → review → export → verify →
// mark closed, each step in the audit log with who did it.
import assert from "node:assert/strict";
import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import {
  addChannel,
  cli,
  cliJson,
  eventually,
  goto,
  present,
  reveal,
  screenshot,
  startApp,
  startTestSite,
  tempDataDir,
} from "../lib.mjs";

const NAME = "Kulturhuset på X";
const BOARD = "Kultur- och fritidsnämnden";
const JOB_TIMEOUT = 150_000;

/** Waits until no job runs (its progress bar is gone). */
async function jobFinished(browser, what) {
  await eventually(async () => !(await browser.$("[role='progressbar']").isExisting()), what, JOB_TIMEOUT);
}

/** Waits until the checklist step is done. */
async function stepDone(browser, step) {
  const li = await browser.$(`li[data-step='${step}']`);
  await eventually(
    async () => ((await li.getAttribute("class")) ?? "").split(/\s+/).includes("done"),
    `the checklist step "${step}" to be done${await alertText(browser)}`,
    JOB_TIMEOUT,
  );
  return li;
}

async function alertText(browser) {
  try {
    const a = await browser.$("[role='alert']");
    return (await a.isExisting()) ? ` (alert: ${await a.getText()})` : "";
  } catch {
    return "";
  }
}

describe("the archivist exports, verifies and closes a channel", () => {
  let site;
  let data;
  let app;
  let browser;
  let channelId;
  let outDir;
  let packagePath;

  before(async () => {
    site = await startTestSite();
    data = tempDataDir();
    outDir = join(data.dir, "..", `${data.dir.split("/").pop()}-out`);
    mkdirSync(outDir, { recursive: true });
    packagePath = join(outDir, "kulturhuset-paket.zip");
    const org = cli(data.dir, [
      "settings", "set",
      "--name", "Ögonblicks kommun",
      "--org-number", "212000-0142",
      "--e-archive", "Kommunens e-arkiv",
      "--submission-agreement", "LÖ 2026:3",
    ]);
    assert.equal(org.status, 0, org.stderr);
    channelId = addChannel(data.dir, {
      name: NAME,
      platform: "x",
      urls: [site.url("/x")],
      policy: "yearly",
      board: BOARD,
      unit: "Kulturhuset",
      responsible: "Örjan Ådahl",
    });
    // A regular snapshot taken earlier from the CLI: what the first export packages.
    const taken = cli(data.dir, ["capture", String(channelId), "--json"], { timeout: JOB_TIMEOUT });
    assert.equal(taken.status, 0, `the CLI capture failed: ${taken.stderr}`);
    app = await startApp({
      OGONBLICK_DATA_DIR: data.dir,
      OGONBLICK_SAVE_PATH: packagePath,
      OGONBLICK_NO_OPEN: "1",
    });
    browser = app.browser;
    await browser.$("main h1").waitForDisplayed({ timeout: 20_000 });
  });

  after(async () => {
    await app?.close();
    site?.stop();
    data?.cleanup();
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  it("exports a package for the channel and verifies it in the app and with the CLI", async () => {
    await goto(browser, "#/export", "Exportera arkivpaket");
    const select = await browser.$("#ex-channel");
    await eventually(async () => (await select.$$("option")).length > 1, "the channels to choose from");
    await select.selectByAttribute("value", String(channelId));
    // The preview first: what the package will hold, and nothing undocumented.
    await browser.$("button=Förhandsgranska").click();
    const preview = await present(browser, "main section.preview", `the preview${await alertText(browser)}`);
    const previewText = await preview.getText();
    assert.match(previewText, /Arkivpaket: 1 ögonblicksbild,/, previewText);
    assert.ok(previewText.includes(NAME), `the preview names the channel: ${previewText}`);
    assert.match(previewText, /Alla kanaler i urvalet har en fullständig ögonblicksbild/, previewText);
    assert.ok(!existsSync(packagePath), "the preview writes nothing");
    await browser.$("button=Välj plats och exportera").click();

    const done = await present(browser, "main section.done", `the export to finish${await alertText(browser)}`, JOB_TIMEOUT);
    const summary = await done.getText();
    assert.ok(summary.includes(packagePath), `the summary names the file: ${summary}`);
    assert.match(summary, /\b1 ögonblicksbild(er)?\b/, summary);
    assert.ok(existsSync(packagePath), "the package is written where the dialog said");
    assert.ok(existsSync(`${packagePath}.sha256`), "with its .sha256 sidecar");

    await done.$("button=Kontrollera paketet").click();
    const verdict = await present(browser, "main .verify[data-verify-ok]", "the verification result", JOB_TIMEOUT);
    assert.equal(await verdict.getAttribute("data-verify-ok"), "true", await verdict.getText());
    assert.match(await verdict.getText(), /är kontrollerat/);
    await reveal(browser, done);
    await screenshot(browser, "archivist-export-verified");

    const verified = cli(data.dir, ["verify", packagePath]);
    assert.equal(verified.status, 0, `ogonblick verify: ${verified.stdout}${verified.stderr}`);
    assert.match(verified.stdout, /^OK: /);

    // Delivered: the first package leaves the folder, so the closure's
    // package can take the same name (packages are never overwritten).
    const delivered = join(outDir, "levererat");
    mkdirSync(delivered, { recursive: true });
    for (const f of [packagePath, `${packagePath}.sha256`]) renameSync(f, join(delivered, f.split("/").pop()));
  });

  it("runs the pre-closure checklist to a closed channel, every step in the audit log", async () => {
    await goto(browser, `#/kanal/${channelId}/avslut`, new RegExp(NAME));
    await present(browser, "li[data-step='start']", "the closure checklist");

    // h-close: a confirmation with the decision and its diary number; the
    // closure is undone once, then started again.
    const startClosure = async () => {
      await browser.$("button=Påbörja avveckling").click();
      await (await present(browser, "#close-decision", "the decision field")).setValue("KS 2027-03-01 §12");
      await browser.$("#close-diary").setValue("KS 2027/31");
      await browser.$("button=Påbörja avvecklingen").click();
      return stepDone(browser, "start");
    };
    const started = await startClosure();
    assert.match(await started.getText(), /Beslut: KS 2027-03-01 §12/);
    assert.match(await started.getText(), /Diarienummer: KS 2027\/31/);
    await browser.$("button=Ångra avvecklingen").click();
    await browser.$("button=Ja, ångra avvecklingen").click();
    await present(browser, "main section.closure p.result", `the undo${await alertText(browser)}`);
    const undone = cliJson(data.dir, ["channel", "show", String(channelId), "--json"]);
    assert.equal((undone.channel ?? undone).status, "active", "the undo made the channel active again");
    await startClosure();

    await (await present(browser, "button=Ta slutlig ögonblicksbild", "the final snapshot button")).click();
    await present(browser, "[role='progressbar']", "the final snapshot's progress", 20_000).catch(() => null);
    await jobFinished(browser, "the final snapshot");
    await stepDone(browser, "snapshot");

    const review = await present(browser, "li[data-step='review'] article[data-snapshot-id]", "the snapshot to review");
    assert.match(await review.getText(), /Inför avveckling/, "the final snapshot's reason");
    await browser.$("#closure-reviewed").click();
    await browser.$("button=Godkänn granskningen").click();
    await stepDone(browser, "review");

    await browser.$("button=Exportera paket").click();
    const exported = await stepDone(browser, "export");
    assert.ok((await exported.getText()).includes(packagePath), "the checklist names the package");
    assert.ok(existsSync(packagePath), "the closure's package is written");

    await browser.$("button=Kontrollera paketet").click();
    const verified = await stepDone(browser, "verify");
    assert.match(await verified.getText(), /är kontrollerat/);

    await browser.$("button=Markera som avvecklad").click();
    const finished = await present(browser, "main section.closure p.result", `the closure to complete${await alertText(browser)}`, JOB_TIMEOUT);
    assert.match(await finished.getText(), /är avvecklad och arkiverad/);
    // h-close: the last step, the day the account was deleted (today by default).
    await browser.$("button=Registrera raderingen").click();
    await stepDone(browser, "deleted");
    for (const step of ["start", "snapshot", "review", "export", "verify", "close", "deleted"]) {
      const cls = (await browser.$(`li[data-step='${step}']`).getAttribute("class")) ?? "";
      assert.ok(cls.split(/\s+/).includes("done"), `step ${step} is done`);
    }
    await reveal(browser, finished, "end");
    await screenshot(browser, "archivist-closed");

    // The CLI: the channel is closed, the package verifies, and the audit
    // log tells who did each step.
    const shown = cliJson(data.dir, ["channel", "show", String(channelId), "--json"]);
    const channel = shown.channel ?? shown;
    assert.equal(channel.status, "closed");
    assert.ok(channel.closed_at, "with the time it was closed");
    const check = cli(data.dir, ["verify", packagePath]);
    assert.equal(check.status, 0, `ogonblick verify: ${check.stdout}${check.stderr}`);
    const report = cliJson(data.dir, ["verify", packagePath, "--json"]);
    assert.equal(report.ok, true);

    const history = cliJson(data.dir, ["history", "--channel", String(channelId), "--json"]);
    const final = history.find((s) => s.reason === "pre-closure");
    assert.ok(final, "a pre-closure snapshot is in the history");
    assert.equal(final.status, "complete");
    assert.ok(final.started_at >= channel.closing_started_at, "taken after the closure started");
    assert.ok(report.snapshot_ids.includes(final.id), "the closure's package holds the final snapshot");

    const audit = cliJson(data.dir, ["audit", "--channel", String(channelId), "--json"]);
    const ordered = [...audit].sort((a, b) => a.seq - b.seq);
    // Each step is looked for after the one before it (the first export's
    // verification used the same file name).
    let lastSeq = -Infinity;
    const next = (action, pred = () => true) => {
      const e = ordered.find((x) => x.seq > lastSeq && x.action === action && pred(x));
      if (e) lastSeq = e.seq;
      return e;
    };
    const steps = {
      start: next("closure.start"),
      snapshot: next("snapshot.commit", (e) => e.detail.includes(final.id)),
      export: next("package.export", (e) => e.detail.includes(final.id)),
      verify: next("package.verify", (e) => e.detail.includes(packagePath)),
      close: next("closure.complete"),
      deleted: next("closure.deleted"),
    };
    for (const [step, e] of Object.entries(steps)) {
      assert.ok(e, `the audit log records the step ${step}: ${JSON.stringify(ordered.map((x) => x.action))}`);
      assert.equal(e.actor, "e2e-desktop", `${step} was done by the desktop's operator`);
      assert.ok(e.at, `${step} has a time`);
    }
    assert.match(steps.verify.detail, /verified, no problems/, steps.verify.detail);

    // The channel's Händelselogg in the app says the same in Swedish: every
    // step by its Swedish name and with a Swedish detail.
    await goto(browser, `#/kanal/${channelId}`);
    const rows = await browser.$$("main tr[data-audit-action]");
    const shownLog = [];
    for (const row of rows) {
      const cells = await row.$$("td");
      shownLog.push({
        action: await row.getAttribute("data-audit-action"),
        what: await cells[2].getText(),
        detail: await cells[3].getText(),
      });
    }
    const row = (action) => shownLog.find((r) => r.action === action);
    assert.deepEqual(row("closure.start"), {
      action: "closure.start",
      what: "Avveckling påbörjades",
      detail: "Status: aktiv → under avveckling. Beslut: KS 2027-03-01 §12. Diarienummer: KS 2027/31.",
    });
    assert.equal(row("closure.undo").what, "Avvecklingen ångrades");
    assert.equal(row("closure.deleted").what, "Kontot raderades på plattformen");
    assert.deepEqual(row("closure.complete"), { action: "closure.complete", what: "Kanalen avvecklades", detail: "Status: under avveckling → avvecklad." });
    assert.equal(row("closure.review").what, "Ögonblicksbilden granskades");
    assert.match(row("package.verify").detail, /^Arkivpaketet .* kontrollerat, inga fel\.$/);
    for (const r of shownLog) {
      assert.doesNotMatch(r.detail, /\b(stored|written|reviewed|verified|added|changed|status)\b/, `English in the Swedish log: ${JSON.stringify(r)}`);
      assert.notEqual(r.what, r.action, `a Swedish name for ${r.action}`);
    }
    await reveal(browser, await browser.$("main table"), "end");
    await screenshot(browser, "archivist-audit-log");
  });
});
