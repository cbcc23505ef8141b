import { describe, expect, it } from "vitest";
import { newId } from "@layers/contracts";
import { useHarness } from "./test-support/use-harness.ts";

/**
 * Issue 15 §4: a parent's `all_children` endpoint (the firehose) receives every direct child's
 * events beside its own, each attributable by `data.organizationId`; a child's endpoints get only
 * the child's events; nothing crosses between siblings or to a stranger.
 */
describe("webhooks: the sub-organization firehose", () => {
  const ctx = useHarness();
  const { newOrg, receiver } = ctx;

  async function childOf(parent: string): Promise<string> {
    const id = newId("organization");
    await ctx.h.env.db.insertInto("organizations").values({ id, name: `child ${id}`, parent_id: parent }).execute();
    return id;
  }

  it("the parent's firehose gets its own and every direct child's events, attributed; own-scope endpoints and children get only their own", async () => {
    const parent = await newOrg();
    const stranger = await newOrg();
    const [c1, c2, sc] = [await childOf(parent), await childOf(parent), await childOf(stranger)];
    const rx = await receiver();
    const ep = {
      parentOwn: await ctx.h.endpoint(parent, `${rx.url}?parentOwn`),
      firehose: await ctx.h.endpoint(parent, `${rx.url}?firehose`, { scope: "all_children" }),
      filtered: await ctx.h.endpoint(parent, `${rx.url}?filtered`, { scope: "all_children", events: ["ads.write.denied"] }),
      c1: await ctx.h.endpoint(c1, `${rx.url}?c1`),
      c2: await ctx.h.endpoint(c2, `${rx.url}?c2`),
      // A child's own "all_children" endpoint has no children: it gets the child's events only.
      c2Firehose: await ctx.h.endpoint(c2, `${rx.url}?c2Firehose`, { scope: "all_children" }),
      strangerFirehose: await ctx.h.endpoint(stranger, `${rx.url}?strangerFirehose`, { scope: "all_children" }),
    };
    rx.secrets = Object.values(ep).map((e) => e.secret);
    await ctx.h.start();
    const events = {
      parent: ctx.h.event(parent, "ads.write.executed"),
      c1: ctx.h.event(c1, "ads.write.executed"),
      c1Denied: ctx.h.event(c1, "ads.write.denied"),
      c2: ctx.h.event(c2, "ads.write.executed"),
      sc: ctx.h.event(sc, "ads.write.executed"),
    };
    for (const e of Object.values(events)) await ctx.h.publish(e);

    const expected: Record<keyof typeof ep, Array<keyof typeof events>> = {
      parentOwn: ["parent"],
      firehose: ["parent", "c1", "c1Denied", "c2"],
      filtered: ["c1Denied"],
      c1: ["c1", "c1Denied"],
      c2: ["c2"],
      c2Firehose: ["c2"],
      strangerFirehose: ["sc"],
    };
    for (const [name, want] of Object.entries(expected) as Array<[keyof typeof ep, Array<keyof typeof events>]>) {
      const rows = await ctx.h.waitForDeliveries(ep[name].id, want.length, ["succeeded"]);
      expect(new Set(rows.map((r) => r.event_id)), name).toEqual(new Set(want.map((k) => events[k].id)));
      // A delivery belongs to its endpoint's org: firehose deliveries are the parent's, never the child's.
      expect(rows.every((r) => r.organization_id === ep[name].organizationId), name).toBe(true);
    }
    // What the firehose receiver got says whose each event is.
    const firehoseBodies = rx.received.filter((r) => r.path.endsWith("?firehose")).map((r) => JSON.parse(r.body) as { id: string; data: { organizationId: string } });
    expect(firehoseBodies).toHaveLength(4);
    const orgOf = Object.fromEntries(Object.values(events).map((e) => [e.id, e.data.organizationId]));
    for (const b of firehoseBodies) expect(b.data.organizationId).toBe(orgOf[b.id]);
    expect(new Set(firehoseBodies.map((b) => b.data.organizationId))).toEqual(new Set([parent, c1, c2]));
    // Nothing more arrives anywhere (siblings and strangers included).
    await new Promise((r) => setTimeout(r, 300));
    const total = Object.values(expected).reduce((n, v) => n + v.length, 0);
    expect(rx.received).toHaveLength(total);
    await ctx.h.retire(c1);
    await ctx.h.retire(c2);
    await ctx.h.retire(sc);
  });
});
