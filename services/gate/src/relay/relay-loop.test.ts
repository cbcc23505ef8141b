import { describe, expect, it } from "vitest";
import { createLogger } from "@layers/runtime";
import { startRelayLoop } from "./relay-loop.ts";

const log = createLogger({ service: "relay-loop-test", level: "silent" });
const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("relay loop", () => {
  it("relay loop - one pass at a time: runOnce during a pass joins it", async () => {
    let running = 0;
    let maxRunning = 0;
    let passes = 0;
    const loop = startRelayLoop(
      async () => {
        running++;
        maxRunning = Math.max(maxRunning, running);
        await tick(30);
        running--;
        return ++passes;
      },
      60_000,
      log,
    );
    const [a, b] = await Promise.all([loop.runOnce(), loop.runOnce()]);
    expect(a).toBe(b);
    expect(maxRunning).toBe(1);
    await loop.stop();
  });

  it("relay loop - a failed pass is retried by the next one, and stop waits for the pass under way", async () => {
    let calls = 0;
    let finished = false;
    const loop = startRelayLoop(
      async () => {
        calls++;
        if (calls === 1) throw new Error("NATS away");
        await tick(20);
        finished = true;
        return 1;
      },
      10,
      log,
    );
    while (calls < 2) await tick(5);
    await loop.stop();
    expect(finished).toBe(true);
    const after = calls;
    await tick(40);
    expect(calls).toBe(after);
  });
});
