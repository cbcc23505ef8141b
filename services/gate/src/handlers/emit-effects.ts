import type { JetStreamClient } from "@nats-io/jetstream";
import type { NatsConnection } from "@nats-io/transport-node";
import type { NatsNames } from "@layers/contracts";
import { handOnMsgId, type WaitingWrite } from "@layers/lifecycle";
import { hopHeaders, type HopContext } from "@layers/runtime";
import type { Effects } from "../domain/side-effects.ts";

/**
 * Publishes what a decision sets in motion: the dispatch of an allowed write, the hand-on of the
 * write waiting behind one the verdict closed (awaiting each PubAck; msg ids make repeats
 * harmless), and only then the verdict to the waiting gateway. Events are not published here: they
 * were stored with the decision, and the outbox relay publishes them.
 */
export async function emitEffects(
  nats: { js: JetStreamClient; nc: NatsConnection; names: NatsNames },
  effects: Effects,
  hop: HopContext,
  closed: { intentId: string; next: WaitingWrite | null },
): Promise<void> {
  const publishes: Promise<unknown>[] = [];
  if (effects.dispatch) publishes.push(nats.js.publish(effects.dispatch.subject, JSON.stringify(effects.dispatch.body), { msgID: effects.dispatch.msgID, headers: hopHeaders(hop) }));
  const { next } = closed;
  if (next) {
    publishes.push(
      nats.js.publish(nats.names.subjects.dispatch(next.dispatch.platform), JSON.stringify(next.dispatch), {
        msgID: handOnMsgId(next.id, closed.intentId),
        headers: hopHeaders({ requestId: next.requestId, traceparent: next.traceparent ?? "" }),
      }),
    );
  }
  await Promise.all(publishes);
  if (effects.verdict) nats.nc.publish(effects.verdict.subject, JSON.stringify(effects.verdict.body), { headers: hopHeaders(hop) });
}
