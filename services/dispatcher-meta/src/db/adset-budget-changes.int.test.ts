import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestEnv, type TestEnv } from "@layers/testkit";
import { blockBudgetChanges, reserveBudgetChange } from "./adset-budget-changes.repository.ts";

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => env.cleanup());

const RULE = { changes: 2, windowMs: 400 };

describe("meta_adset_budget_changes", () => {
  it("reserves up to `changes` per window per ad set, once per intent, and says how long until one frees", async () => {
    expect(await reserveBudgetChange(env.db, "as_a", "int_1", RULE)).toEqual({ ok: true });
    expect(await reserveBudgetChange(env.db, "as_a", "int_2", RULE)).toEqual({ ok: true });
    // The same intent claimed again (a retry) holds its reservation; another ad set has its own.
    expect(await reserveBudgetChange(env.db, "as_a", "int_1", RULE)).toEqual({ ok: true });
    expect(await reserveBudgetChange(env.db, "as_b", "int_9", RULE)).toEqual({ ok: true });
    const full = await reserveBudgetChange(env.db, "as_a", "int_3", RULE);
    expect(full.ok).toBe(false);
    const waitMs = full.ok ? 0 : full.waitMs;
    expect(waitMs).toBeGreaterThan(0);
    expect(waitMs).toBeLessThanOrEqual(RULE.windowMs);
    await sleep(waitMs + 20);
    expect(await reserveBudgetChange(env.db, "as_a", "int_3", RULE)).toEqual({ ok: true });
    const rows = await env.db.selectFrom("meta_adset_budget_changes").select("intent_id").where("ad_set_id", "=", "as_a").execute();
    // The reservation that left the window is gone; the new one is held.
    expect(rows.map((r) => r.intent_id)).toContain("int_3");
    expect(rows.map((r) => r.intent_id)).not.toContain("int_1");
  });

  it("a block fills the window from now and drops the refused write's own reservation", async () => {
    expect(await reserveBudgetChange(env.db, "as_c", "int_1", RULE)).toEqual({ ok: true });
    await blockBudgetChanges(env.db, "as_c", RULE);
    const refused = await reserveBudgetChange(env.db, "as_c", "int_1", RULE);
    expect(refused.ok).toBe(false);
    await sleep(RULE.windowMs + 20);
    expect(await reserveBudgetChange(env.db, "as_c", "int_1", RULE)).toEqual({ ok: true });
  });
});
