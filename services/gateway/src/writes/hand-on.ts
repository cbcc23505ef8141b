import type { JetStreamClient } from "@nats-io/jetstream";
import type { NatsNames } from "@layers/contracts";
import { handOnMsgId, type WaitingWrite } from "@layers/lifecycle";
import { hopHeaders, type Logger } from "@layers/runtime";

/**
 * Publishes the dispatch of the write that waited behind one the gateway closed (a canceled job),
 * as a dispatcher or the gate does after closing one. A failed publish is only logged: each
 * dispatcher's hand-on sweep republishes a waiting write nobody handed on.
 */
export async function handOn(deps: { js: JetStreamClient; names: NatsNames; log: Logger }, closedIntentId: string, next: WaitingWrite): Promise<void> {
  try {
    await deps.js.publish(deps.names.subjects.dispatch(next.dispatch.platform), JSON.stringify(next.dispatch), {
      msgID: handOnMsgId(next.id, closedIntentId),
      headers: hopHeaders({ requestId: next.requestId, traceparent: next.traceparent ?? "" }),
    });
  } catch (err) {
    deps.log.warn({ err, next: next.id }, "could not hand on the next write; the hand-on sweep will");
  }
}
