import { describe, expect, it } from "vitest";
import { webhookEndpointSchema } from "@layers/contracts";
import type { WebhookEndpointRow } from "@layers/db";
import { rowToWebhookEndpoint } from "./webhook-endpoint-body.ts";

const at = new Date("2026-12-05T00:00:00.000Z");
const row: WebhookEndpointRow = {
  id: "ep_1",
  organization_id: "org_1",
  url: "https://hooks.example.com/layers",
  description: null,
  events: ["ads.*"],
  scope: "own",
  enabled: true,
  disabled_reason: null,
  disabled_at: null,
  secret_enc: "v2.k1.sealed-current",
  previous_secret_enc: "v2.k1.sealed-previous",
  previous_secret_expires_at: new Date(at.getTime() + 60_000),
  failing_since: null,
  created_at: at,
  updated_at: at,
  deleted_at: null,
};

describe("rowToWebhookEndpoint", () => {
  it("never shows a sealed secret", () => {
    const body = rowToWebhookEndpoint(row, at.getTime());
    expect(JSON.stringify(body)).not.toContain("sealed");
    expect(webhookEndpointSchema.safeParse(body).success).toBe(true);
  });

  it("shows the previous secret's expiry only while its overlap lasts", () => {
    expect(rowToWebhookEndpoint(row, at.getTime()).previousSecretExpiresAt).toBe("2026-12-05T00:01:00.000Z");
    expect(rowToWebhookEndpoint(row, at.getTime() + 60_000).previousSecretExpiresAt).toBeNull();
    expect(rowToWebhookEndpoint({ ...row, previous_secret_enc: null }, at.getTime()).previousSecretExpiresAt).toBeNull();
  });
});
