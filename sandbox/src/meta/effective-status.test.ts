import { describe, expect, it } from "vitest";
import { adEffectiveStatus, adSetEffectiveStatus } from "./effective-status.ts";
import type { AdObjectStatus } from "./enums.ts";
import { lifecycleStatus } from "./object-status.ts";

describe("lifecycle status", () => {
  it("is DELETED, then ARCHIVED, if the object or any parent is, else the object's own", () => {
    expect(lifecycleStatus("ACTIVE", ["ARCHIVED", "DELETED"])).toBe("DELETED");
    expect(lifecycleStatus("DELETED", ["ACTIVE"])).toBe("DELETED");
    expect(lifecycleStatus("PAUSED", ["ARCHIVED"])).toBe("ARCHIVED");
    expect(lifecycleStatus("PAUSED", ["ACTIVE"])).toBe("PAUSED");
    expect(lifecycleStatus("ACTIVE")).toBe("ACTIVE");
  });
});

describe("effective status", () => {
  const adSetTable: Array<[AdObjectStatus, AdObjectStatus, string]> = [
    ["ACTIVE", "ACTIVE", "ACTIVE"], ["ACTIVE", "PAUSED", "CAMPAIGN_PAUSED"], ["PAUSED", "PAUSED", "PAUSED"],
    ["ACTIVE", "ARCHIVED", "ARCHIVED"], ["PAUSED", "DELETED", "DELETED"], ["ARCHIVED", "ACTIVE", "ARCHIVED"],
  ];
  it.each(adSetTable)("ad set %s under campaign %s reads %s", (own, campaign, expected) => {
    expect(adSetEffectiveStatus(own, campaign)).toBe(expected);
  });

  const adTable: Array<[AdObjectStatus, AdObjectStatus, AdObjectStatus, string]> = [
    ["ACTIVE", "ACTIVE", "ACTIVE", "ACTIVE"], ["ACTIVE", "PAUSED", "ACTIVE", "ADSET_PAUSED"],
    ["ACTIVE", "PAUSED", "PAUSED", "CAMPAIGN_PAUSED"], ["PAUSED", "PAUSED", "PAUSED", "PAUSED"],
    ["ACTIVE", "ARCHIVED", "ACTIVE", "ARCHIVED"], ["ACTIVE", "ACTIVE", "DELETED", "DELETED"],
  ];
  it.each(adTable)("ad %s in ad set %s, campaign %s reads %s", (own, adSet, campaign, expected) => {
    expect(adEffectiveStatus(own, adSet, campaign)).toBe(expected);
  });
});
