import { describe, expect, it } from "vitest";
import { webhookDeliverySchema } from "@layers/contracts";
import type { WebhookDeliveryRow } from "@layers/db";
import { rowToWebhookDelivery } from "./webhook-delivery-body.ts";

const at = new Date("2026-12-05T00:00:00.000Z");
const later = new Date("2026-12-05T00:05:00.000Z");
const row: WebhookDeliveryRow = {
  id: "dlv_1",
  endpoint_id: "ep_1",
  organization_id: "org_1",
  event_id: "evt_1",
  event_type: "ads.write.executed",
  origin: "event",
  status: "pending",
  attempt_count: 1,
  next_attempt_at: later,
  lease_until: null,
  last_status_code: 503,
  last_error: "HTTP 503",
  created_at: at,
  updated_at: at,
  completed_at: null,
};

describe("rowToWebhookDelivery", () => {
  it("shows the next attempt of a pending delivery and its attempts in the contract's shape", () => {
    const body = rowToWebhookDelivery(row, [{ attempt_no: 1, started_at: at, status_code: 503, latency_ms: 12, error: "HTTP 503", response_excerpt: "busy" }]);
    expect(body.nextAttemptAt).toBe("2026-12-05T00:05:00.000Z");
    expect(body.attempts).toEqual([{ attempt: 1, at: "2026-12-05T00:00:00.000Z", statusCode: 503, latencyMs: 12, error: "HTTP 503", responseExcerpt: "busy" }]);
    expect(webhookDeliverySchema.safeParse(body).success).toBe(true);
  });

  it("shows no next attempt once the delivery is finished, whatever the row still holds", () => {
    expect(rowToWebhookDelivery({ ...row, status: "failed" }, []).nextAttemptAt).toBeNull();
    expect(rowToWebhookDelivery({ ...row, status: "succeeded" }, []).nextAttemptAt).toBeNull();
  });
});
