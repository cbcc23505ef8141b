import { setTimeout as sleep } from "node:timers/promises";
import type { Logger } from "@layers/runtime";
import type { FaultBook } from "../faults.ts";
import type { Ledger } from "../ledger.ts";
import type { UsageMeter } from "../usage-meter.ts";
import type { CallMeter } from "../metering/call-meter.ts";
import type { BudgetChangeMeter } from "../metering/budget-change-meter.ts";
import { meteredRegainMinutes } from "../metering/answers.ts";
import { GraphError, newFbtraceId } from "./graph-error.ts";
import { expiredToken, invalidToken, missingToken, throttled, transientError, unknownError, unknownObject, unknownPath } from "./graph-errors.ts";
import type { GraphRequest } from "./graph-request.ts";
import { matchGraphRoute, type GraphRoute } from "./graph-route.ts";
import { createAd } from "./handlers/create-ad.ts";
import { createAdSet } from "./handlers/create-adset.ts";
import { createCampaign } from "./handlers/create-campaign.ts";
import { createCreative } from "./handlers/create-creative.ts";
import type { GraphContext, GraphResult } from "./handlers/graph-context.ts";
import { listAds } from "./handlers/list-ads.ts";
import { listAdSets } from "./handlers/list-adsets.ts";
import { listCampaigns } from "./handlers/list-campaigns.ts";
import { listCreatives } from "./handlers/list-creatives.ts";
import { readAd, readAdAccount, readAdSet, readCampaign, readCreative } from "./handlers/read-node.ts";
import { deleteAd, updateAd } from "./handlers/update-ad.ts";
import { deleteAdSet, updateAdSet } from "./handlers/update-adset.ts";
import { deleteCampaign, updateCampaign } from "./handlers/update-campaign.ts";
import { deleteCreative, updateCreative } from "./handlers/update-creative.ts";
import type { MetaStore } from "./meta-store.ts";
import type { MetaAdAccount, MetaNode } from "./meta-types.ts";
import { appUsageHeader, bucUsageHeader } from "./usage-headers.ts";

export interface MetaDeps {
  store: MetaStore;
  ledger: Ledger;
  faults: FaultBook;
  usage: UsageMeter;
  /** Per-account call rates; an account without one is not metered. */
  metering?: CallMeter;
  /** Meta's ad set budget change limit (4 per ad set per hour unless the control API set another). */
  budgetChanges?: BudgetChangeMeter;
  log: Logger;
  /** Called after every applied mutation (persistence hooks in here). */
  onMutation: () => void;
  now?: () => Date;
}

export interface GraphReply {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

const APP_USAGE_KEY = "app";

/**
 * One Graph call from start to answer, in Meta's order: latency fault → token → target account
 * → throttle / 5xx faults → handler → ledger → lost-response fault. Every failure is rendered in
 * Meta's error envelope; nothing here throws.
 */
export async function handleGraphRequest(req: GraphRequest, deps: MetaDeps): Promise<GraphReply> {
  const fbtraceId = newFbtraceId();
  const headers: Record<string, string> = { "x-fb-trace-id": fbtraceId, "facebook-api-version": req.version };
  let account: MetaAdAccount | undefined;
  try {
    const route = matchGraphRoute(req.segments);
    const target = resolveTarget(route, deps.store);
    const tokenAccount = req.token === undefined ? undefined : deps.store.accountByToken(req.token, target.account?.id);
    const faultAccount = target.account ?? tokenAccount;
    if (faultAccount !== undefined) {
      const latency = deps.faults.latencyMs("meta", actId(faultAccount));
      if (latency > 0) await sleep(latency);
    }
    account = authorize(req, route, target.account, tokenAccount, deps.faults);
    const write = req.method !== "GET";
    const now = (deps.now ?? (() => new Date()))();
    deps.usage.record(account.id, write ? 3 : 1, now.getTime());
    deps.usage.record(APP_USAGE_KEY, write ? 3 : 1, now.getTime());

    const pre = deps.faults.takeBeforeHandling("meta", actId(account));
    if (pre?.kind === "throttle") {
      const reading = { callCount: 100, totalCputime: 100, totalTime: 100 };
      throw throttled(pre.code, bucUsageHeader(account.id, reading, pre.regainMinutes));
    }
    if (pre?.kind === "fail5xx") throw transientError();
    const metered = deps.metering?.take("meta", actId(account), now.getTime());
    if (metered?.ok === false) {
      throw throttled(metered.metaCode, bucUsageHeader(account.id, { callCount: 100, totalCputime: 100, totalTime: 100 }, meteredRegainMinutes(metered.retryAfterMs)));
    }

    const ctx: GraphContext = { req, account, store: deps.store, now, ...(target.node ? { node: target.node } : {}), ...(deps.budgetChanges ? { budgetChanges: deps.budgetChanges } : {}) };
    const result = dispatch(route, req.method, ctx);
    if (result.mutation !== undefined) {
      deps.ledger.append({ platform: "meta", account: actId(account), method: req.method, path: req.path, ...result.mutation }, now);
      deps.onMutation();
      if (deps.faults.takeAfterApply("meta", actId(account))) throw transientError();
    }
    Object.assign(headers, usageHeaders(deps, account, now.getTime()));
    return { status: 200, body: result.body, headers };
  } catch (err) {
    const graphErr = err instanceof GraphError ? err : logged(deps.log, err);
    if (account !== undefined) Object.assign(headers, usageHeaders(deps, account, Date.now()));
    Object.assign(headers, graphErr.headers);
    if (graphErr.code === 190) headers["www-authenticate"] = `OAuth "Facebook Platform" "invalid_token" "${graphErr.message}"`;
    const suppress = req.params.suppress_http_code === "1" || req.params.suppress_http_code === 1;
    return { status: suppress ? 200 : graphErr.status, body: graphErr.toBody(fbtraceId), headers };
  }
}

export function actId(a: MetaAdAccount): string {
  return `act_${a.id}`;
}

function resolveTarget(route: GraphRoute, store: MetaStore): { account?: MetaAdAccount; node?: MetaNode } {
  if (route.kind === "adAccount" || route.kind === "adAccountEdge") {
    const account = store.account(route.accountId);
    return account ? { account } : {};
  }
  const node = store.node(route.id);
  const account = node === undefined ? undefined : store.account(nodeAccountId(node));
  return node && account ? { account, node } : {};
}

function nodeAccountId(node: MetaNode): string {
  switch (node.type) {
    case "campaign": return node.campaign.accountId;
    case "adSet": return node.adSet.accountId;
    case "ad": return node.ad.accountId;
    case "creative": return node.creative.accountId;
  }
}

/** A token acts only on its own account; any other object looks the same as one that does not exist. */
function authorize(
  req: GraphRequest,
  route: GraphRoute,
  target: MetaAdAccount | undefined,
  tokenAccount: MetaAdAccount | undefined,
  faults: FaultBook,
): MetaAdAccount {
  if (req.token === undefined) throw missingToken();
  if (tokenAccount === undefined) throw invalidToken();
  if (faults.expiredToken("meta", actId(tokenAccount))) throw expiredToken();
  if (target === undefined || target.id !== tokenAccount.id) throw unknownObject(route.label, req.method);
  return target;
}

type Handler = (ctx: GraphContext) => GraphResult;

/** `<route or node type> <edge?> <method>` → handler. Anything not listed is refused below. */
const HANDLERS: Readonly<Record<string, Handler>> = {
  "adAccount GET": readAdAccount,
  "adAccount campaigns GET": listCampaigns,
  "adAccount campaigns POST": createCampaign,
  "adAccount adsets GET": listAdSets,
  "adAccount adsets POST": createAdSet,
  "adAccount ads GET": listAds,
  "adAccount ads POST": createAd,
  "adAccount adcreatives GET": listCreatives,
  "adAccount adcreatives POST": createCreative,
  "campaign GET": readCampaign,
  "campaign POST": updateCampaign,
  "campaign DELETE": deleteCampaign,
  "campaign adsets GET": listAdSets,
  "campaign ads GET": listAds,
  "adSet GET": readAdSet,
  "adSet POST": updateAdSet,
  "adSet DELETE": deleteAdSet,
  "adSet ads GET": listAds,
  "ad GET": readAd,
  "ad POST": updateAd,
  "ad DELETE": deleteAd,
  "creative GET": readCreative,
  "creative POST": updateCreative,
  "creative DELETE": deleteCreative,
};

function dispatch(route: GraphRoute, method: GraphRequest["method"], ctx: GraphContext): GraphResult {
  const subject = route.kind === "adAccount" || route.kind === "adAccountEdge" ? "adAccount" : ctx.node?.type;
  const edge = route.kind === "adAccountEdge" || route.kind === "nodeEdge" ? ` ${route.edge}` : "";
  const handler = HANDLERS[`${subject}${edge} ${method}`];
  if (handler !== undefined) return handler(ctx);
  // An edge the node type does not have is an unknown path; a verb the node or edge does not take is
  // Meta's "Unsupported <verb> request".
  if (route.kind === "nodeEdge" && !Object.keys(HANDLERS).some((k) => k.startsWith(`${subject}${edge} `))) throw unknownPath(`/${route.edge}`);
  throw unknownObject(route.label, method);
}

function usageHeaders(deps: MetaDeps, account: MetaAdAccount, nowMs: number): Record<string, string> {
  return {
    "x-app-usage": appUsageHeader(deps.usage.read(APP_USAGE_KEY, nowMs)),
    "x-business-use-case-usage": bucUsageHeader(account.id, meteredReading(deps, account, nowMs) ?? deps.usage.read(account.id, nowMs), 0),
  };
}

function logged(log: Logger, err: unknown): GraphError {
  log.error({ err }, "sandbox bug while handling a Graph request");
  return unknownError();
}

/** A metered account's usage header reads its share of the metered rate. */
function meteredReading(deps: MetaDeps, account: MetaAdAccount, nowMs: number) {
  const pct = deps.metering?.usagePct("meta", actId(account), nowMs);
  return pct === undefined ? undefined : { callCount: pct, totalCputime: Math.floor(pct / 2), totalTime: Math.floor(pct / 2) };
}
