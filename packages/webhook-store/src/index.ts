export { claimDue, releaseClaim, type ClaimedDelivery, type ClaimResult, type EndpointLoad } from "./claim.ts";
export { countEndpointStates } from "./endpoint-states.ts";
export { fanOutEvent } from "./fan-out.ts";
export type { KeysetCursor } from "./keyset-cursor.ts";
export { disableEndpoint, recordAttempt, recordInterrupted, type AttemptRecord, type RecordOutcome } from "./record.ts";
export {
  attemptsOf,
  findReplayEvents,
  findWebhookDelivery,
  insertReplayDeliveries,
  insertTestDelivery,
  listWebhookDeliveries,
  rearmWebhookDelivery,
  type AttemptView,
  type DeliveryListQuery,
  type ReplayRange,
} from "./webhook-deliveries.ts";
export {
  deleteWebhookEndpoint,
  findWebhookEndpoint,
  insertWebhookEndpoint,
  listWebhookEndpoints,
  rotateWebhookSecret,
  updateWebhookEndpoint,
  type NewWebhookEndpoint,
  type WebhookEndpointListQuery,
  type WebhookEndpointPatch,
} from "./webhook-endpoints.ts";
