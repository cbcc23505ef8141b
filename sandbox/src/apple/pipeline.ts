import { setTimeout as sleep } from "node:timers/promises";
import type { Logger } from "@layers/runtime";
import type { FaultBook } from "../faults.ts";
import type { CallMeter } from "../metering/call-meter.ts";
import type { Ledger } from "../ledger.ts";
import { AppleError, rateLimited, serverError, unauthorized } from "./apple-error.ts";
import type { AppleContext, AppleHandler } from "./apple-context.ts";
import type { AppleStore } from "./apple-store.ts";
import { bearerToken, tokenOrg } from "./auth.ts";
import { checkDialectContext, V5_DIALECT, type AppleDialect } from "./dialect.ts";
import type { AppleOrg } from "./apple-types.ts";

export interface AppleDeps {
  store: AppleStore;
  ledger: Ledger;
  faults: FaultBook;
  /** Per-org call rates; an org without one is not metered. */
  metering?: CallMeter;
  log: Logger;
  /** Called after every applied mutation (persistence hooks in here). */
  onMutation: () => void;
  now?: () => Date;
}

export interface AppleRequest {
  method: string;
  /** The path without the query string, as ledgered. */
  path: string;
  authorization: string | undefined;
  apContext: string | undefined;
  params: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
}

export interface AppleReply {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

/** Faults and ledger entries are keyed by the org id as a decimal string. */
export const orgKey = (orgId: number) => String(orgId);

/**
 * One Apple call from start to answer: latency fault → token (401, incl. the expired-token fault)
 * → X-AP-Context (403) → throttle (429) / 5xx faults → handler → ledger → lost-response fault.
 * Every failure is rendered in Apple's error envelope; nothing here throws.
 */
export async function handleAppleRequest(req: AppleRequest, handler: AppleHandler, deps: AppleDeps, dialect: AppleDialect = V5_DIALECT, opts: { context?: boolean } = {}): Promise<AppleReply> {
  const now = (deps.now ?? (() => new Date()))();
  let faultOrg: AppleOrg | undefined;
  try {
    const token = bearerToken(req.authorization);
    faultOrg = (token === undefined ? undefined : deps.store.orgByToken(token)) ?? deps.store.org(dialect.contextId(req.apContext) ?? -1);
    if (faultOrg !== undefined) {
      const latency = deps.faults.latencyMs("apple", orgKey(faultOrg.orgId));
      if (latency > 0) await sleep(latency);
    }
    const org = tokenOrg(deps.store, req.authorization);
    const key = orgKey(org.orgId);
    if (deps.faults.expiredToken("apple", key)) throw unauthorized();
    // A few account-less calls (the Platform API's `GET /v1/acls`) need no X-AP-Context.
    if (opts.context !== false) checkDialectContext(dialect, org, req.apContext);

    const pre = deps.faults.takeBeforeHandling("apple", key);
    if (pre?.kind === "throttle") throw rateLimited(Math.round(pre.regainMinutes * 60));
    if (pre?.kind === "fail5xx") throw serverError();
    const metered = deps.metering?.take("apple", key, now.getTime());
    if (metered?.ok === false) throw rateLimited(Math.ceil(metered.retryAfterMs / 1000));

    const ctx: AppleContext = { org, store: deps.store, now, params: req.params, query: req.query, body: req.body };
    const result = handler(ctx);
    const mutations = result.mutations ?? [];
    for (const m of mutations) deps.ledger.append({ platform: "apple", account: key, method: req.method, path: req.path, api: dialect.api, ...m }, now);
    if (mutations.length > 0) {
      deps.onMutation();
      if (deps.faults.takeAfterApply("apple", key)) throw serverError();
    }
    return { status: result.status ?? 200, body: result.body, headers: dialect.headers(org, now) };
  } catch (err) {
    const appleErr = err instanceof AppleError ? err : logged(deps.log, err);
    return { status: appleErr.status, body: dialect.renderError(appleErr), headers: dialect.headers(faultOrg, now, appleErr) };
  }
}

function logged(log: Logger, err: unknown): AppleError {
  log.error({ err }, "sandbox bug while handling an Apple request");
  return serverError();
}
