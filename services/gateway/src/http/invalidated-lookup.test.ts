import { describe, expect, it } from "vitest";
import { createInvalidatedLookup } from "./invalidated-lookup.ts";

/** A row store whose reads can be held open, and a controllable invalidation channel. */
function world() {
  const rows = new Map<string, string>();
  let reads = 0;
  let hold: Promise<void> | null = null;
  const channel = { up: true, epoch: 0 };
  const load = async (id: string) => {
    reads++;
    const value = rows.get(id) ?? null; // read at the start, like a snapshot
    if (hold) await hold;
    return value;
  };
  return {
    rows,
    channel,
    reads: () => reads,
    holdReads() {
      let release!: () => void;
      hold = new Promise<void>((r) => (release = r));
      return () => {
        hold = null;
        release();
      };
    },
    lookup: (negativeTtlMs = 0) =>
      createInvalidatedLookup(load, { healthy: () => channel.up, epoch: () => channel.epoch }, { ttlMs: 60_000, negativeTtlMs, maxEntries: 100 }),
  };
}

describe("invalidated lookup", () => {
  it("serves from memory after the first read, until invalidated", async () => {
    const w = world();
    const l = w.lookup();
    w.rows.set("a", "v1");
    expect(await l.find("a")).toBe("v1");
    w.rows.set("a", "v2");
    expect(await l.find("a")).toBe("v1");
    expect(w.reads()).toBe(1);
    l.invalidate("a");
    expect(await l.find("a")).toBe("v2");
  });

  it("reads Postgres every time while the channel is down", async () => {
    const w = world();
    const l = w.lookup();
    w.rows.set("a", "v1");
    await l.find("a");
    w.channel.up = false;
    w.rows.set("a", "v2");
    expect(await l.find("a")).toBe("v2");
    expect(await l.find("a")).toBe("v2");
    expect(w.reads()).toBe(3);
  });

  it("a read that overlapped an invalidation answers its caller but is not stored", async () => {
    const w = world();
    const l = w.lookup();
    w.rows.set("a", "active");
    const release = w.holdReads();
    const pending = l.find("a"); // reads "active"…
    w.rows.set("a", "revoked"); // …then the row changes and the notification arrives
    w.channel.epoch++;
    l.invalidate("a");
    release();
    expect(await pending).toBe("active");
    expect(await l.find("a")).toBe("revoked");
  });

  it("concurrent misses share one read; a caller after an invalidation does not join a read that predates it", async () => {
    const w = world();
    const l = w.lookup();
    w.rows.set("a", "v1");
    const release = w.holdReads();
    const first = [l.find("a"), l.find("a")];
    expect(w.reads()).toBe(1);
    w.rows.set("a", "v2");
    w.channel.epoch++;
    l.invalidate("a");
    const after = l.find("a");
    expect(w.reads()).toBe(2);
    release();
    expect(await Promise.all(first)).toEqual(["v1", "v1"]);
    expect(await after).toBe("v2");
  });

  it("remembers misses only when asked to, and forgets one on invalidation", async () => {
    const w = world();
    const plain = w.lookup();
    expect(await plain.find("new")).toBeNull();
    w.rows.set("new", "v");
    expect(await plain.find("new")).toBe("v");

    const negative = w.lookup(5_000);
    expect(await negative.find("later")).toBeNull();
    w.rows.set("later", "v");
    expect(await negative.find("later")).toBeNull();
    negative.invalidate("later");
    expect(await negative.find("later")).toBe("v");
  });
});
