import { describe, expect, it } from "vitest";
import { BoundedCache } from "./bounded-cache.ts";

describe("BoundedCache", () => {
  it("an entry is served until its TTL and is a miss from then on", () => {
    let now = 1_000;
    const c = new BoundedCache<string, number>({ maxEntries: 10, ttlMs: 100, now: () => now });
    c.set("a", 1);
    now += 99;
    expect(c.get("a")).toBe(1);
    now += 1;
    expect(c.get("a")).toBeUndefined();
    expect(c.size).toBe(0);
  });

  it("keeps at most maxEntries, dropping the least recently used first", () => {
    const c = new BoundedCache<string, number>({ maxEntries: 2, ttlMs: 1_000, now: () => 0 });
    c.set("a", 1);
    c.set("b", 2);
    expect(c.get("a")).toBe(1); // a is now the most recently used
    c.set("c", 3);
    expect(c.size).toBe(2);
    expect(c.get("b")).toBeUndefined();
    expect(c.get("a")).toBe(1);
    expect(c.get("c")).toBe(3);
  });

  it("delete and clear drop entries; null is a value, not a miss", () => {
    const c = new BoundedCache<string, number | null>({ maxEntries: 5, ttlMs: 1_000, now: () => 0 });
    c.set("a", 1);
    c.set("none", null);
    expect(c.get("none")).toBeNull();
    c.delete("a");
    expect(c.get("a")).toBeUndefined();
    c.clear();
    expect(c.size).toBe(0);
  });

  it("refuses a size that cannot hold anything", () => {
    expect(() => new BoundedCache({ maxEntries: 0, ttlMs: 1 })).toThrow(RangeError);
  });
});
