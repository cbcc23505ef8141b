import type { JetStreamClient } from "@nats-io/jetstream";
import { HEADERS, platformSchema, type NatsNames } from "@layers/contracts";
import type { Db } from "@layers/db";
import { claimIntentsToRelay, releaseRelayBookings } from "@layers/lifecycle";
import { hopHeaders, type Logger } from "@layers/runtime";
import { startRelayLoop, type RelayLoop } from "./relay-loop.ts";

export interface RelayDeps {
  db: Db;
  js: JetStreamClient;
  names: NatsNames;
  log: Logger;
  /** Time between passes. */
  intervalMs: number;
  /** An intent is relayed once it has been `accepted` this long (the gateway's own publish had its chance). */
  afterMs: number;
  /** Before relaying the same still-undecided intent again. */
  retryMs: number;
  batchSize: number;
}

export type Relay = RelayLoop;

/**
 * The intent relay: republishes intents the gateway stored but may not have published (it crashed,
 * or NATS was away). Same msg id as the gateway's publish, so JetStream drops a copy that did land,
 * and the gate's state check drops any later one. Several gate instances may relay at once
 * (`skip locked` keeps them apart).
 */
export function startRelay(deps: RelayDeps): Relay {
  const opts = { afterMs: deps.afterMs, retryMs: deps.retryMs, limit: deps.batchSize };
  const relayAccepted = async (): Promise<number> => {
    const due = await claimIntentsToRelay(deps.db, opts);
    const published = await Promise.allSettled(
      due.map((row) => {
        const extra: Record<string, string> = row.reply_to ? { [HEADERS.replyTo]: row.reply_to } : {};
        const subject = deps.names.subjects.intent(platformSchema.parse(row.platform));
        return deps.js.publish(subject, JSON.stringify(row.payload), {
          msgID: row.id,
          headers: hopHeaders({ requestId: row.request_id, traceparent: row.traceparent ?? "" }, extra),
        });
      }),
    );
    const failed = published.flatMap((p, i) => (p.status === "rejected" ? [{ id: due[i]!.id, err: p.reason as unknown }] : []));
    if (failed.length > 0) {
      // NATS is away: make them due at the next pass instead of after retryMs, so they go out as soon as it is back.
      await releaseRelayBookings(deps.db, failed.map((f) => f.id));
      throw new Error(`could not publish ${failed.length} of ${due.length} intents`, { cause: failed[0]!.err });
    }
    if (due.length > 0) deps.log.info({ relayed: due.length }, "relayed accepted intents");
    return due.length;
  };
  return startRelayLoop(relayAccepted, deps.intervalMs, deps.log);
}
