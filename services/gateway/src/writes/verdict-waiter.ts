import type { NatsConnection, Subscription } from "@nats-io/transport-node";
import { verdictSchema, type Verdict } from "@layers/contracts";
import type { Logger } from "@layers/runtime";

export interface PendingVerdict {
  /** Resolves with the verdict, or null when the timeout passes first (or the waiter closes). */
  verdict: Promise<Verdict | null>;
  cancel(): void;
}

export interface VerdictWaiter {
  /** This instance's verdict inbox; sent to the gate as `Layers-Reply-To`. */
  readonly subject: string;
  /** Register before publishing the intent, so a fast gate cannot answer into the void. */
  expect(intentId: string, timeoutMs: number): PendingVerdict;
  /** Number of writes currently waiting (for tests and metrics). */
  waiting(): number;
  close(): Promise<void>;
}

/**
 * One core-NATS subscription per gateway instance, made at startup; verdicts are routed to the
 * waiting request by intent id. Late verdicts (after the timeout) are dropped: they are on the job.
 */
export function createVerdictWaiter(nc: NatsConnection, subject: string, log: Logger): VerdictWaiter {
  const waiters = new Map<string, (v: Verdict | null) => void>();
  const sub: Subscription = nc.subscribe(subject, {
    callback: (err, msg) => {
      if (err) {
        log.warn({ err }, "verdict subscription error");
        return;
      }
      let parsed;
      try {
        parsed = verdictSchema.safeParse(msg.json());
      } catch {
        parsed = null;
      }
      if (!parsed?.success) {
        log.warn({ subject: msg.subject }, "ignoring a verdict that does not match the contract");
        return;
      }
      waiters.get(parsed.data.intentId)?.(parsed.data);
    },
  });

  return {
    subject,
    expect(intentId, timeoutMs) {
      let settle!: (v: Verdict | null) => void;
      const verdict = new Promise<Verdict | null>((resolve) => {
        const timer = setTimeout(() => settle(null), timeoutMs);
        settle = (v) => {
          clearTimeout(timer);
          waiters.delete(intentId);
          resolve(v);
        };
      });
      waiters.set(intentId, settle);
      return { verdict, cancel: () => settle(null) };
    },
    waiting: () => waiters.size,
    async close() {
      for (const settle of [...waiters.values()]) settle(null);
      if (!sub.isClosed()) sub.unsubscribe();
    },
  };
}
