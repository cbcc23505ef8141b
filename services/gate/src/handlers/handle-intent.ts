import type { JetStreamClient, JsMsg } from "@nats-io/jetstream";
import type { NatsConnection } from "@nats-io/transport-node";
import { HEADERS, type NatsNames, type WriteIntent } from "@layers/contracts";
import { isTraceparent, MalformedMessageError, type GateMetrics, type HandlerOutcome, type Logger } from "@layers/runtime";
import { effectsOf } from "../domain/side-effects.ts";
import type { GroupCommitter } from "./group-committer.ts";
import { emitEffects } from "./emit-effects.ts";

export interface IntentHandlerDeps {
  js: JetStreamClient;
  nc: NatsConnection;
  names: NatsNames;
  /** Decides intents handled at once together (group commit). */
  committer: GroupCommitter;
  /** Counts fresh decisions (a replayed verdict is not counted again). */
  metrics?: GateMetrics;
}

/**
 * One intent message: decide (or find the earlier decision) with the other intents this process
 * is handling (one transaction per batch), then publish.
 * Returns `done` only after every publish, so a crash in between redelivers and re-publishes.
 */
export async function handleIntent(deps: IntentHandlerDeps, message: WriteIntent, ctx: { msg: JsMsg; log: Logger }): Promise<HandlerOutcome> {
  const outcome = await deps.committer.decide(message.intentId);
  if (outcome.kind === "failed") {
    ctx.log.warn({ intentId: message.intentId, code: outcome.code, detail: outcome.message }, "intent could not be decided; job failed");
    if (outcome.deadLetter) throw new MalformedMessageError(`intent ${message.intentId}: ${outcome.message}`);
    return { kind: "done" };
  }
  if (outcome.kind === "settled") {
    ctx.log.debug({ intentId: message.intentId, state: outcome.state }, "intent already settled without a verdict");
    return { kind: "done" };
  }
  const { record } = outcome;
  if (outcome.fresh) deps.metrics?.decided({ decision: record.decision, reason: record.reason ?? "none", platform: record.intent.platform });
  // The message's span is this hop's parent; a relayed or replayed copy may lack it, then the stored one is.
  const fromMessage = ctx.msg.headers?.get(HEADERS.traceparent);
  const traceparent = isTraceparent(fromMessage) ? fromMessage : (outcome.storedTraceparent ?? "");
  await emitEffects(deps, effectsOf(record, deps.names), { requestId: record.intent.requestId, traceparent }, { intentId: record.intent.intentId, next: outcome.next });
  ctx.log.debug(
    { intentId: record.intent.intentId, verdictId: record.verdictId, decision: record.decision, reason: record.reason, replay: !outcome.fresh },
    "intent decided",
  );
  return { kind: "done" };
}
