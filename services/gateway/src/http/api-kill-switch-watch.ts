import type { Db } from "@layers/db";
import type { Logger } from "@layers/runtime";
import type { Principal } from "../domain/principal.ts";
import { listActiveKillSwitches, type ActiveKillSwitch } from "../repositories/rate-limits.repository.ts";
import type { CacheInvalidation } from "./cache-invalidation.ts";

export interface ApiKillSwitchWatch {
  /** The switch that stops this principal's writes, if any (global first, then org, then key). */
  blocking(p: Principal): ActiveKillSwitch | undefined;
  /** Re-reads the switches now (a `kill_switches` notification, or a resync). */
  reload(): void;
  stop(): void;
}

export interface ApiKillSwitchWatchOptions {
  /** Re-read period while the invalidation channel is down (default 500 ms): the 1 s promise holds without it. */
  pollMs: number;
  /** Re-read period while it is healthy (default 30 s): belt and braces, not what makes a switch take effect. */
  healthyPollMs?: number;
}

/**
 * Every gateway's view of the API kill switches (ops sets them in Postgres). A change is pushed:
 * the `api_kill_switches` trigger NOTIFYs at commit and the gateway re-reads the (tiny) table at
 * once, so a switch takes effect on every gateway within one round trip of the commit. While the
 * invalidation channel is down the view is re-read every `pollMs` instead, as before it existed.
 * A failed re-read keeps the last view: the switch is an emergency brake, not a reason to stop serving.
 */
export async function watchApiKillSwitches(db: Db, log: Logger, invalidation: Pick<CacheInvalidation, "healthy">, opts: ApiKillSwitchWatchOptions): Promise<ApiKillSwitchWatch> {
  let active: ActiveKillSwitch[] = await listActiveKillSwitches(db);
  let readAt = Date.now();
  let running: Promise<void> | null = null;
  let again = false;
  const healthyPollMs = opts.healthyPollMs ?? 30_000;

  // One read at a time; a change announced during a read triggers one more, so the last read
  // always starts after the last notification.
  const reload = (): void => {
    if (running) {
      again = true;
      return;
    }
    const startedAt = Date.now();
    running = listActiveKillSwitches(db)
      .then((rows) => {
        active = rows;
        readAt = startedAt;
      })
      .catch((err: unknown) => log.warn({ err }, "could not refresh the API kill switches; keeping the last view"))
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          reload();
        }
      });
  };

  const timer =
    opts.pollMs > 0
      ? setInterval(() => {
          if (!invalidation.healthy() || Date.now() - readAt >= healthyPollMs) reload();
        }, opts.pollMs)
      : undefined;
  timer?.unref();
  return {
    blocking(p) {
      if (active.length === 0) return undefined;
      return (
        active.find((s) => s.scope === "global") ??
        active.find((s) => s.scope === "org" && (s.target === p.organizationId || (p.kind === "api_key" && s.target === p.actingOrganizationId))) ??
        (p.kind === "api_key" ? active.find((s) => s.scope === "key" && s.target === p.apiKeyId) : undefined)
      );
    },
    reload,
    stop() {
      if (timer) clearInterval(timer);
    },
  };
}
