// Test support for suites that drive the gateway in process (the gateway's own, and the
// cross-service ones in tests/ that add a real gate). Not used by the service itself.
export * from "./test-support/harness.ts";
export * from "./test-support/contract.ts";
export * from "./test-support/freeze-before-answer.ts";
export * from "./test-support/publish-fault.ts";
export { requestFingerprint } from "./domain/idempotency-key.ts";
export * from "./test-support/webhooks.ts";
export type { RouteEntry } from "./plugins/input-rules.ts";
export * from "./test-support/family.ts";
export * from "./test-support/response-check.ts";
export { openApiDocument } from "./openapi/install-openapi.ts";
