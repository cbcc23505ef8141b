import { setTimeout as sleep } from "node:timers/promises";
import type { Logger } from "@layers/runtime";
import type { FaultBook } from "../faults.ts";
import type { CallMeter } from "../metering/call-meter.ts";
import type { Ledger, LedgerOp } from "../ledger.ts";
import { TT_CODE, TtError, errorEnvelope, newResponseRequestId, okEnvelope, type TtEnvelope } from "./envelope.ts";
import type { TiktokStore, TtAdvertiser } from "./tiktok-store.ts";

export const TIKTOK_PLATFORM = "tiktok";

export interface TiktokDeps {
  store: TiktokStore;
  ledger: Ledger;
  faults: FaultBook;
  /** Per-advertiser call rates; an advertiser without one is not metered. */
  metering?: CallMeter;
  log: Logger;
  onMutation: () => void;
  now?: () => Date;
}

export interface TtMutation {
  op: LedgerOp;
  objectId: string;
  fields: Record<string, unknown>;
}

export interface TtHandlerResult {
  data: unknown;
  /** Applied changes, one ledger entry each; empty for reads and idempotent repeats. */
  mutations: TtMutation[];
}

export interface TtContext {
  advertiser: TtAdvertiser;
  /** Body (POST) or query (GET) parameters. */
  params: Record<string, unknown>;
  store: TiktokStore;
  now: Date;
}

export type TtHandler = (ctx: TtContext) => TtHandlerResult;

export interface TtCall {
  method: string;
  /** e.g. `/open_api/v1.3/campaign/create/`, as the ledger records it. */
  path: string;
  /** The `Access-Token` header. */
  token: string | undefined;
  params: Record<string, unknown>;
}

/**
 * One TikTok call: latency → token (40105) → advertiser access (40002/40001) → throttle (40100) →
 * 5xx (50000) → handle → ledger → failAfterApply (50000). Always HTTP 200, as TikTok answers.
 */
export async function handleTiktokCall(call: TtCall, handler: TtHandler, deps: TiktokDeps): Promise<TtEnvelope> {
  const now = (deps.now ?? (() => new Date()))();
  const requestId = newResponseRequestId(now);
  const rawAdvertiser = call.params.advertiser_id;
  const advertiserId = typeof rawAdvertiser === "number" ? String(rawAdvertiser) : typeof rawAdvertiser === "string" ? rawAdvertiser : undefined;
  const named = advertiserId === undefined ? undefined : deps.store.advertiser(advertiserId);

  if (named !== undefined) {
    const latency = deps.faults.latencyMs(TIKTOK_PLATFORM, named.id);
    if (latency > 0) await sleep(latency);
  }

  const owner = call.token === undefined || call.token === "" ? undefined : deps.store.advertiserByToken(call.token, advertiserId);
  if (owner === undefined || deps.faults.expiredToken(TIKTOK_PLATFORM, owner.id)) {
    return errorEnvelope(TT_CODE.TOKEN, "Access token is incorrect or has been revoked.", requestId);
  }
  if (advertiserId === undefined || !/^\d+$/.test(advertiserId)) {
    return errorEnvelope(TT_CODE.INVALID_PARAM, "advertiser_id: required, a numeric id", requestId);
  }
  if (named === undefined || named.id !== owner.id) {
    return errorEnvelope(TT_CODE.PERMISSION, `Permission error: the access token has no permission for advertiser ${advertiserId}.`, requestId);
  }

  const pre = deps.faults.takeBeforeHandling(TIKTOK_PLATFORM, named.id);
  if (pre?.kind === "throttle") return errorEnvelope(TT_CODE.QPS_LIMIT, "App reaches the QPS limit.", requestId);
  if (pre?.kind === "fail5xx") return errorEnvelope(TT_CODE.SYSTEM, "System error, please try again later.", requestId);
  if (deps.metering?.take(TIKTOK_PLATFORM, named.id, now.getTime())?.ok === false) return errorEnvelope(TT_CODE.QPS_LIMIT, "App reaches the QPS limit.", requestId);

  let result: TtHandlerResult;
  try {
    result = handler({ advertiser: named, params: call.params, store: deps.store, now });
  } catch (err) {
    if (err instanceof TtError) return errorEnvelope(err.code, err.message, requestId);
    deps.log.error({ err, path: call.path }, "TikTok handler failed");
    return errorEnvelope(TT_CODE.SYSTEM, "System error, please try again later.", requestId);
  }

  for (const m of result.mutations) {
    deps.ledger.append({ platform: TIKTOK_PLATFORM, account: named.id, method: call.method, path: call.path, ...m }, now);
  }
  if (result.mutations.length > 0) {
    deps.onMutation();
    if (deps.faults.takeAfterApply(TIKTOK_PLATFORM, named.id)) {
      return errorEnvelope(TT_CODE.SYSTEM, "System error, please try again later.", requestId);
    }
  }
  return okEnvelope(result.data, requestId);
}
