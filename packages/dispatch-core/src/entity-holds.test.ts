import { describe, expect, it } from "vitest";
import { createEntityHolds } from "./entity-holds.ts";

describe("createEntityHolds", () => {
  it("a write is behind only a held write with a lower sequence on the same entity", () => {
    const h = createEntityHolds();
    h.hold("campaign:a", 3);
    expect(h.isBehind("campaign:a", 4)).toBe(true);
    expect(h.isBehind("campaign:a", 3)).toBe(false);
    expect(h.isBehind("campaign:a", 2)).toBe(false);
    expect(h.isBehind("campaign:b", 4)).toBe(false);
  });

  it("release drops only the hold of the write that took it", () => {
    const h = createEntityHolds();
    h.hold("campaign:a", 3);
    // A later write took the entity (the earlier one was closed by another instance): the stale release leaves it held.
    h.hold("campaign:a", 5);
    h.release("campaign:a", 3);
    expect(h.isBehind("campaign:a", 6)).toBe(true);
    h.release("campaign:a", 5);
    expect(h.isBehind("campaign:a", 6)).toBe(false);
  });
});
