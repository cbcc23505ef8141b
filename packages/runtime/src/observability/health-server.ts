import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Registry } from "prom-client";

/** A named readiness check: resolves true when the dependency answers. Throwing counts as false. */
export type ReadinessChecks = Record<string, () => boolean | Promise<boolean>>;

export interface HealthServerOptions {
  port: number;
  host?: string;
  registry: Registry;
  checks: ReadinessChecks;
  /** Longest wait for one readiness check before it counts as failed. */
  checkTimeoutMs?: number;
}

export interface HealthServer {
  /** e.g. http://127.0.0.1:9464 */
  url: string;
  close(): Promise<void>;
}

/**
 * The small HTTP port of a worker service: `/healthz` (the process is up: liveness), `/readyz`
 * (every dependency answers: readiness, 503 otherwise) and `/metrics` (Prometheus text).
 * The gateway serves the same three paths on its API port instead.
 */
export async function startHealthServer(opts: HealthServerOptions): Promise<HealthServer> {
  const timeoutMs = opts.checkTimeoutMs ?? 2_000;
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD", "content-type": "application/json" }).end(JSON.stringify({ ok: false, code: "METHOD_NOT_ALLOWED" }));
      return;
    }
    if (path === "/healthz") {
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ok: true }));
      return;
    }
    if (path === "/readyz") {
      void runChecks(opts.checks, timeoutMs).then((checks) => {
        const ok = Object.values(checks).every(Boolean);
        res.writeHead(ok ? 200 : 503, { "content-type": "application/json" }).end(JSON.stringify({ ok, checks }));
      });
      return;
    }
    if (path === "/metrics") {
      opts.registry.metrics().then(
        (text) => res.writeHead(200, { "content-type": opts.registry.contentType }).end(text),
        (err: unknown) => res.writeHead(500, { "content-type": "text/plain" }).end(`metrics failed: ${String(err)}`),
      );
      return;
    }
    res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ ok: false, code: "NOT_FOUND" }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, opts.host ?? "0.0.0.0", () => resolve());
  });
  const addr = server.address() as AddressInfo;
  const host = addr.family === "IPv6" ? `[${addr.address}]` : addr.address === "0.0.0.0" ? "127.0.0.1" : addr.address;
  return {
    url: `http://${host}:${addr.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Runs every check at once; a check that throws or outlasts the timeout is false. */
export async function runChecks(checks: ReadinessChecks, timeoutMs: number): Promise<Record<string, boolean>> {
  const entries = await Promise.all(
    Object.entries(checks).map(async ([name, check]) => {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), timeoutMs);
      });
      try {
        return [name, await Promise.race([Promise.resolve().then(check), timeout])] as const;
      } catch {
        return [name, false] as const;
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  return Object.fromEntries(entries);
}

/**
 * What each worker's main.ts calls: starts the health server on HEALTH_PORT, or nothing when it is
 * unset. Returns a close() either way, and logs the URL so operators (and `./dev start`) find it.
 */
export async function serveHealth(
  config: { HEALTH_PORT?: number | undefined; HEALTH_HOST: string },
  opts: { registry: Registry; checks: ReadinessChecks; log: { info(obj: object, msg: string): void } },
): Promise<{ url: string | undefined; close(): Promise<void> }> {
  if (config.HEALTH_PORT === undefined) return { url: undefined, close: async () => undefined };
  const server = await startHealthServer({ port: config.HEALTH_PORT, host: config.HEALTH_HOST, registry: opts.registry, checks: opts.checks });
  opts.log.info({ url: server.url }, "health server listening (/healthz, /readyz, /metrics)");
  return server;
}
