import { inSpan } from "./observability/tracing.ts";
import type { JetStreamClient, JsMsg } from "@nats-io/jetstream";
import type { z } from "zod";
import { decideAck, type HandlerOutcome, type RetryPolicy } from "./ack-policy.ts";
import { MalformedMessageError } from "./errors.ts";
import type { Logger } from "./logger.ts";
import { hopContextOf, type HopContext } from "./trace.ts";

export interface DeadLetter {
  stream: string;
  consumer: string;
  streamSeq: number;
  subject: string;
  reason: string;
  payload: string;
}

export interface ConsumerSpec<T> {
  js: JetStreamClient;
  stream: string;
  durable: string;
  schema: z.ZodType<T>;
  /** Messages handled at once by this process. */
  concurrency: number;
  retry: RetryPolicy;
  log: Logger;
  handle: (body: T, ctx: HopContext & { msg: JsMsg; log: Logger }) => Promise<HandlerOutcome>;
  deadLetter: (dl: DeadLetter) => Promise<void>;
}

export interface RunningConsumer {
  /** Stops pulling, waits for in-flight handlers, leaves the rest for other instances. */
  stop(): Promise<void>;
  readonly done: Promise<void>;
}

/**
 * Pulls from a durable consumer shared by any number of instances. Each message is parsed with its
 * contract schema, handled, and acked / nak'd / terminated by `decideAck` — nowhere else.
 */
export async function runConsumer<T>(spec: ConsumerSpec<T>): Promise<RunningConsumer> {
  const consumer = await spec.js.consumers.get(spec.stream, spec.durable);
  // A small buffer: a large one books messages on this instance while others idle (and ack_wait ticks).
  // Short pulls (heartbeat every 2.5 s): when the node leading the consumer dies, its pending pulls
  // die with it and the client only notices by missed heartbeats; with the default 30 s pulls a
  // cluster failover stalled consumption for ~40 s (tests/nats-cluster-drill.int.test.ts).
  const messages = await consumer.consume({ max_messages: spec.concurrency, expires: 5_000 });
  const inFlight = new Set<Promise<void>>();
  let stopping = false;

  const handleOne = async (msg: JsMsg): Promise<void> => {
    const ctx = hopContextOf(msg.headers, `msg-${msg.seq}`);
    const log = spec.log.child({ requestId: ctx.requestId, traceparent: ctx.traceparent, seq: msg.seq });
    let result: HandlerOutcome | { kind: "error"; error: unknown };
    try {
      let body: unknown;
      try {
        body = msg.json();
      } catch {
        // Not JSON will never parse: dead-letter it now rather than retry it as a transient error.
        throw new MalformedMessageError("not JSON");
      }
      const parsed = spec.schema.safeParse(body);
      if (!parsed.success) throw new MalformedMessageError(`does not match contract: ${parsed.error.message.slice(0, 500)}`);
      // One consumer span per delivery, continuing the message's trace; the handler hands this span on.
      result = await inSpan(
        { name: `${spec.durable} process`, kind: "consumer", attributes: { "messaging.system": "nats", "messaging.destination.name": msg.subject, "messaging.consumer.group.name": spec.durable, "messaging.message.id": String(msg.seq) } },
        ctx.traceparent,
        (traceparent) => spec.handle(parsed.data, { ...ctx, traceparent, msg, log }),
      );
    } catch (error) {
      result = { kind: "error", error };
    }
    const action = decideAck(result, msg.info.deliveryCount, spec.retry);
    try {
      // A plain ack (no confirmation round trip): every handler is idempotent on redelivery (Postgres
      // state decides), so a lost ack costs one harmless redelivery, not a double effect.
      if (action.action === "ack") msg.ack();
      else if (action.action === "nak") {
        if (result.kind === "error") log.warn({ err: result.error, delayMs: action.delayMs }, "handler failed; will retry");
        msg.nak(action.delayMs);
      } else {
        log.error({ reason: action.deadLetterReason }, "dead-lettering message");
        await spec.deadLetter({
          stream: spec.stream,
          consumer: spec.durable,
          streamSeq: msg.seq,
          subject: msg.subject,
          reason: action.deadLetterReason,
          payload: msg.string(),
        });
        msg.term();
      }
    } catch (err) {
      // Could not settle the message (NATS or Postgres away): it will be redelivered after ack_wait.
      log.warn({ err }, "could not settle message; it will be redelivered");
    }
  };

  const loop = (async () => {
    for await (const msg of messages) {
      while (inFlight.size >= spec.concurrency) await Promise.race(inFlight);
      const p = handleOne(msg).finally(() => inFlight.delete(p));
      inFlight.add(p);
      if (stopping) break;
    }
    await Promise.allSettled([...inFlight]);
  })();

  return {
    done: loop,
    async stop() {
      stopping = true;
      await messages.close().catch(() => undefined);
      await loop;
    },
  };
}
