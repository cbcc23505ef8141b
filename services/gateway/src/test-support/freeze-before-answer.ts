import type { FastifyInstance } from "fastify";

/**
 * Freezes every answer of `app` after its handler returned (its write committed) and before the
 * idempotency plugin records the answer — the crash window, as a process that died there leaves it.
 * `release()` lets the frozen requests finish (at test end).
 */
export function freezeBeforeAnswer(app: FastifyInstance): { release(): void } {
  let release!: () => void;
  const thawed = new Promise<void>((resolve) => (release = resolve));
  app.addHook("preSerialization", async (_req, _reply, payload) => {
    await thawed;
    return payload;
  });
  return { release };
}
