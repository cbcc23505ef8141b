import { describe, expect, it } from "vitest";
import { resyncCaches, routeCacheMessage, type CacheTargets } from "./cache-invalidation.ts";

function recorder() {
  const log: string[] = [];
  const targets: CacheTargets = {
    keys: { invalidate: (h) => log.push(`key ${h}`), clear: () => log.push("keys cleared") },
    projects: { invalidate: (id) => log.push(`project ${id}`), clear: () => log.push("projects cleared") },
    orgs: { invalidate: (id) => log.push(`org ${id}`), clear: () => log.push("orgs cleared") },
    killSwitches: { reload: () => log.push("switches reloaded") },
  };
  return { log, targets };
}

describe("cache invalidation messages", () => {
  it.each([
    ["key:9f86d081884c7d65", ["key 9f86d081884c7d65"]],
    ["kill_switches", ["switches reloaded"]],
    ["org:org_01jf0000000000000000000000", ["org org_01jf0000000000000000000000"]],
    ["project:5b0e7c1e-2f7a-4d39-9a51-3c1b9e2d4f60", ["project 5b0e7c1e-2f7a-4d39-9a51-3c1b9e2d4f60"]],
  ])("%s reaches only the cache it concerns", (payload, expected) => {
    const { log, targets } = recorder();
    routeCacheMessage(payload, targets);
    expect(log).toEqual(expected);
  });

  it("a payload this gateway does not know drops everything (a newer migration may announce more)", () => {
    const { log, targets } = recorder();
    routeCacheMessage("campaign:cmp_1", targets);
    expect(log).toEqual(["keys cleared", "projects cleared", "orgs cleared", "switches reloaded"]);
  });

  it("a resync forgets every key and project and re-reads the switches", () => {
    const { log, targets } = recorder();
    resyncCaches(targets);
    expect(log.sort()).toEqual(["keys cleared", "orgs cleared", "projects cleared", "switches reloaded"]);
  });
});
