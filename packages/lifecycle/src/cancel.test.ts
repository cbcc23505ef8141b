import { describe, expect, it } from "vitest";
import type { IntentState } from "@layers/db";
import { isCancellable } from "./cancel.ts";

describe("which writes a cancel may still stop", () => {
  it.each([
    ["accepted", 0, true],
    ["queued", 0, true],
    ["allowed", 0, true],
    // A dispatcher already tried it once (released for a retry, or deferred after a throttled call): the platform may hold it.
    ["allowed", 1, false],
    ["dispatching", 1, false],
    ["dispatched", 1, false],
    ["failed", 1, false],
    ["dead", 8, false],
    ["denied", 0, false],
    ["applied", 0, false],
    ["canceled", 0, false],
  ] as const)("%s with %i attempts → %s", (state, attempts, ok) => {
    expect(isCancellable(state as IntentState, attempts)).toBe(ok);
  });
});
