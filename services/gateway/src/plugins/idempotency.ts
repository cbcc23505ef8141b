import type { FastifyBaseLogger, FastifyInstance, FastifyReply } from "fastify";
import type { Db } from "@layers/db";
import { openToken, sealToken } from "@layers/runtime";
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
  type IdemClaim,
  type IdemScope,
} from "../repositories/idempotency.repository.ts";

declare module "fastify" {
  interface FastifyContextConfig {
    /** The route honours `Idempotency-Key` (every mutating POST; PATCH/PUT where it helps). */
    idempotent?: boolean;
    /** The answer carries a secret shown once (webhook create / rotate): it is sealed while stored for replay. */
    sealAnswer?: boolean;
  }
  interface FastifyRequest {
    /** Set while this request owns an in-flight idempotency row. */
    idemClaim: IdemClaim | null;
  }
}

const HEADER = "idempotency-key";
/** Response headers a replay repeats besides status and body. */
const REPLAYED_HEADERS = ["content-type", "location"];
/**
 * Answers that mean "nothing was executed": the claim is dropped so the caller can fix the
 * request and retry with the same key (as Stripe does for validation failures).
 */
// CUSTOMER_ONLY is not here: a partner's attempt on a customer-only control is a gate decision (audited), replayed like AUTHORITY_DENIED.
const NOT_EXECUTED = new Set(["VALIDATION", "NOT_FOUND", "UNAUTHENTICATED", "INSUFFICIENT_SCOPE"]);

export interface IdempotencyOptions {
  db: Db;
  /** How often expired keys are deleted; 0 disables the sweep. */
  pruneEveryMs?: number;
  /** Seals answers of `sealAnswer` routes at rest (AES-256-GCM, the platform-token key). */
  sealKey: string;
}

const SEALED = "sealed:";

/**
 * Idempotency-Key (IETF draft + Stripe semantics): scoped to (org, principal, key); the
 * fingerprint is method + path + canonical body; claimed as in_flight before the handler runs;
 * a retry replays the stored status and body with `Idempotent-Replayed: true`. Handlers that write
 * also hold their answer on the key in the write's own transaction (`holdAnswer`), so a request
 * that dies after its write committed is answered on retry, not executed again.
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
      const claim = await claimKey(db, scope, request);
      if (claim) {
        req.idemClaim = claim;
        return;
      }
      const stored = await findKey(db, scope);
      if (!stored) continue;
      if (stored.fingerprint !== request.fingerprint) {
        throw new ApiError("IDEMPOTENCY_CONFLICT", "this Idempotency-Key was already used with a different request", { status: 422 });
      }
      if (stored.state === "in_flight") {
        // Its request died after storing its write: answer as it would have, never run the write again.
        if (stored.held && stored.leaseExpired) return replay(reply, stored.statusCode ?? 202, unseal(stored.body ?? "", opts.sealKey), stored.headers ?? {});
        throw new ApiError("IDEMPOTENCY_CONFLICT", "a request with this Idempotency-Key is still in progress; retry later", {
          headers: { "Retry-After": "1" },
        });
      }
      return replay(reply, stored.statusCode ?? 200, unseal(stored.body ?? "", opts.sealKey), stored.headers ?? {});
    }
    throw new ApiError("IDEMPOTENCY_CONFLICT", "a request with this Idempotency-Key is still in progress; retry later", {
      headers: { "Retry-After": "1" },
    });
  });

  app.addHook("onSend", async (req, reply, payload) => {
    const claim = req.idemClaim;
    if (!claim) return payload;
    req.idemClaim = null;
    let settle: () => Promise<void>;
    if (reply.statusCode >= 500 || (req.problemCode !== null && NOT_EXECUTED.has(req.problemCode))) {
      settle = () => releaseKey(db, claim);
    } else {
      const headers: Record<string, string> = {};
      for (const h of REPLAYED_HEADERS) {
        const v = reply.getHeader(h);
        if (v !== undefined) headers[h] = String(v);
      }
      const sent = typeof payload === "string" ? payload : String(payload ?? "");
      // A secret shown once must not sit in plaintext for the key's 24 h: keep it sealed.
      const body = req.routeOptions.config.sealAnswer ? SEALED + sealToken(sent, opts.sealKey) : sent;
      const answer = { statusCode: reply.statusCode, body, headers };
      settle = () => completeKey(db, claim, answer);
    }
    try {
      await settle();
    } catch (err) {
      // The answer still goes out. Postgres was away (a 503 is often why we are here): keep trying in the
      // background, or every retry with this key is refused 409 until the in-flight lease runs out.
      req.log.error({ err }, "could not record the idempotent answer; retrying in the background");
      settleLater(settle, req.log);
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

/** Retries a key update Postgres refused, a few times over ~8 s. Safe late: it only touches this request's claim. */
function settleLater(settle: () => Promise<void>, log: FastifyBaseLogger, delaysMs: readonly number[] = [250, 500, 1_000, 2_000, 4_000]): void {
  const attempt = (i: number) => {
    const timer = setTimeout(() => {
      settle().then(
        () => log.info("recorded the idempotent answer after retrying"),
        (err: unknown) => {
          if (i + 1 < delaysMs.length) attempt(i + 1);
          else log.error({ err }, "gave up recording the idempotent answer; the key stays in flight until its lease runs out");
        },
      );
    }, delaysMs[i]);
    timer.unref();
  };
  attempt(0);
}

function unseal(body: string, key: string): string {
  return body.startsWith(SEALED) ? openToken(body.slice(SEALED.length), key) : body;
}

function replay(reply: FastifyReply, status: number, body: string, headers: Record<string, string>): FastifyReply {
  for (const [k, v] of Object.entries(headers)) reply.header(k, v);
  reply.header("Idempotent-Replayed", "true");
  return reply.code(status).send(body);
}

