import { afterEach, describe, expect, it } from "vitest";
import { createRateCounter, type RateCounter, type RateDelta } from "./rate-counter.ts";

/** The shared windows table, in memory: adds deltas and answers totals, one call per "statement". */
function sharedStore() {
  const rows = new Map<string, number>();
  const calls: RateDelta[][] = [];
  let failNext = false;
  return {
    rows,
    calls,
    failOnce() {
      failNext = true;
    },
    flush: async (deltas: readonly RateDelta[]) => {
      if (failNext) {
        failNext = false;
        throw new Error("database unavailable");
      }
      calls.push([...deltas]);
      return deltas.map((d) => {
        const k = `${d.partitionKey}|${d.policy}|${d.windowStart}`;
        const n = (rows.get(k) ?? 0) + d.delta;
        rows.set(k, n);
        return n;
      });
    },
  };
}

const W = 1_800_000_000_000;

describe("rate counter (local counts, batched flushes)", () => {
  const counters: RateCounter[] = [];
  const counter = (store: ReturnType<typeof sharedStore>, now = () => W + 1_000) => {
    const c = createRateCounter({ flush: store.flush, flushEveryMs: 60_000, staleAfterMs: 500, now });
    counters.push(c);
    return c;
  };
  afterEach(async () => {
    for (const c of counters.splice(0)) await c.stop();
  });

  it("the first request of a window waits for one flush and gets the shared total; later ones far from the quota are answered from memory", async () => {
    const store = sharedStore();
    store.rows.set(`key:a|write|${W}`, 40); // other gateways already counted 40
    const c = counter(store);
    expect(await c.count("key:a", "write", W, 10_000)).toBe(41);
    expect(store.calls).toHaveLength(1);
    const answers = await Promise.all(Array.from({ length: 50 }, () => c.count("key:a", "write", W, 10_000)));
    expect(answers).toEqual(Array.from({ length: 50 }, (_, i) => 42 + i));
    expect(store.calls).toHaveLength(1); // no statement for those 50
    await c.flushNow();
    expect(store.calls).toHaveLength(2);
    expect(store.calls[1]).toEqual([{ partitionKey: "key:a", policy: "write", windowStart: W, delta: 50 }]);
    expect(store.rows.get(`key:a|write|${W}`)).toBe(91);
  });

  it("one flush carries every key and class that counted since the last", async () => {
    const store = sharedStore();
    const c = counter(store);
    await Promise.all([c.count("key:a", "read", W, 1000), c.count("key:b", "read", W, 1000), c.count("key:a", "write", W, 1000)]);
    expect(store.calls).toHaveLength(1);
    expect(store.calls[0]).toHaveLength(3);
  });

  it("near the quota requests wait for the shared total and get exact positions, so two gateways never admit more than the quota there", async () => {
    const store = sharedStore();
    const a = counter(store);
    const b = counter(store);
    expect(await a.count("key:q", "write", W, 3)).toBe(1); // cold: exact
    expect(await a.count("key:q", "write", W, 3)).toBe(2); // 10 % of 2 left rounds to 0: waits
    expect(await a.count("key:q", "write", W, 3)).toBe(3);
    expect(store.calls).toHaveLength(3);
    expect(store.rows.get(`key:q|write|${W}`)).toBe(3);
    expect(await b.count("key:q", "write", W, 3)).toBe(4); // the other gateway sees all of them
    // Concurrent waiters on one gateway share one statement and keep their order.
    const c = counter(store);
    const both = await Promise.all([c.count("key:r", "write", W, 2), c.count("key:r", "write", W, 2)]);
    expect(both).toEqual([1, 2]);
  });

  it("between flushes a gateway admits from memory at most its share of the remaining quota; the rest wait", async () => {
    const store = sharedStore();
    const c = counter(store);
    expect(await c.count("key:l", "write", W, 101)).toBe(1); // cold; 100 left → 10 from memory
    const answers = Array.from({ length: 15 }, () => c.count("key:l", "write", W, 101));
    expect(store.calls).toHaveLength(1); // the ten did not wait; the five past the share asked for a flush
    expect(await Promise.all(answers)).toEqual(Array.from({ length: 15 }, (_, i) => 2 + i));
    expect(store.calls).toHaveLength(2);
    expect(store.rows.get(`key:l|write|${W}`)).toBe(16);
  });

  it("two gateways bursting at one key exceed its quota by at most their local shares", async () => {
    const store = sharedStore();
    const gws = [counter(store), counter(store)];
    const quota = 100;
    let admitted = 0;
    for (const g of gws) if ((await g.count("key:b", "write", W, quota)) <= quota) admitted++;
    // Both burst 200 requests at once, without any timer flush in between.
    const all = await Promise.all(gws.flatMap((g) => Array.from({ length: 200 }, () => g.count("key:b", "write", W, quota))));
    admitted += all.filter((n) => n <= quota).length;
    expect(admitted).toBeGreaterThanOrEqual(quota);
    expect(admitted).toBeLessThanOrEqual(quota + 2 * 0.1 * quota);
  });

  it("once the known total is over the quota a request is refused from memory (counts never go down in a window)", async () => {
    const store = sharedStore();
    store.rows.set(`key:x|write|${W}`, 10);
    const c = counter(store);
    expect(await c.count("key:x", "write", W, 3)).toBe(11);
    const calls = store.calls.length;
    expect(await c.count("key:x", "write", W, 3)).toBe(12);
    expect(store.calls.length).toBe(calls);
  });

  it("a window not flushed for a while is not trusted: the next request waits for the shared total", async () => {
    const store = sharedStore();
    let now = W + 1_000;
    const c = counter(store, () => now);
    expect(await c.count("key:s", "read", W, 1000)).toBe(1);
    store.rows.set(`key:s|read|${W}`, 900); // meanwhile other gateways counted a lot
    now += 501;
    expect(await c.count("key:s", "read", W, 1000)).toBe(901);
  });

  it("a failed flush fails the waiting requests and keeps their counts for the next flush", async () => {
    const store = sharedStore();
    const c = counter(store);
    store.failOnce();
    await expect(c.count("key:f", "write", W, 100)).rejects.toThrow("database unavailable");
    expect(await c.count("key:f", "write", W, 100)).toBe(2);
    expect(store.rows.get(`key:f|write|${W}`)).toBe(2);
  });

  it("stop sends what is still counted locally", async () => {
    const store = sharedStore();
    const c = createRateCounter({ flush: store.flush, flushEveryMs: 60_000, now: () => W });
    await c.count("key:z", "read", W, 1000);
    await c.count("key:z", "read", W, 1000);
    await c.stop();
    expect(store.rows.get(`key:z|read|${W}`)).toBe(2);
  });
});
