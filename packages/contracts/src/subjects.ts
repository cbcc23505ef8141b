import type { Platform } from "./authority.ts";

/**
 * NATS names for one deployment namespace. Every subject starts with `prefix`, every stream name
 * with its upper-cased form, so several stacks (or parallel test files) share one NATS server.
 * Request/reply subjects (`verdict`, `rpc`) are never captured by a stream.
 */
export function natsNames(prefix: string) {
  if (!/^[a-z][a-z0-9_-]{0,30}$/.test(prefix)) throw new RangeError(`bad NATS prefix ${prefix}`);
  const up = prefix.toUpperCase().replaceAll("-", "_");
  return {
    prefix,
    streams: {
      intents: `${up}_INTENTS`,
      dispatch: `${up}_DISPATCH`,
      events: `${up}_EVENTS`,
      /** Optimizer proposals: written like intents, decided by the gate through its second durable. */
      pending: `${up}_PENDING`,
    },
    consumers: {
      gate: "gate",
      /** The gate's durable on the pending stream (optimizer proposals), same handler as intents. */
      gatePending: "gate-pending",
      webhooks: "webhooks",
      dispatcher: (platform: Platform) => `dispatcher-${platform}`,
    },
    subjects: {
      intentsAll: `${prefix}.intent.>`,
      intent: (platform: Platform) => `${prefix}.intent.${platform}`,
      pendingAll: `${prefix}.pending.>`,
      /** An optimizer proposal (a `WriteIntent` by actor `optimizer`), to the gate. */
      pending: (platform: Platform) => `${prefix}.pending.${platform}`,
      dispatchAll: `${prefix}.dispatch.>`,
      dispatch: (platform: Platform) => `${prefix}.dispatch.${platform}`,
      eventsAll: `${prefix}.event.>`,
      event: (type: string) => `${prefix}.event.${type}`,
      /** Core NATS: where the gate answers a waiting gateway instance. */
      verdict: (instanceId: string) => `${prefix}.verdict.${instanceId}`,
      /** Core NATS request/reply: ask a dispatcher to sync an ad account's campaigns from the platform. */
      syncAccount: (platform: Platform) => `${prefix}.rpc.${platform}.sync-account`,
      /** The ad sets / ad groups, ads and keywords of one campaign, as the platform holds them. */
      syncCampaign: (platform: Platform) => `${prefix}.rpc.${platform}.sync-campaign`,
      /** Core NATS request/reply: ask the gate what it would decide for a described write (dry run, no side effect). */
      evaluate: (platform: Platform) => `${prefix}.rpc.gate.evaluate.${platform}`,
      evaluateAll: `${prefix}.rpc.gate.evaluate.*`,
      /** Core NATS request/reply: ask the optimizer to start a run (queue group `optimizer`). */
      optimizerRun: `${prefix}.rpc.optimizer.run`,
    },
  };
}
export type NatsNames = ReturnType<typeof natsNames>;

/** Message headers carried across every hop. */
export const HEADERS = {
  requestId: "X-Request-Id",
  traceparent: "traceparent",
  /** Set by the gateway on an intent: the subject on which it waits for the verdict. */
  replyTo: "Layers-Reply-To",
  msgId: "Nats-Msg-Id",
} as const;
