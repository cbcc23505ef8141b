import { describe, expect, it } from "vitest";
import { z } from "zod";
import { newId } from "./ids.ts";
import { authorityAnswerSchema, killSwitchAnswerSchema, pageSchema, whoamiSchema, type Page } from "./http-responses.ts";

describe("response contracts", () => {
  it("pages - data of the item schema and a nullable cursor", () => {
    const page: Page<number> = { data: [1, 2], nextCursor: null };
    expect(pageSchema(z.number()).parse(page)).toEqual(page);
    expect(() => pageSchema(z.number()).parse({ data: ["x"], nextCursor: null })).toThrow();
    expect(() => pageSchema(z.number()).parse({ data: [] })).toThrow();
  });

  it("policy write answers - 200 state with verdictId, or 202 accepted with the job", () => {
    const campaignId = newId("campaign");
    const applied = {
      campaignId,
      authority: { creative: "draft", tactical: "off", structural: "draft" },
      source: "campaign",
      modes: { campaignManagementMode: null, creativeMode: "draft" },
      verdictId: "3f1c2a6e-5b4d-4c1e-9f7a-2b8c6d0e1a23",
    };
    expect(authorityAnswerSchema.parse(applied)).toEqual(applied);
    const accepted = { status: "accepted", jobId: newId("job") };
    expect(killSwitchAnswerSchema.parse(accepted)).toEqual(accepted);
    expect(() => killSwitchAnswerSchema.parse({ layerId: "lyr_x", active: true })).toThrow();
  });

  it("whoami - a partner names its key, a customer its project; a mix is refused", () => {
    const organizationId = newId("organization");
    expect(() => whoamiSchema.parse({ organizationId, actor: { type: "customer", apiKeyId: newId("apiKey") }, scopes: [] })).toThrow();
    expect(() => whoamiSchema.parse({ organizationId, actor: { type: "customer", userId: "u" }, scopes: ["*"] })).toThrow();
  });
});
