import { describe, expect, it } from "vitest";
import { newId, whoamiSchema } from "@layers/contracts";
import { whoamiOf } from "./get-whoami.ts";

describe("whoami", () => {
  const organizationId = newId("organization");

  it("whoami - a partner key answers its key id and its scopes as granted", () => {
    const body = whoamiOf({ kind: "api_key", organizationId, apiKeyId: newId("apiKey"), scopes: ["ads:read", "ads:write:*"], rateTier: "standard" });
    expect(whoamiSchema.parse(body)).toEqual(body);
    expect(body).toMatchObject({ actor: { type: "partner" }, scopes: ["ads:read", "ads:write:*"] });
  });

  it("whoami - a customer holds every scope, on its one project", () => {
    const projectId = "5b0e7c1e-2f7a-4d39-9a51-3c1b9e2d4f60";
    const body = whoamiOf({ kind: "customer", organizationId, userId: "usr_42", projectId });
    expect(whoamiSchema.parse(body)).toEqual(body);
    expect(body).toEqual({ organizationId, parentOrganizationId: null, actor: { type: "customer", userId: "usr_42" }, scopes: ["*"], projectId });
  });
});
