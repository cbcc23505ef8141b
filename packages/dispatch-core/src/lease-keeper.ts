import type { Logger } from "@layers/runtime";
import type { JsMsg } from "@nats-io/jetstream";
import type { Db } from "@layers/db";
import { renewLease } from "@layers/lifecycle";

/**
 * While a claimed write is in progress, keeps both clocks from running out: the Postgres lease
 * (or another instance would take over and call the platform a second time) and JetStream's ack_wait (or
 * the message would be redelivered mid-call). Ticks at a third of the shorter of the two.
 */
export function keepLease(opts: { db: Db; msg: JsMsg; intentId: string; attempts: number; leaseMs: number; ackWaitMs: number; log: Logger }): { stop(): void } {
  const every = Math.max(250, Math.floor(Math.min(opts.leaseMs, opts.ackWaitMs) / 3));
  const timer = setInterval(() => {
    opts.msg.working();
    renewLease(opts.db, opts.intentId, opts.attempts, opts.leaseMs).then(
      (ours) => {
        if (!ours) opts.log.warn("lease lost while the write was in progress");
      },
      (err: unknown) => opts.log.warn({ err }, "could not renew lease"),
    );
  }, every);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
