import type { Db } from "@layers/db";
import { claimSyncTick } from "@layers/optimizer-store";
import type { Logger } from "@layers/runtime";
import { failStaleRunsAndJobs, type RunStarter } from "../runs/start-run.ts";
import { firstTickAt, tickNumber } from "./tick.ts";

export interface ScheduleDeps {
  db: Db;
  log: Logger;
  starter: RunStarter;
  intervalMs: number;
  staleMs: number;
  /** Syncs one layer's metrics (the window ending yesterday), for layers the schedule does not run. */
  syncMetrics: (layerId: string) => Promise<unknown>;
  now?: () => number;
}

/**
 * Every interval, one run per consenting layer (with a connected ad account) — each run syncs its
 * layer's metrics first — and a metrics sync alone for every other layer with a connected account,
 * so `/ads-metrics` stays current without consent. Cluster-safe: each instance tries every layer;
 * the unique (layer, tick) index lets exactly one store a run, `claimSyncTick` one sync.
 */
export interface RunningSchedule {
  /** Runs this instance stored, layer ticks it found already taken (by another instance or an open run), and metrics-only syncs it made. */
  stats(): { started: number; skipped: number; synced: number };
  stop(): Promise<void>;
}

export function startSchedule(deps: ScheduleDeps): RunningSchedule {
  const now = deps.now ?? Date.now;
  const counts = { started: 0, skipped: 0, synced: 0 };
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;

  const arm = (at: number) => {
    timer = setTimeout(() => {
      running = tick(tickNumber(at, deps.intervalMs)).finally(() => {
        running = undefined;
        if (!stopped) arm(at + deps.intervalMs);
      });
    }, Math.max(0, at - now()));
  };

  async function tick(n: number): Promise<void> {
    try {
      const stale = await failStaleRunsAndJobs(deps.db, deps.staleMs);
      if (stale > 0) deps.log.warn({ stale }, "failed runs left open by a stopped instance");
      const connected = await deps.db
        .selectFrom("layers")
        .innerJoin("projects", "projects.id", "layers.project_id")
        .select(["layers.id", "layers.platform", "layers.partner_writes_enabled", "projects.id as project_id", "projects.organization_id"])
        .where("projects.status", "=", "active")
        .where((eb) => eb.exists(eb.selectFrom("ad_accounts").select("ad_accounts.id").whereRef("ad_accounts.layer_id", "=", "layers.id").where("ad_accounts.status", "=", "connected")))
        .execute();
      const layers = connected.filter((l) => l.partner_writes_enabled);
      let started = 0;
      for (const l of layers) {
        const r = await deps.starter.start({ organizationId: l.organization_id, projectId: l.project_id, layerId: l.id, platform: l.platform, dryRun: false, requestId: `schedule-${n}-${l.id}` }, "schedule", n);
        if (r.ok) started++;
        else counts.skipped++;
      }
      counts.started += started;
      let synced = 0;
      for (const l of connected.filter((c) => !c.partner_writes_enabled)) {
        if (!(await claimSyncTick(deps.db, l.id, n))) continue;
        try {
          await deps.syncMetrics(l.id);
          synced++;
        } catch (err) {
          deps.log.warn({ err, layerId: l.id, tick: n }, "scheduled metrics sync failed; the next tick tries again");
        }
      }
      counts.synced += synced;
      deps.log.info({ tick: n, layers: layers.length, started, synced }, "optimizer tick");
    } catch (err) {
      deps.log.error({ err, tick: n }, "optimizer tick failed");
    }
  }

  arm(firstTickAt(now(), deps.intervalMs));
  return {
    stats: () => ({ ...counts }),
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
