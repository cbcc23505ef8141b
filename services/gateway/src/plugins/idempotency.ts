import type { FastifyInstance, FastifyReply } from "fastify";
import type { Db } from "@layers/db";
import { ApiError } from "../errors.ts";
import { parseIdempotencyKey, requestFingerprint } from "../domain/idempotency-key.ts";
import { principalKey } from "../domain/principal.ts";
import { principalOf } from "./auth.ts";
import {
  claimKey,
  completeKey,
  findKey,
  pruneExpiredKeys,
  releaseKey,
  type IdemScope,
} from "../repositories/idempotency.repository.ts";

declare module "fastify" {
  interface FastifyContextConfig {
    /** The route honours `Idempotency-Key` (every mutating POST; PATCH/PUT where it helps). */
    idempotent?: boolean;
  }
  interface FastifyRequest {
    /** Set while this request owns an in-flight idempotency row. */
    idemClaim: IdemScope | null;
  }
}

const HEADER = "idempotency-key";
/** Response headers a replay repeats besides status and body. */
const REPLAYED_HEADERS = ["content-type", "location"];
/**
 * Answers that mean "nothing was executed": the claim is dropped so the caller can fix the
 * request and retry with the same key (as Stripe does for validation failures).
 */
const NOT_EXECUTED = new Set(["VALIDATION", "NOT_FOUND", "UNAUTHENTICATED", "INSUFFICIENT_SCOPE", "CUSTOMER_ONLY"]);

export interface IdempotencyOptions {
  db: Db;
  /** How often expired keys are deleted; 0 disables the sweep. */
  pruneEveryMs?: number;
}

/**
 * Idempotency-Key (IETF draft + Stripe semantics): scoped to (org, principal, key); the
 * fingerprint is method + path + canonical body; claimed as in_flight before the handler runs;
 * a retry replays the stored status and body with `Idempotent-Replayed: true`.
 */
export function installIdempotency(app: FastifyInstance, opts: IdempotencyOptions): void {
  const { db } = opts;
  app.decorateRequest("idemClaim", null);

  app.addHook("preHandler", async (req, reply) => {
    if (!req.routeOptions.config.idempotent) return;
    const raw = req.headers[HEADER];
    if (raw === undefined) return;
    const key = typeof raw === "string" ? parseIdempotencyKey(raw) : null;
    if (key === null) {
      throw new ApiError("VALIDATION", "Idempotency-Key must be 1 to 255 visible ASCII characters", { status: 400 });
    }
    const principal = principalOf(req);
    const scope: IdemScope = { organizationId: principal.organizationId, principal: principalKey(principal), key };
    const path = req.url.split("?")[0]!;
    const request = { method: req.method, path, fingerprint: requestFingerprint(req.method, path, req.body) };
    // Two rounds: a claim can lose to a row that is released between our insert and our read.
    for (let round = 0; round < 2; round++) {
      if (await claimKey(db, scope, request)) {
        req.idemClaim = scope;
        return;
      }
      const stored = await findKey(db, scope);
      if (!stored) continue;
      if (stored.fingerprint !== request.fingerprint) {
        throw new ApiError("IDEMPOTENCY_CONFLICT", "this Idempotency-Key was already used with a different request", { status: 422 });
      }
      if (stored.state === "in_flight") {
        throw new ApiError("IDEMPOTENCY_CONFLICT", "a request with this Idempotency-Key is still in progress; retry later", {
          headers: { "Retry-After": "1" },
        });
      }
      return replay(reply, stored.statusCode ?? 200, stored.body ?? "", stored.headers ?? {});
    }
    throw new ApiError("IDEMPOTENCY_CONFLICT", "a request with this Idempotency-Key is still in progress; retry later", {
      headers: { "Retry-After": "1" },
    });
  });

  app.addHook("onSend", async (req, reply, payload) => {
    const claim = req.idemClaim;
    if (!claim) return payload;
    req.idemClaim = null;
    try {
      if (reply.statusCode >= 500 || (req.problemCode !== null && NOT_EXECUTED.has(req.problemCode))) {
        await releaseKey(db, claim);
      } else {
        const headers: Record<string, string> = {};
        for (const h of REPLAYED_HEADERS) {
          const v = reply.getHeader(h);
          if (v !== undefined) headers[h] = String(v);
        }
        await completeKey(db, claim, { statusCode: reply.statusCode, body: typeof payload === "string" ? payload : String(payload ?? ""), headers });
      }
    } catch (err) {
      // The answer still goes out; the in-flight row expires after its lease and a retry may take it over.
      req.log.error({ err }, "could not record the idempotent answer");
    }
    return payload;
  });

  if (opts.pruneEveryMs && opts.pruneEveryMs > 0) {
    const timer = setInterval(() => {
      pruneExpiredKeys(db).catch((err: unknown) => app.log.warn({ err }, "could not prune idempotency keys"));
    }, opts.pruneEveryMs);
    timer.unref();
    app.addHook("onClose", async () => clearInterval(timer));
  }
}

function replay(reply: FastifyReply, status: number, body: string, headers: Record<string, string>): FastifyReply {
  for (const [k, v] of Object.entries(headers)) reply.header(k, v);
  reply.header("Idempotent-Replayed", "true");
  return reply.code(status).send(body);
}

