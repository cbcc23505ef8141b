import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createCampaignBodySchema } from "@layers/contracts";
import { fieldErrorsOf } from "./json-pointer.ts";

/** Issue 11 §4: an enum error lists the values the field takes. */
describe("enum errors", () => {
  const errorsFor = (schema: z.ZodType, value: unknown) => fieldErrorsOf(schema.safeParse(value).error!.issues);

  it("an enum lists its values", () => {
    const errors = errorsFor(z.strictObject({ mode: z.enum(["manual", "draft", "autopilot"]) }), { mode: "auto" });
    expect(errors).toEqual([{ pointer: "/mode", detail: "must be one of: manual, draft, autopilot" }]);
  });

  it("a union of literals lists every branch's value", () => {
    const errors = errorsFor(z.strictObject({ match: z.union([z.literal("BROAD"), z.literal("EXACT")]) }), { match: "PHRASE" });
    expect(errors).toEqual([{ pointer: "/match", detail: "must be one of: BROAD, EXACT" }]);
  });

  it("the campaign create body names campaignManagementMode's and outcome's values", () => {
    const errors = errorsFor(createCampaignBodySchema, { adAccountId: "aa_01jd8x3k5m2n4p6q8r0s2t4v6w", name: "x", outcome: "clicks", campaignManagementMode: "auto", creativeMode: "draft" });
    expect(errors).toContainEqual({ pointer: "/campaignManagementMode", detail: "must be one of: manual, draft, autopilot" });
    expect(errors.find((e) => e.pointer === "/outcome")?.detail).toMatch(/^must be one of: conversions, traffic, /);
  });

  it("other errors keep zod's message", () => {
    const errors = errorsFor(z.strictObject({ n: z.number() }), { n: "1" });
    expect(errors[0]!.detail).not.toMatch(/must be one of/);
  });
});
