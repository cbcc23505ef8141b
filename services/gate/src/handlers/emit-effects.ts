import type { JetStreamClient } from "@nats-io/jetstream";
import type { NatsConnection } from "@nats-io/transport-node";
import { hopHeaders, type HopContext } from "@layers/runtime";
import type { Effects } from "../domain/side-effects.ts";

/**
 * Publishes a decision's effects: the dispatch and events to JetStream (awaiting each PubAck; msg ids
 * make repeats harmless), and only then the verdict to the waiting gateway.
 */
export async function emitEffects(nats: { js: JetStreamClient; nc: NatsConnection }, effects: Effects, hop: HopContext): Promise<void> {
  const stored = [...(effects.dispatch ? [effects.dispatch] : []), ...effects.events];
  await Promise.all(stored.map((p) => nats.js.publish(p.subject, JSON.stringify(p.body), { msgID: p.msgID, headers: hopHeaders(hop) })));
  if (effects.verdict) nats.nc.publish(effects.verdict.subject, JSON.stringify(effects.verdict.body), { headers: hopHeaders(hop) });
}
