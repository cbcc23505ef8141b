import { describe, expect, it } from "vitest";
import { eventSchema } from "@layers/contracts";
import { endpointDisabledEvent, formatSpan } from "./endpoint-disabled.ts";

describe("webhook.endpoint.disabled event", () => {
  const ep = {
    id: "ep_01",
    organizationId: "org_1",
    url: "https://partner.example/hooks",
    reason: "no successful attempt for 5 d",
    disabledAt: new Date("2026-11-27T10:00:00.000Z"),
    failingSince: new Date("2026-11-22T10:00:00.000Z"),
  };

  it("is a valid event whose id is the same for the same disabling and differs for another", () => {
    const a = endpointDisabledEvent(ep, "failing");
    expect(eventSchema.parse(a)).toEqual(a);
    expect(a.id).toBe(endpointDisabledEvent(ep, "failing").id);
    expect(endpointDisabledEvent({ ...ep, disabledAt: new Date("2026-12-01T00:00:00.000Z") }, "failing").id).not.toBe(a.id);
    expect(a.data).toEqual({
      organizationId: "org_1",
      endpointId: "ep_01",
      url: "https://partner.example/hooks",
      cause: "failing",
      reason: "no successful attempt for 5 d",
      failingSince: "2026-11-22T10:00:00.000Z",
      disabledAt: "2026-11-27T10:00:00.000Z",
    });
  });

  it("formats spans in the largest even unit", () => {
    expect(formatSpan(5 * 86_400_000)).toBe("5 d");
    expect(formatSpan(36 * 3_600_000)).toBe("36 h");
    expect(formatSpan(1_500)).toBe("1500 ms");
    expect(formatSpan(2_000)).toBe("2 s");
  });
});
