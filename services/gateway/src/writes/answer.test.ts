import type { FastifyReply } from "fastify";
import { describe, expect, it } from "vitest";
import { newId, writeAcceptedSchema, type Verdict, type WriteIntent } from "@layers/contracts";
import { ApiError } from "../errors.ts";
import { acceptedAnswer, jobLocation } from "./accepted-answer.ts";
import { answerWrite } from "./answer.ts";
import type { WriteOutcome } from "./submit-write.ts";

/** Just what answerWrite touches of a Fastify reply. */
function fakeReply() {
  const sent = { status: 200, headers: {} as Record<string, string> };
  const reply = {
    code(s: number) {
      sent.status = s;
      return reply;
    },
    header(k: string, v: string) {
      sent.headers[k] = v;
      return reply;
    },
  };
  return { reply: reply as unknown as FastifyReply, sent };
}

const jobId = newId("job");
const campaignId = newId("campaign");
const intent = { intentId: newId("intent"), jobId } as WriteIntent;
const verdictId = "3f1c2a6e-5b4d-4c1e-9f7a-2b8c6d0e1a23";
const verdict = (v: Partial<Verdict>): Verdict => ({ intentId: intent.intentId, jobId, verdictId, decision: "allow", axis: "tactical", ...v });
const outcome = (v: Verdict | null, ids = { campaignId }): WriteOutcome => ({ intent, verdict: v, accepted: acceptedAnswer(jobId, ids) });

describe("accepted answer", () => {
  it("accepted answer - 202 with the job's Location, the write's ids, and nothing undefined", () => {
    const a = acceptedAnswer(jobId, { campaignId, pendingActionId: undefined }, "https://api.layers.dev/");
    expect(a).toEqual({ statusCode: 202, headers: { location: `https://api.layers.dev/v1/jobs/${jobId}` }, body: { status: "accepted", jobId, campaignId } });
    expect(Object.keys(a.body)).toEqual(["status", "jobId", "campaignId"]);
    expect(writeAcceptedSchema.parse(a.body)).toEqual(a.body);
    expect(jobLocation(jobId)).toBe(`/v1/jobs/${jobId}`);
  });
});

describe("write answers", () => {
  it("write answers - no verdict in time sends the held accepted answer itself", () => {
    const { reply, sent } = fakeReply();
    const o = outcome(null);
    expect(answerWrite(reply, o)).toBe(o.accepted.body);
    expect(sent).toEqual({ status: 202, headers: { location: `/v1/jobs/${jobId}` } });
  });

  it("write answers - allow dispatches, queue names the pending action, both keep the write's ids", () => {
    const allow = fakeReply();
    expect(answerWrite(allow.reply, outcome(verdict({})))).toEqual({ status: "dispatching", jobId, campaignId, verdictId });
    expect(allow.sent.status).toBe(202);
    const pendingActionId = newId("pendingAction");
    const queued = answerWrite(fakeReply().reply, outcome(verdict({ decision: "queue_for_approval", pendingActionId })));
    expect(queued).toEqual({ status: "pending_approval", jobId, campaignId, pendingActionId, verdictId });
    expect(writeAcceptedSchema.parse(queued)).toEqual(queued);
  });

  it("write answers - deny throws AUTHORITY_DENIED with the reason and verdict id", () => {
    const err = (() => {
      try {
        answerWrite(fakeReply().reply, outcome(verdict({ decision: "deny", reason: "kill_switch_active" })));
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: "AUTHORITY_DENIED", extras: { reason: "kill_switch_active", verdictId } });
  });
});
