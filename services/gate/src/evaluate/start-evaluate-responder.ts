import type { Msg, NatsConnection, Subscription } from "@nats-io/transport-node";
import { evaluateReplySchema, evaluateRequestSchema, type EvaluateReply, type NatsNames } from "@layers/contracts";
import type { Db } from "@layers/db";
import { hopContextOf, type Logger } from "@layers/runtime";
import { evaluate } from "./evaluate.ts";

export interface EvaluateResponderDeps {
  db: Db;
  nc: NatsConnection;
  names: NatsNames;
  log: Logger;
}

/**
 * Answers `<p>.rpc.gate.evaluate.<platform>` (core NATS, queue group `gate`: one instance answers).
 * Nothing is stored or published besides the reply.
 */
export function startEvaluateResponder(deps: EvaluateResponderDeps): { stop(): Promise<void> } {
  const inFlight = new Set<Promise<void>>();
  const sub: Subscription = deps.nc.subscribe(deps.names.subjects.evaluateAll, {
    queue: "gate",
    callback: (err, msg) => {
      if (err) {
        deps.log.warn({ err }, "evaluate subscription error");
        return;
      }
      const p = answer(msg).finally(() => inFlight.delete(p));
      inFlight.add(p);
    },
  });

  async function answer(msg: Msg): Promise<void> {
    const ctx = hopContextOf(msg.headers, `evaluate-${Date.now()}`);
    const log = deps.log.child({ requestId: ctx.requestId, traceparent: ctx.traceparent });
    let reply: EvaluateReply;
    try {
      const parsed = evaluateRequestSchema.safeParse(msg.json());
      const platform = msg.subject.slice(msg.subject.lastIndexOf(".") + 1);
      if (!parsed.success) {
        reply = { ok: false, code: "VALIDATION", message: parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ").slice(0, 500) };
      } else if (parsed.data.platform !== platform) {
        reply = { ok: false, code: "VALIDATION", message: `request for ${parsed.data.platform} sent on the ${platform} subject` };
      } else {
        reply = await evaluate(deps.db, parsed.data);
        log.debug({ operation: parsed.data.operation, reply }, "evaluated");
      }
    } catch (err) {
      log.error({ err }, "evaluate failed");
      reply = { ok: false, code: "INTERNAL", message: "evaluate failed; try again" };
    }
    try {
      msg.respond(JSON.stringify(evaluateReplySchema.parse(reply)));
    } catch (err) {
      log.warn({ err }, "could not answer an evaluate request");
    }
  }

  return {
    async stop() {
      sub.unsubscribe();
      await Promise.allSettled([...inFlight]);
    },
  };
}
