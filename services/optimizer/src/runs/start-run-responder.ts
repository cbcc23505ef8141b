import type { Msg, Subscription } from "@nats-io/transport-node";
import { optimizerRunReplySchema, optimizerRunRequestSchema, type NatsNames, type OptimizerRunReply } from "@layers/contracts";
import type { NatsConnection } from "@nats-io/transport-node";
import { hopContextOf, type Logger } from "@layers/runtime";
import type { RunStarter } from "./start-run.ts";

/** Answers `<p>.rpc.optimizer.run` (core NATS, queue group `optimizer`: one instance answers each request). */
export function startRunResponder(deps: { nc: NatsConnection; names: NatsNames; log: Logger; starter: RunStarter }): { stop(): Promise<void> } {
  const inFlight = new Set<Promise<void>>();
  const sub: Subscription = deps.nc.subscribe(deps.names.subjects.optimizerRun, {
    queue: "optimizer",
    callback: (err, msg) => {
      if (err) {
        deps.log.warn({ err }, "optimizer run subscription error");
        return;
      }
      const p = answer(msg).finally(() => inFlight.delete(p));
      inFlight.add(p);
    },
  });

  async function answer(msg: Msg): Promise<void> {
    const ctx = hopContextOf(msg.headers, `optimizer-${Date.now()}`);
    let reply: OptimizerRunReply;
    try {
      const parsed = optimizerRunRequestSchema.safeParse(msg.json());
      reply = parsed.success
        ? await deps.starter.start(parsed.data, "api", null)
        : { ok: false, code: "VALIDATION", message: parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ").slice(0, 500) };
    } catch (err) {
      deps.log.error({ err, requestId: ctx.requestId }, "optimizer run request failed");
      reply = { ok: false, code: "INTERNAL", message: "could not start the run; try again" };
    }
    try {
      msg.respond(JSON.stringify(optimizerRunReplySchema.parse(reply)));
    } catch (err) {
      deps.log.warn({ err }, "could not answer an optimizer run request");
    }
  }

  return {
    async stop() {
      sub.unsubscribe();
      await Promise.allSettled([...inFlight]);
    },
  };
}
