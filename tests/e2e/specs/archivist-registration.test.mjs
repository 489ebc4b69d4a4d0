// Registering snapshots in the real app: a snapshot's diary number and its
// personal-data mark in the channel's history, one diary number for a
// board's collecting case (samlingsärende), marked items exported in a
// package of their own (the folder dialog replaced by OGONBLICK_SAVE_PATH),
// and the organisation's removal grounds edited in Inställningar. The CLI,
// reading the same data folder, agrees with what the window showed.
import assert from "node:assert/strict";
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
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

const BOARD = "Miljö- och byggnämnden";
const JOB_TIMEOUT = 150_000;
// A real 1×1 PNG: staff's own screenshot of a comment that is already gone.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC",
  "base64",
);

describe("an archivist registers snapshots: diary numbers, marks, a package of its own, removal grounds", () => {
  let site;
  let data;
  let app;
  let browser;
  let channelId;
  let snapshotId;
  let recordId;
  let outDir;

  before(async () => {
    site = await startTestSite();
    data = tempDataDir();
    outDir = join(data.dir, "..", `${data.dir.split("/").pop()}-paket`);
    mkdirSync(outDir, { recursive: true });
    const org = cli(data.dir, ["settings", "set", "--name", "Ögonblicks kommun", "--org-number", "212000-0142"]);
    assert.equal(org.status, 0, org.stderr);
    channelId = addChannel(data.dir, {
      name: "Miljöförvaltningen på X",
      platform: "x",
      urls: [site.url("/x")],
      policy: "yearly",
      board: BOARD,
      unit: "Miljöförvaltningen",
      responsible: "Åsa Öberg",
    });
    const taken = cli(data.dir, ["capture", String(channelId), "--json"], { timeout: JOB_TIMEOUT });
    assert.equal(taken.status, 0, `the CLI capture failed: ${taken.stderr}`);
    snapshotId = cliJson(data.dir, ["history", "--json"])[0].id;
    const shot = join(data.dir, "..", `skarmbild-${process.pid}.png`);
    writeFileSync(shot, PNG);
    const add = cli(data.dir, ["removal", "add", "--channel", String(channelId), "--url",
      "https://x.com/miljo/status/1", "--kind", "comment", "--ground", "reklam", "--file", shot, "--json"]);
    assert.equal(add.status, 0, add.stderr);
    recordId = JSON.parse(add.stdout).id;
    app = await startApp({ OGONBLICK_DATA_DIR: data.dir, OGONBLICK_SAVE_PATH: outDir, OGONBLICK_NO_OPEN: "1" });
    browser = app.browser;
    await browser.$("main h1").waitForDisplayed({ timeout: 20_000 });
  });

  after(async () => {
    await app?.close();
    site?.stop();
    data?.cleanup();
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  it("sets a snapshot's diary number and marks it as holding personal data, in the channel's history", async () => {
    await goto(browser, `#/kanal/${channelId}`, "Miljöförvaltningen på X");
    const record = await present(browser, `details[data-snapshot-record='${snapshotId}']`, "the snapshot's registration");
    await reveal(browser, record);
    await record.$("summary").click();
    const input = await present(browser, `#sdiary-${snapshotId}`, "the diary number field");
    await input.setValue("MBN 2026/41");
    await record.$("button=Spara diarienumret").click();
    await present(browser, `details[data-snapshot-record='${snapshotId}'] p[role='status']`, "the number saved");
    await eventually(
      () => cliJson(data.dir, ["history", "--json"])[0].diary_number === "MBN 2026/41",
      "the diary number stored",
    );
    // The history shows it with the snapshot.
    const article = await browser.$(`article[data-snapshot-id='${snapshotId}']`);
    await eventually(async () => (await article.$(".meta").getText()).includes("Diarienummer MBN 2026/41"), "the number shown");

    await record.$("input[type='checkbox']").click();
    await record.$("button=Spara markeringen").click();
    await eventually(async () => (await article.$(".badge.marked").isExisting()), "the mark shown beside the snapshot");
    const marks = cliJson(data.dir, ["mark", "list", "--json"]);
    assert.ok(marks.some((m) => m.item_id === snapshotId && m.flags.personal_data), JSON.stringify(marks));
    await screenshot(browser, "archivist-snapshot-diary-mark");
  });

  it("gives a board's snapshots and removal records one diary number (a collecting case)", async () => {
    await goto(browser, "#/export", "Exportera arkivpaket");
    const form = await present(browser, "form.bulk", "the collecting case form");
    await reveal(browser, form);
    const board = await form.$("select");
    await eventually(async () => (await board.$$("option")).length > 1, "the boards to choose from");
    await board.selectByAttribute("value", BOARD);
    await form.$("select.bulk-year").selectByAttribute("value", "");
    await form.$("input.bulk-number").setValue("MBN 2026/12");
    await form.$("button.bulk-save").click();
    const status = await present(browser, "form.bulk p.bulk-status", "the collecting case set");
    assert.match(await status.getText(), /1 ögonblicksbild och 1 post/);
    assert.equal(cliJson(data.dir, ["history", "--json"])[0].diary_number, "MBN 2026/12");
    assert.equal(cliJson(data.dir, ["removal", "list", "--json"])[0].diary_number, "MBN 2026/12");
  });

  it("exports the marked snapshot in a package of its own, beside the unmarked removal record", async () => {
    await goto(browser, "#/export", "Exportera arkivpaket");
    const select = await browser.$("#ex-channel");
    await eventually(async () => (await select.$$("option")).length > 1, "the channels to choose from");
    await select.selectByAttribute("value", String(channelId));
    await browser.$("#ex-removals").selectByAttribute("value", "with");
    await browser.$("#ex-marked").selectByAttribute("value", "separately");
    await browser.$("button=Välj plats och exportera").click();
    const outcome = await eventually(async () => {
      const alert = await browser.$("main [role='alert']");
      if (await alert.isExisting()) return `refused: ${await alert.getText()}`;
      return (await browser.$$("main section.done")).length === 2 && "done";
    }, "two packages exported", JOB_TIMEOUT);
    assert.equal(outcome, "done");
    assert.match(await browser.$("main section.done h2").getText(), /Paket 1 av 2/);
    const zips = readdirSync(outDir).filter((f) => f.endsWith(".zip"));
    assert.equal(zips.length, 2, `two packages in the folder: ${zips}`);
    for (const z of zips) {
      const v = cli(data.dir, ["verify", join(outDir, z)]);
      assert.equal(v.status, 0, `ogonblick verify ${z}: ${v.stdout}${v.stderr}`);
    }
  });

  it("adds, rewords and retires a removal ground in Inställningar", async () => {
    await goto(browser, "#/installningar", "Inställningar");
    const title = await present(browser, "#grounds-title", "the removal grounds");
    await reveal(browser, title);
    await browser.$("#ground-code").setValue("bedrageri");
    await browser.$("#ground-sv").setValue("Bedrägeriförsök");
    await browser.$("#ground-save").click();
    await present(browser, "tr[data-ground='bedrageri']", "the new ground listed");
    let g = cliJson(data.dir, ["removal", "grounds", "--json"]).find((x) => x.code === "bedrageri");
    assert.equal(g?.label_sv, "Bedrägeriförsök");

    await browser.$("tr[data-ground='bedrageri']").$("button=Ändra").click();
    const sv = await browser.$("#ground-sv");
    await sv.clearValue();
    await sv.setValue("Bedrägeri eller nätfiske");
    await browser.$("#ground-save").click();
    await eventually(
      () => cliJson(data.dir, ["removal", "grounds", "--json"]).find((x) => x.code === "bedrageri")?.label_sv === "Bedrägeri eller nätfiske",
      "the new wording stored",
    );

    await browser.$("tr[data-ground='bedrageri']").$("button=Ta ur bruk").click();
    await eventually(
      () => cliJson(data.dir, ["removal", "grounds", "--json"]).find((x) => x.code === "bedrageri")?.retired === true,
      "the ground retired",
    );
    await eventually(async () => (await browser.$("tr[data-ground='bedrageri']").getText()).includes("Tagen ur bruk"), "shown as out of use");
    await screenshot(browser, "archivist-removal-grounds");
  });
});
