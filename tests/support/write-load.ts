import { randomUUID } from "node:crypto";
import { ledger, type ApiResponse } from "./api.ts";
import type { AutoTenant } from "./tenant.ts";

/** One budget write the gateway accepted (a 202), with what it answered. */
export interface AcceptedWrite {
  campaignId: string;
  cents: number;
  jobId: string;
  /** `accepted` (no verdict in time: the relay or a later delivery carries it), `dispatching`, … */
  status: string;
  /** When the request was first sent and when the 202 came back (ms since epoch). */
  sentAt: number;
  answeredAt: number;
  /** Answers before the 202 (503 UNAVAILABLE, 409 in progress, network errors): each was retried with the same key. */
  refusals: string[];
}

/** Answers a partner retries with the same Idempotency-Key; anything else fails the test. */
const RETRYABLE = new Set([409, 500, 502, 503, 504]);

/**
 * Sends one budget write as a careful partner does: one Idempotency-Key, retried on 5xx / 409
 * (in progress) / network errors until a 202 or the deadline. Each refusal is recorded as
 * `<status> <problem code>`; retries with the same key must never make a second write.
 */
export async function sendBudget(t: AutoTenant, campaignId: string, cents: number, deadlineMs = 30_000): Promise<AcceptedWrite> {
  const key = randomUUID();
  const sentAt = Date.now();
  const refusals: string[] = [];
  while (Date.now() - sentAt < deadlineMs) {
    let res: ApiResponse | undefined;
    try {
      res = await t.partner.patch(`${t.campaignsPath}/${campaignId}/budget`, { dailyBudgetCents: cents }, { "idempotency-key": key });
    } catch (err) {
      refusals.push(`network: ${String(err)}`);
    }
    if (res?.status === 202) {
      return { campaignId, cents, jobId: res.body.jobId, status: res.body.status, sentAt, answeredAt: Date.now(), refusals };
    }
    if (res) {
      if (!RETRYABLE.has(res.status)) throw new Error(`budget write ${cents} answered ${res.status}: ${JSON.stringify(res.body)}`);
      refusals.push(`${res.status} ${res.body?.code ?? "(no problem body)"}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`budget write ${cents} to ${campaignId} not accepted within ${deadlineMs} ms: ${refusals.join(", ")}`);
}

export interface WriteLoad {
  /** Stops sending (after each campaign's write in flight) and resolves with every accepted write, in send order per campaign. */
  stop(): Promise<AcceptedWrite[]>;
  /** Writes accepted so far. */
  accepted(): AcceptedWrite[];
}

/**
 * Keeps budget writes flowing to each campaign (campaigns in parallel, each campaign's writes one
 * after another, so acceptance order is send order) until stopped. Values are unique per campaign:
 * `base + campaignIndex * 1000 + k`.
 */
export function startWriteLoad(t: AutoTenant, campaigns: ReadonlyArray<{ id: string }>, opts: { base: number; pauseMs: number }): WriteLoad {
  let stopped = false;
  const done: AcceptedWrite[] = [];
  const loops = campaigns.map(async (c, ci) => {
    for (let k = 0; !stopped; k++) {
      done.push(await sendBudget(t, c.id, opts.base + ci * 1000 + k));
      await new Promise((r) => setTimeout(r, opts.pauseMs));
    }
  });
  return {
    accepted: () => [...done],
    async stop() {
      stopped = true;
      await Promise.all(loops);
      return [...done];
    },
  };
}

/** The budget values on the platform for one campaign, in ledger (application) order. */
export async function budgetsOnPlatform(sandboxUrl: string, account: string, platformId: string): Promise<number[]> {
  return (await ledger(sandboxUrl, account)).filter((e) => e.objectId === platformId && e.op === "update").map((e) => Number(e.fields.daily_budget));
}
