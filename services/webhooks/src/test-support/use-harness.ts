import { afterAll, afterEach, beforeAll } from "vitest";
import { createHarness, type Harness } from "./harness.ts";
import { startReceiver, type Receiver } from "./receiver.ts";

/**
 * One harness per test file: services stopped and the test's orgs retired after each test, the
 * database and namespace removed after the file. Returns the helpers every test file uses.
 */
export function useHarness() {
  let harness: Harness | undefined;
  const orgs: string[] = [];
  beforeAll(async () => {
    harness = await createHarness();
  });
  afterEach(async () => {
    await harness!.stopAll();
    for (const o of orgs.splice(0)) await harness!.retire(o);
  });
  afterAll(async () => {
    await harness?.cleanup();
  });
  return {
    get h(): Harness {
      return harness!;
    },
    /** An organization retired after the current test. */
    async newOrg(): Promise<string> {
      const o = await harness!.org();
      orgs.push(o);
      return o;
    },
    /** A local receiver, closed after the current test; secrets are set once the endpoint exists. */
    async receiver(respond?: Parameters<typeof startReceiver>[0]["respond"]): Promise<Receiver> {
      const r = await startReceiver({ secrets: [], ...(respond ? { respond } : {}) });
      harness!.track(r);
      return r;
    },
  };
}
