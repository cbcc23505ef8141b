import { describe, expect, it } from "vitest";
import type { JobStatus } from "@layers/db";
import type { JobEventRow } from "../repositories/jobs.repository.ts";
import { deliverNew, endsStream, type JobStreamSink } from "./job-events-hub.ts";

const row = (seq: number, status: JobStatus): JobEventRow => ({ seq, status, job: { status } as JobEventRow["job"] });

function sink(lastSeq: number) {
  const got: number[] = [];
  const s: JobStreamSink = { lastSeq, deliver: (e) => got.push(e.seq), end: () => undefined };
  return { s, got };
}

describe("job event fan-out", () => {
  it("each stream gets, in order, only the changes after its own last id", () => {
    const fresh = sink(0);
    const resumed = sink(2);
    deliverNew([row(1, "queued"), row(2, "running"), row(3, "completed")], [fresh.s, resumed.s]);
    expect(fresh.got).toEqual([1, 2, 3]);
    expect(resumed.got).toEqual([3]);
    expect([fresh.s.lastSeq, resumed.s.lastSeq]).toEqual([3, 3]);
  });

  it("a row read twice (a notification and a resync overlapping) is delivered once", () => {
    const one = sink(0);
    deliverNew([row(1, "queued"), row(2, "running")], [one.s]);
    deliverNew([row(2, "running"), row(3, "failed")], [one.s]);
    expect(one.got).toEqual([1, 2, 3]);
  });

  it("only final statuses end a stream", () => {
    expect((["queued", "running", "completed", "failed", "canceled"] as const).filter(endsStream)).toEqual(["completed", "failed", "canceled"]);
  });
});
