import { randomUUID } from "node:crypto";
import { afterAll, beforeAll } from "vitest";
import { newId, newLayerId, type Axis, type Operation, type Platform, type WriteIntent } from "@layers/contracts";
import { json } from "@layers/db";
import { createTestEnv, type TestEnv } from "@layers/testkit";
import { acceptWrite } from "../accept.ts";
import { storeDecision } from "../decision.ts";

/** What a lifecycle test writes: one write on an entity's order (default: pause a campaign). */
export interface FixtureWrite {
  operation?: Operation;
  params?: Record<string, unknown>;
  platform?: Platform;
}

/**
 * One test file's database with an organization, a project and a layer id, and the two moves
 * most lifecycle tests start from: accept a write, and let the gate allow it. Registers its own
 * beforeAll / afterAll; read the fields inside tests (they are set once beforeAll ran).
 */
export function useLifecycleFixture() {
  const f = {
    env: undefined as unknown as TestEnv,
    org: "",
    project: "",
    layer: "",
    /** Stores `entity`'s write as accepted (the gate has not decided it). */
    async accepted(entity: string, w: FixtureWrite = {}): Promise<WriteIntent> {
      return acceptWrite(f.env.db, {
        intent: {
          organizationId: f.org,
          projectId: f.project,
          layerId: f.layer,
          platform: w.platform ?? "meta",
          operation: w.operation ?? "pause_campaign",
          entityKey: `campaign:${entity}`,
          params: w.params ?? { campaignId: entity },
          actor: { type: "partner", organizationId: f.org },
          source: "api",
          requestId: `req-${randomUUID()}`,
        },
        traceparent: "",
        replyTo: null,
      });
    },
    /** The gate's `allow` verdict on `i`, with its audit row and stored dispatch (carrying the write's ad account when given). */
    async allow(i: WriteIntent, axis: Axis = "structural", opts: { adAccountId?: string } = {}): Promise<void> {
      const verdictId = randomUUID();
      await storeDecision(f.env.db, {
        move: "allow",
        audit: { id: verdictId, organization_id: f.org, project_id: f.project, layer_id: f.layer, platform: i.platform, actor_type: "partner", operation: i.operation, axis, decision: "allow", intent_id: i.intentId, entity_key: i.entityKey, intent: json(i) },
        intentId: i.intentId,
        jobId: i.jobId,
        at: new Date(),
        pendingActionId: null,
        dispatch: { ...i, verdictId, currency: "USD", ...(opts.adAccountId ? { adAccountId: opts.adAccountId } : {}) } as never,
        events: [],
        entityKey: i.entityKey,
        entitySeq: i.entitySeq,
      });
    },
  };
  beforeAll(async () => {
    f.env = await createTestEnv();
    f.org = newId("organization");
    f.project = randomUUID();
    f.layer = newLayerId();
    await f.env.db.insertInto("organizations").values({ id: f.org, name: "Partner" }).execute();
    await f.env.db.insertInto("projects").values({ id: f.project, organization_id: f.org, name: "Customer" }).execute();
  });
  afterAll(async () => f.env?.cleanup());
  return f;
}
