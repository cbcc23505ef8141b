import type { FastifyReply } from "fastify";
import type { Transaction } from "kysely";
import type { Database } from "@layers/db";
import { ApiError } from "../errors.ts";
import { holdAnswer as storeHeldAnswer, type IdemClaim } from "../repositories/idempotency.repository.ts";

/** What Fastify sends with a JSON body; a held answer is replayed with the same header. */
export const JSON_CONTENT_TYPE = "application/json; charset=utf-8";

/** An answer decided before it is sent: status, body, and the headers it carries besides the content type. */
export interface HttpAnswer<T> {
  statusCode: number;
  body: T;
  headers: Record<string, string>;
}

/**
 * Call inside the transaction that performs a request's write: stores the answer on the request's
 * idempotency key, so that if the process dies before answering, a retry replays it instead of
 * writing again. Without an `Idempotency-Key` there is nothing to hold. If the key was taken over
 * meanwhile (this request outlived its lease), throws 409 so the write rolls back.
 */
export async function holdAnswer(trx: Transaction<Database>, claim: IdemClaim | null | undefined, answer: HttpAnswer<unknown>): Promise<void> {
  if (!claim) return;
  const held = await storeHeldAnswer(trx, claim, {
    statusCode: answer.statusCode,
    body: JSON.stringify(answer.body),
    headers: { "content-type": JSON_CONTENT_TYPE, ...answer.headers },
  });
  if (!held) {
    throw new ApiError("IDEMPOTENCY_CONFLICT", "a request with this Idempotency-Key is still in progress; retry later", {
      headers: { "Retry-After": "1" },
    });
  }
}

/** Sends a decided answer's status and headers; returns the body for the handler to return. */
export function sendAnswer<T>(reply: FastifyReply, answer: HttpAnswer<T>): T {
  reply.code(answer.statusCode);
  for (const [k, v] of Object.entries(answer.headers)) reply.header(k, v);
  return answer.body;
}
