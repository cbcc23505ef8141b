import { describe, expect, it } from "vitest";
import { idSchema, newId, sortableToken } from "./ids.ts";
import { deterministicEventId } from "./events.ts";

describe("ids", () => {
  it("are prefixed and validate against their own schema only", () => {
    const id = newId("campaign");
    expect(id).toMatch(/^cmp_[0-9a-z]{26}$/);
    expect(idSchema("campaign").safeParse(id).success).toBe(true);
    expect(idSchema("job").safeParse(id).success).toBe(false);
  });

  it("sort by creation time", () => {
    const a = sortableToken(1_700_000_000_000);
    const b = sortableToken(1_700_000_000_001);
    expect(a < b).toBe(true);
  });

  it("event ids are stable for the same cause and differ for another", () => {
    expect(deterministicEventId("int_x", "ads.write.denied")).toBe(deterministicEventId("int_x", "ads.write.denied"));
    expect(deterministicEventId("int_x", "ads.write.denied")).not.toBe(deterministicEventId("int_y", "ads.write.denied"));
    expect(deterministicEventId("a")).toMatch(/^evt_[0-9a-z]{26}$/);
  });
});
