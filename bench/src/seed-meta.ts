import { randomUUID } from "node:crypto";
import { dispatchSchema, newId, newLayerId, NEW_LAYER_CEILING, type Dispatch, type WriteIntent } from "@layers/contracts";
import { json, type Db } from "@layers/db";
import { childTraceparent, createLogger, DEV_TOKEN_KEY, hopHeaders, sealToken } from "@layers/runtime";
import { createSandboxClient, startSandbox, type SandboxClient } from "@layers/sandbox";
import { createBenchDatabase, type BenchDatabase, type BenchNamespace, type Cleanup } from "./env.ts";

/** Every axis on `auto`: the benchmarks measure the write path, not the approval queue. */
export const AUTO = { creative: "auto", tactical: "auto", structural: "auto" } as const;

/** A sandbox Meta ad account with its Layers project, layer, connected account and campaigns. */
export interface SeededMetaAccount {
  projectId: string;
  layerId: string;
  adAccountId: string;
  /** The sandbox account's `act_…` id (what its metering and ledger are keyed by). */
  actId: string;
  campaignIds: string[];
  platformCampaignIds: string[];
}

/** A sandbox ad account with `n` campaigns and the Layers rows a dispatcher needs to write to them. */
export async function seedMetaAccount(db: Db, sbx: SandboxClient, organizationId: string, n: number): Promise<SeededMetaAccount> {
  const acct = await sbx.createMetaAdAccount({
    name: "Bench account",
    campaigns: Array.from({ length: n }, (_, i) => ({ name: `Bench ${i}`, objective: "OUTCOME_TRAFFIC" as const, status: "ACTIVE" as const, daily_budget: 1_000 })),
  });
  const projectId = randomUUID();
  const layerId = newLayerId();
  const adAccountId = newId("adAccount");
  await db.insertInto("projects").values({ id: projectId, organization_id: organizationId, name: "Bench customer" }).execute();
  await db
    .insertInto("layers")
    .values({ id: layerId, project_id: projectId, platform: "meta", currency: "USD", defaults: json(AUTO), ceiling: json(NEW_LAYER_CEILING), partner_writes_enabled: true })
    .execute();
  await db
    .insertInto("ad_accounts")
    .values({ id: adAccountId, project_id: projectId, layer_id: layerId, platform: "meta", platform_account_id: acct.platformAccountId, name: acct.name, currency: "USD", access_token_enc: sealToken(acct.accessToken, DEV_TOKEN_KEY) })
    .execute();
  const campaignIds = acct.campaigns.map(() => newId("campaign"));
  for (let start = 0; start < n; start += 500) {
    await db
      .insertInto("campaigns")
      .values(
        acct.campaigns.slice(start, start + 500).map((pc, k) => ({
          id: campaignIds[start + k]!, project_id: projectId, layer_id: layerId, ad_account_id: adAccountId, platform: "meta", platform_campaign_id: pc.id, name: pc.name,
          outcome: null, objective: "OUTCOME_TRAFFIC", status: "active", daily_budget_cents: 1_000, authority: null, origin: "platform" as const,
        })),
      )
      .execute();
  }
  return { projectId, layerId, adAccountId, actId: acct.accountId, campaignIds, platformCampaignIds: acct.campaigns.map((c) => c.id) };
}

/**
 * Allowed `update_budget` writes as the gate leaves them (job running, intent `allowed`, its
 * dispatch stored), in chunks of 500; returns their dispatch messages, in order.
 */
export async function insertAllowedWrites(db: Db, organizationId: string, a: SeededMetaAccount, list: ReadonlyArray<{ campaignId: string; seq: number; cents: number }>): Promise<Dispatch[]> {
  const out: Dispatch[] = [];
  for (let start = 0; start < list.length; start += 500) {
    const now = new Date();
    const jobs = [];
    const intents = [];
    for (const w of list.slice(start, start + 500)) {
      const intentId = newId("intent");
      const jobId = newId("job");
      const verdictId = randomUUID();
      const requestId = `bench-${randomUUID()}`;
      const params = { campaignId: w.campaignId, dailyBudgetCents: w.cents };
      const entityKey = `campaign:${w.campaignId}`;
      const intent: WriteIntent = {
        intentId, jobId, organizationId, projectId: a.projectId, layerId: a.layerId, platform: "meta", operation: "update_budget", entityKey, entitySeq: w.seq, params,
        actor: { type: "partner", organizationId, apiKeyId: "bench" }, source: "api", requestId, acceptedAt: now.toISOString(),
      };
      const dispatch: Dispatch = { intentId, jobId, verdictId, organizationId, projectId: a.projectId, layerId: a.layerId, platform: "meta", operation: "update_budget", entityKey, entitySeq: w.seq, params, currency: "USD", adAccountId: a.adAccountId, requestId };
      jobs.push({ id: jobId, organization_id: organizationId, project_id: a.projectId, kind: "ads.update_budget", status: "running" as const, intent_id: intentId, verdict_id: verdictId, decision: "allow", created_at: now, updated_at: now });
      intents.push({
        id: intentId, job_id: jobId, organization_id: organizationId, project_id: a.projectId, layer_id: a.layerId, platform: "meta", operation: "update_budget",
        entity_key: entityKey, entity_seq: w.seq, payload: json(intent), request_id: requestId, traceparent: childTraceparent(), reply_to: null,
        state: "allowed" as const, verdict_id: verdictId, accepted_at: now, decided_at: now, dispatch: JSON.stringify(dispatch),
      });
      out.push(dispatch);
    }
    await db.insertInto("jobs").values(jobs).execute();
    await db.insertInto("write_intents").values(intents).execute();
  }
  return out;
}

/**
 * One sandbox account with `n` campaigns and, for each campaign, an allowed `update_budget` (budgets
 * varying) — the rows gateway and gate leave for the dispatcher. P2, P4 and P6 drain these.
 */
export async function seedAllowedWrites(db: Db, sbx: SandboxClient, organizationId: string, n: number): Promise<{ layerId: string; actId: string; dispatches: Dispatch[] }> {
  const a = await seedMetaAccount(db, sbx, organizationId, n);
  const dispatches = await insertAllowedWrites(db, organizationId, a, a.campaignIds.map((campaignId, k) => ({ campaignId, seq: 1, cents: 2_000 + (k % 97) * 10 })));
  // The same contract the gate's publishes satisfy.
  if (dispatches.length > 0) dispatchSchema.parse(dispatches[0]);
  return { layerId: a.layerId, actId: a.actId, dispatches };
}

/** Publishes like the gate (msgID = intent id, hop headers), in windows of 500 awaited PubAcks. */
export async function publishDispatches(ns: BenchNamespace, dispatches: readonly Dispatch[]): Promise<void> {
  const subject = ns.names.subjects.dispatch("meta");
  for (let i = 0; i < dispatches.length; i += 500) {
    await Promise.all(
      dispatches.slice(i, i + 500).map((d) => ns.nats.js.publish(subject, JSON.stringify(d), { msgID: d.intentId, headers: hopHeaders({ requestId: d.requestId, traceparent: childTraceparent() }) })),
    );
  }
}

/** What the dispatcher benchmarks (P2, P6, P7) start from: their own database, a sandbox in this process, a partner org. */
export interface MetaBenchWorld {
  bdb: BenchDatabase;
  sandbox: { url: string };
  sbx: SandboxClient;
  orgId: string;
}

/** Makes the world; `cleanup` removes it (the sandbox stops, the database is dropped). */
export async function startMetaBenchWorld(id: string, cleanup: Cleanup): Promise<MetaBenchWorld> {
  const bdb = await createBenchDatabase(id);
  cleanup.add("database", () => bdb.drop());
  // In the bench process: it is otherwise idle while the dispatchers run as their own processes.
  const sandbox = await startSandbox({ port: 0, usageMaxScore: 1_000_000_000, log: createLogger({ service: "sandbox", level: "silent" }) });
  cleanup.add("sandbox", () => sandbox.stop());
  const orgId = newId("organization");
  await bdb.db.insertInto("organizations").values({ id: orgId, name: "Bench partner" }).execute();
  return { bdb, sandbox, sbx: createSandboxClient(sandbox.url), orgId };
}
