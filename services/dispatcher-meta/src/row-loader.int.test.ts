import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId, newLayerId, NEW_LAYER_CEILING } from "@layers/contracts";
import { createRowLoader, loadWriteRows, type LoadRef } from "@layers/dispatch-core";
import { json } from "@layers/db";
import { createTestEnv, type TestEnv } from "@layers/testkit";
import { META } from "./meta-adapter.ts";

/**
 * `ctx.loadRows`: the campaign loads of the writes prepared at once share one statement, and every
 * answer — rows or error — is the one `loadWriteRows` gives alone.
 */
let env: TestEnv;
let layer: string;
let otherLayer: string;
let metaAccount: string;
let tiktokAccount: string;
beforeAll(async () => {
  env = await createTestEnv();
  const org = newId("organization");
  await env.db.insertInto("organizations").values({ id: org, name: "Partner" }).execute();
  // One Meta layer per project: the other layer is another customer's.
  [layer, otherLayer] = [newLayerId(), newLayerId()];
  let project = "";
  for (const id of [otherLayer, layer]) {
    project = randomUUID();
    await env.db.insertInto("projects").values({ id: project, organization_id: org, name: "Customer" }).execute();
    await env.db
      .insertInto("layers")
      .values({ id, project_id: project, platform: "meta", currency: "USD", defaults: json({ creative: "auto", tactical: "auto", structural: "auto" }), ceiling: json(NEW_LAYER_CEILING), partner_writes_enabled: true })
      .execute();
  }
  metaAccount = newId("adAccount");
  tiktokAccount = newId("adAccount");
  await env.db
    .insertInto("ad_accounts")
    .values([
      { id: metaAccount, project_id: project, layer_id: layer, platform: "meta", platform_account_id: "act_1", name: "Meta", currency: "USD", access_token_enc: "x" },
      { id: tiktokAccount, project_id: project, layer_id: layer, platform: "tiktok", platform_account_id: "2", name: "TikTok", currency: "USD", access_token_enc: "x" },
    ])
    .execute();
});
afterAll(async () => env.cleanup());

let platformIds = 100;
async function campaign(layerId: string, adAccountId: string): Promise<string> {
  const id = newId("campaign");
  await env.db
    .insertInto("campaigns")
    .values({ id, project_id: (await env.db.selectFrom("layers").select("project_id").where("id", "=", layerId).executeTakeFirstOrThrow()).project_id, layer_id: layerId, ad_account_id: adAccountId, platform: "meta", platform_campaign_id: String(++platformIds), name: "C", outcome: null, objective: "OUTCOME_TRAFFIC", status: "active", daily_budget_cents: 1_000, authority: null, origin: "layers" })
    .execute();
  return id;
}

/** The answer as data: rows, or the error's code. */
const settle = (p: Promise<unknown>) => p.then((value) => ({ value }), (err: { code?: string }) => ({ error: err.code }));

describe("createRowLoader", () => {
  it("answers a mixed burst exactly as loadWriteRows answers each load alone", async () => {
    const ok = await campaign(layer, metaAccount);
    const ok2 = await campaign(layer, metaAccount);
    const elsewhere = await campaign(otherLayer, metaAccount);
    const onTiktok = await campaign(layer, tiktokAccount);
    const loads: Array<{ ref: LoadRef; layerId: string }> = [
      { ref: { entity: { kind: "campaign", id: ok } }, layerId: layer },
      { ref: { entity: { kind: "campaign", id: elsewhere } }, layerId: layer },
      { ref: { entity: { kind: "campaign", id: newId("campaign") } }, layerId: layer },
      { ref: { entity: { kind: "campaign", id: onTiktok } }, layerId: layer },
      { ref: { adAccountId: metaAccount }, layerId: layer },
      { ref: { entity: { kind: "adset", id: newId("adSet") } }, layerId: layer },
      { ref: { entity: { kind: "campaign", id: ok2 } }, layerId: layer },
      { ref: { entity: { kind: "campaign", id: ok } }, layerId: layer },
    ];
    const loadRows = createRowLoader({ db: env.db, platform: META, maxBatch: 64, maxInFlight: 1 });
    const batched = await Promise.all(loads.map((l) => settle(loadRows(l.ref, l.layerId))));
    const alone = await Promise.all(loads.map((l) => settle(loadWriteRows(env.db, META, l.ref, l.layerId))));
    expect(batched).toEqual(alone);
    // The burst holds each kind of answer: found, and refused by name.
    expect(batched.map((b) => ("error" in b ? b.error : "ok"))).toEqual(["ok", "campaign_not_found", "campaign_not_found", "ad_account_not_found", "ok", "entity_not_found", "ok", "ok"]);
  });
});
