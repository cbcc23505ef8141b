import { randomBytes } from "node:crypto";
import { headers as natsHeaders, type MsgHdrs } from "@nats-io/transport-node";
import { HEADERS } from "@layers/contracts";

/** W3C trace context: `00-<32 hex trace id>-<16 hex parent id>-<flags>`. */
const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

export function isTraceparent(v: string | undefined | null): v is string {
  return !!v && TRACEPARENT.test(v) && !/^00-0{32}-/.test(v) && !/-0{16}-/.test(v);
}

/** Starts a trace or continues one: the trace id is kept, the span id is new for this hop. */
export function childTraceparent(parent?: string | null): string {
  const span = randomBytes(8).toString("hex");
  if (isTraceparent(parent)) {
    const m = TRACEPARENT.exec(parent)!;
    return `00-${m[1]}-${span}-${m[3]}`;
  }
  return `00-${randomBytes(16).toString("hex")}-${span}-01`;
}

export interface HopContext {
  requestId: string;
  traceparent: string;
}

/** Headers for the next hop: request id unchanged, a fresh span under the same trace. */
export function hopHeaders(ctx: HopContext, extra: Record<string, string> = {}): MsgHdrs {
  const h = natsHeaders();
  h.set(HEADERS.requestId, ctx.requestId);
  h.set(HEADERS.traceparent, childTraceparent(ctx.traceparent));
  for (const [k, v] of Object.entries(extra)) h.set(k, v);
  return h;
}

export function hopContextOf(h: MsgHdrs | undefined, fallbackRequestId: string): HopContext {
  const requestId = h?.get(HEADERS.requestId) || fallbackRequestId;
  const tp = h?.get(HEADERS.traceparent);
  return { requestId, traceparent: isTraceparent(tp) ? tp : childTraceparent() };
}
