import type { JetStreamClient } from "@nats-io/jetstream";
import { HEADERS, platformSchema, type NatsNames } from "@layers/contracts";
import type { Db } from "@layers/db";
import { hopHeaders, type Logger } from "@layers/runtime";
import { claimIntentsToRelay } from "../db/intent-repository.ts";

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

export interface Relay {
  /** One pass now (or the pass already under way); resolves to the number of intents published. */
  runOnce(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * The outbox relay: republishes intents the gateway stored but may not have published (it crashed,
 * or NATS was away). Same msg id as the gateway's publish, so JetStream drops a copy that did land,
 * and the gate's state check drops any later one. Several gate instances may relay at once.
 */
export function startRelay(deps: RelayDeps): Relay {
  let current: Promise<number> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;

  const pass = async (): Promise<number> => {
    const due = await claimIntentsToRelay(deps.db, { afterMs: deps.afterMs, retryMs: deps.retryMs, limit: deps.batchSize });
    await Promise.all(
      due.map((row) => {
        const extra: Record<string, string> = row.reply_to ? { [HEADERS.replyTo]: row.reply_to } : {};
        const subject = deps.names.subjects.intent(platformSchema.parse(row.platform));
        return deps.js.publish(subject, JSON.stringify(row.payload), {
          msgID: row.id,
          headers: hopHeaders({ requestId: row.request_id, traceparent: row.traceparent ?? "" }, extra),
        });
      }),
    );
    if (due.length > 0) deps.log.info({ relayed: due.length }, "relayed accepted intents");
    return due.length;
  };

  const runOnce = (): Promise<number> => {
    // One pass at a time per process; other instances are kept apart by `skip locked`.
    current ??= pass().finally(() => {
      current = null;
    });
    return current;
  };

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      runOnce()
        .catch((err: unknown) => deps.log.warn({ err }, "relay pass failed; next pass retries"))
        .finally(schedule);
    }, deps.intervalMs);
  };
  schedule();

  return {
    runOnce,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await current?.catch(() => undefined);
    },
  };
}
