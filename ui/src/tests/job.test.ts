import { mockIPC } from "@tauri-apps/api/mocks";
import { describe, expect, it } from "vitest";
import { Job } from "../lib/job.svelte";

describe("cancelling a job", () => {
  it("asks again while the desktop does not yet know the job (Avbryt pressed at once), until it does", async () => {
    const answers = [false, false, true];
    const asked: unknown[] = [];
    mockIPC((cmd, args) => {
      if (cmd !== "cancel_job") throw new Error(`unexpected ${cmd}`);
      asked.push(args);
      return answers.shift() ?? true;
    });
    const job = new Job("Tar ögonblicksbild");
    await job.cancel();
    expect(job.cancelling).toBe(true);
    expect(asked).toEqual([{ jobId: job.jobId }, { jobId: job.jobId }, { jobId: job.jobId }]);
  });

  it("stops asking once the job has finished by itself", async () => {
    let asked = 0;
    mockIPC(() => {
      asked++;
      return false;
    });
    const job = new Job("Tar ögonblicksbild");
    job.onEvent({ kind: "finished", ok: true, message: null });
    await job.cancel();
    expect(asked).toBe(0);
  });
});
