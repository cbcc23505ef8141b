import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateToLatest } from "@layers/db";
import { createTestEnv, type TestEnv } from "./test-env.ts";

describe("test env", () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv();
  });
  afterAll(async () => env.cleanup());

  it("gives each file its own migrated database, and migrating again changes nothing", async () => {
    const tables = await env.db.introspection.getTables();
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(["audit_log", "write_intents", "jobs", "pending_actions"]));
    expect(await migrateToLatest(env.db)).toEqual([]);
  });

  it("gives each file its own NATS namespace with the three streams", async () => {
    const names: string[] = [];
    for await (const s of env.nats.jsm.streams.list()) names.push(s.config.name);
    expect(names).toEqual(expect.arrayContaining([env.names.streams.intents, env.names.streams.dispatch, env.names.streams.events]));
    const ack = await env.nats.js.publish(env.names.subjects.intent("meta"), "{}", { msgID: "x1" });
    const again = await env.nats.js.publish(env.names.subjects.intent("meta"), "{}", { msgID: "x1" });
    expect(ack.stream).toBe(env.names.streams.intents);
    expect(again.duplicate).toBe(true);
  });
});
