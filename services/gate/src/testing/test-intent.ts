import type { Operation, WriteIntent } from "@layers/contracts";

/** A well-formed intent for unit tests; ids are fixed so expectations can be written out. */
export function testIntent(operation: Operation, params: Record<string, unknown>, over: Partial<WriteIntent> = {}): WriteIntent {
  return {
    intentId: "int_0000000000000000000000000a",
    jobId: "job_0000000000000000000000000a",
    organizationId: "org_0000000000000000000000000a",
    projectId: "6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b",
    layerId: "lyr_0b8f7c1e-2d3a-4b5c-8d9e-0f1a2b3c4d5e",
    platform: "meta",
    operation,
    entityKey: "campaign:cmp_0000000000000000000000000a",
    entitySeq: 3,
    params,
    actor: { type: "partner", organizationId: "org_0000000000000000000000000a", apiKeyId: "key_0000000000000000000000000a" },
    source: "api",
    requestId: "req-1",
    acceptedAt: "2026-11-22T10:00:00.000Z",
    ...over,
  };
}
