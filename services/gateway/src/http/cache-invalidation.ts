import pg from "pg";
import type { Logger } from "@layers/runtime";

/** The channel the `gateway_cache` triggers NOTIFY on (migration 2026_12_04_20_30_00). */
export const CACHE_CHANNEL = "gateway_cache";

export interface CacheInvalidationHandlers {
  /** One NOTIFY payload (`key:<hash>`, `kill_switches`, `project:<id>`, `org:<id>`), delivered after its transaction committed. */
  onMessage(payload: string): void;
  /**
   * Notifications may have been missed (first connect, connection lost, heartbeat late): every
   * cache must forget what it holds and reload what it needs.
   */
  onResync(): void;
}

export interface CacheInvalidation {
  /**
   * True while LISTEN is established and the last heartbeat came back in time. Caches serve
   * entries only while this holds; otherwise every lookup goes to Postgres (as without caches).
   */
  healthy(): boolean;
  /**
   * A number that changes with every invalidation and resync. A lookup started before a change must
   * not store its (maybe stale) answer: compare `epoch()` before the query and after it.
   */
  epoch(): number;
  close(): Promise<void>;
}

export interface CacheInvalidationOptions {
  connectionString: string;
  log: Logger;
  handlers: CacheInvalidationHandlers;
  /** How often the listening connection is proven alive; a heartbeat unanswered for 3 × this counts as lost (default 250 ms). */
  heartbeatMs?: number;
  /** Pause before reconnecting after a loss (default 250 ms). */
  reconnectMs?: number;
  /** The channel to LISTEN on (default `gateway_cache`; the job event stream uses `layers_job_events`). */
  channel?: string;
}

/**
 * One dedicated Postgres connection per gateway that LISTENs on `gateway_cache`. A trigger sends the
 * NOTIFY inside the transaction that revokes a key or trips a switch, so Postgres delivers it to
 * every listening gateway at commit — there is no window where the row is committed and the
 * message is not on its way. What can go wrong is the connection: a clean close or error is seen
 * at once, a silent one (half-open TCP) by the heartbeat within `4 × heartbeatMs` (1 s by
 * default). Either way the gateway stops trusting its caches (`healthy()` false, `onResync`) until
 * LISTEN is back, so a missed notification cannot keep a revoked key alive.
 */
export async function listenForCacheInvalidations(opts: CacheInvalidationOptions): Promise<CacheInvalidation> {
  const heartbeatMs = opts.heartbeatMs ?? 250;
  const reconnectMs = opts.reconnectMs ?? 250;
  const channel = opts.channel ?? CACHE_CHANNEL;
  const log = opts.log.child({ component: "cache-invalidation", channel });
  let client: pg.Client | null = null;
  let healthy = false;
  let epoch = 0;
  let closed = false;
  let heartbeatSentAt: number | null = null;
  let reconnectTimer: NodeJS.Timeout | undefined;

  const resync = () => {
    epoch++;
    opts.handlers.onResync();
  };

  const lost = (why: string, err?: unknown) => {
    if (closed) return;
    const c = client;
    client = null;
    heartbeatSentAt = null;
    if (healthy) log.warn({ err, why }, "cache invalidation connection lost; caches bypassed until it is back");
    healthy = false;
    resync();
    c?.removeAllListeners("notification");
    c?.end().catch(() => undefined);
    clearTimeout(reconnectTimer);
    reconnectTimer = setTimeout(() => void connect(), reconnectMs);
    reconnectTimer.unref();
  };

  const connect = async (): Promise<void> => {
    if (closed || client) return;
    const c = new pg.Client({ connectionString: opts.connectionString, application_name: `gateway-listener-${channel}`, keepAlive: true });
    client = c;
    c.on("error", (err) => { if (client === c) lost("error", err); });
    c.on("end", () => { if (client === c) lost("end"); });
    c.on("notification", (m) => {
      if (client !== c || m.channel !== channel || m.payload === undefined) return;
      epoch++;
      opts.handlers.onMessage(m.payload);
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${channel}`);
      if (client !== c) return;
      healthy = true;
      // Whatever was cached before LISTEN was (re)established may have missed a notification.
      resync();
      log.debug("listening for cache invalidations");
    } catch (err) {
      if (client === c) lost("connect", err);
    }
  };

  const heartbeat = setInterval(() => {
    const c = client;
    if (!c || !healthy) return;
    if (heartbeatSentAt !== null) {
      const outstanding = heartbeatSentAt;
      // Three periods of slack, and a look after this turn's I/O: after a long stall of the event
      // loop, timers run before the socket is read, and a reply waiting there is not a dead connection.
      if (Date.now() - outstanding >= 3 * heartbeatMs) {
        setImmediate(() => {
          if (client === c && heartbeatSentAt === outstanding) lost("heartbeat late");
        });
      }
      return;
    }
    const sent = Date.now();
    heartbeatSentAt = sent;
    c.query("select 1").then(
      () => { if (client === c && heartbeatSentAt === sent) heartbeatSentAt = null; },
      (err: unknown) => { if (client === c) lost("heartbeat failed", err); },
    );
  }, heartbeatMs);
  heartbeat.unref();

  await connect();
  return {
    healthy: () => healthy,
    epoch: () => epoch,
    async close() {
      closed = true;
      healthy = false;
      clearInterval(heartbeat);
      clearTimeout(reconnectTimer);
      const c = client;
      client = null;
      await c?.end().catch(() => undefined);
    },
  };
}

export interface CacheTargets {
  keys: { invalidate(secretHash: string): void; clear(): void };
  projects: { invalidate(id: string): void; clear(): void };
  orgs: { invalidate(id: string): void; clear(): void };
  killSwitches: { reload(): void };
}

/** Sends one notification to the cache it concerns; an unknown payload drops everything (a newer migration may announce more than this gateway knows). */
export function routeCacheMessage(payload: string, to: CacheTargets): void {
  if (payload.startsWith("key:")) to.keys.invalidate(payload.slice(4));
  else if (payload === "kill_switches") to.killSwitches.reload();
  else if (payload.startsWith("project:")) to.projects.invalidate(payload.slice(8));
  else if (payload.startsWith("org:")) to.orgs.invalidate(payload.slice(4));
  else resyncCaches(to);
}

/** After a possible miss: forget every cached key and project and re-read the switches. */
export function resyncCaches(to: CacheTargets): void {
  to.keys.clear();
  to.projects.clear();
  to.orgs.clear();
  to.killSwitches.reload();
}
