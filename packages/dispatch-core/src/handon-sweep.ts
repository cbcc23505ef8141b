import type { JetStreamClient } from "@nats-io/jetstream";
import type { NatsNames, Platform } from "@layers/contracts";
import type { Db } from "@layers/db";
import { claimWaitingToSweep } from "@layers/lifecycle";
import { hopHeaders, type Logger } from "@layers/runtime";

export interface HandOnSweep {
  stop(): Promise<void>;
}

/**
 * The backstop of per-entity order: a write waiting behind another is handed on by whoever closes
 * that one; a crash between that commit and the hand-on publish would leave it waiting. Every
 * `everyMs`, this platform's dispatcher hands on again the allowed writes at the head of their
 * entity that nobody claimed for `afterMs` (booked `retryMs` ahead, so each goes out once per
 * retry). Instances keep apart through the rows' `skip locked`; a copy racing a live hand-on is
 * harmless, the claim lets one through. Writes of accounts the budget waker schedules are its to
 * publish (`scheduledAccounts`), so the sweep leaves them alone.
 */
export function startHandOnSweep(deps: {
  db: Db;
  js: JetStreamClient;
  names: NatsNames;
  platform: Platform;
  log: Logger;
  afterMs: number;
  everyMs: number;
  retryMs: number;
  /** The ad accounts the budget waker schedules right now. */
  scheduledAccounts?: () => readonly string[];
}): HandOnSweep {
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let current: Promise<void> | null = null;

  const pass = async (): Promise<void> => {
    const due = await claimWaitingToSweep(deps.db, { platform: deps.platform, afterMs: deps.afterMs, retryMs: deps.retryMs, limit: 500, skipAdAccountIds: deps.scheduledAccounts?.() ?? [] });
    const stamp = Date.now();
    await Promise.all(
      due.map((row) =>
        deps.js.publish(deps.names.subjects.dispatch(deps.platform), JSON.stringify(row.dispatch), {
          // A new id per sweep: the original dispatch's id may still be in JetStream's duplicate window.
          msgID: `${row.id}:sweep:${stamp}`,
          headers: hopHeaders({ requestId: row.request_id, traceparent: row.traceparent ?? "" }),
        }),
      ),
    );
    if (due.length > 0) deps.log.info({ handedOn: due.length }, "handed on waiting writes nobody had handed on");
  };

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      current = pass()
        .catch((err: unknown) => deps.log.warn({ err }, "hand-on sweep failed; the next pass retries"))
        .finally(() => {
          current = null;
          schedule();
        });
    }, deps.everyMs);
  };
  schedule();

  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await current;
    },
  };
}
