import { describe, expect, it } from "vitest";
import { createGroupCommitter, type BatchAnswer } from "./group-commit.ts";

/** A batch runner whose batches finish only when the test releases them. */
function gated() {
  const batches: number[][] = [];
  const releases: Array<() => void> = [];
  const runBatch = async (items: readonly number[]): Promise<Array<BatchAnswer<string>>> => {
    batches.push([...items]);
    await new Promise<void>((r) => releases.push(r));
    return items.map((i) => ({ ok: `b${i}` }));
  };
  return { batches, releases, runBatch };
}

const tick = () => new Promise((r) => setImmediate(r));

describe("createGroupCommitter", () => {
  it("runs the first item at once and takes everything that arrived meanwhile as the next batch", async () => {
    const g = gated();
    const c = createGroupCommitter({ maxBatch: 10, maxInFlight: 1, runBatch: g.runBatch, runAlone: async (i: number) => `a${i}` });
    const first = c.submit(1);
    await tick();
    expect(g.batches).toEqual([[1]]);
    const rest = [2, 3, 4].map((i) => c.submit(i));
    await tick();
    // Still one batch in flight: the others wait for it.
    expect(g.batches).toEqual([[1]]);
    g.releases[0]!();
    expect(await first).toBe("b1");
    await tick();
    expect(g.batches).toEqual([[1], [2, 3, 4]]);
    g.releases[1]!();
    expect(await Promise.all(rest)).toEqual(["b2", "b3", "b4"]);
  });

  it("never puts more than maxBatch items in one batch", async () => {
    const g = gated();
    const c = createGroupCommitter({ maxBatch: 2, maxInFlight: 1, runBatch: g.runBatch, runAlone: async (i: number) => `a${i}` });
    const all = [1, 2, 3, 4, 5].map((i) => c.submit(i));
    for (let k = 0; k < 3; k++) {
      await tick();
      g.releases[k]!();
    }
    expect(await Promise.all(all)).toEqual(["b1", "b2", "b3", "b4", "b5"]);
    expect(g.batches).toEqual([[1], [2, 3], [4, 5]]);
  });

  it("runs up to maxInFlight batches at once", async () => {
    const g = gated();
    const c = createGroupCommitter({ maxBatch: 10, maxInFlight: 2, runBatch: g.runBatch, runAlone: async (i: number) => `a${i}` });
    const all = [1, 2, 3].map((i) => c.submit(i));
    await tick();
    expect(g.batches).toEqual([[1], [2]]);
    g.releases[0]!();
    g.releases[1]!();
    await tick();
    g.releases[2]!();
    expect(await Promise.all(all)).toEqual(["b1", "b2", "b3"]);
  });

  it("runs the items a batch could not take on their own", async () => {
    const c = createGroupCommitter({
      maxBatch: 10,
      maxInFlight: 1,
      runBatch: async (items: readonly number[]) => items.map((i): BatchAnswer<string> => (i % 2 === 0 ? { alone: true } : { ok: `b${i}` })),
      runAlone: async (i: number) => `a${i}`,
    });
    expect(await Promise.all([1, 2, 3, 4].map((i) => c.submit(i)))).toEqual(["b1", "a2", "b3", "a4"]);
  });

  it("splits a failed batch so only the item that fails alone is rejected", async () => {
    const failures: number[] = [];
    const c = createGroupCommitter({
      maxBatch: 10,
      maxInFlight: 1,
      runBatch: async (items: readonly number[]) => {
        if (items.includes(3)) throw new Error("bad batch");
        return items.map((i) => ({ ok: `b${i}` }));
      },
      runAlone: async (i: number) => {
        if (i === 3) throw new Error("three is bad");
        return `a${i}`;
      },
      onBatchError: (_err, size) => failures.push(size),
    });
    const first = c.submit(0);
    const rest = [1, 2, 3, 4].map((i) => c.submit(i).catch((err: Error) => err.message));
    expect(await first).toBe("b0");
    expect(await Promise.all(rest)).toEqual(["a1", "a2", "three is bad", "a4"]);
    expect(failures).toEqual([4]);
  });

  it("treats a batch that answers the wrong number of times as failed", async () => {
    const c = createGroupCommitter({ maxBatch: 10, maxInFlight: 1, runBatch: async () => [], runAlone: async (i: number) => `a${i}` });
    expect(await c.submit(7)).toBe("a7");
  });
});
