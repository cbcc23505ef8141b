import { type OptimizerRunSummary, type Platform } from "@layers/contracts";
import { json, type Db } from "@layers/db";
import { sql } from "kysely";
import type { DateWindow } from "./window.ts";

/** Table `optimizer_runs`: one run of one layer, `queued → running → completed | failed`. */
export interface NewRun {
  /** Allocated by the caller, so the run's job can name it in the same transaction. */
  id: string;
  organizationId: string;
  projectId: string;
  layerId: string;
  platform: Platform;
  trigger: "api" | "schedule";
  dryRun: boolean;
  /** Scheduled runs: the tick number; the unique (layer, tick) index lets one instance win. */
  tick: number | null;
  window: DateWindow;
  requestId: string | null;
  jobId: string;
}

/**
 * Stores a queued run unless the layer has an open run (or, scheduled, this tick already has
 * one): false then, and nothing is stored. `on conflict do nothing` (no target: both partial
 * unique indexes) keeps a surrounding transaction usable, so the caller can roll back the job it
 * made for the run.
 */
export async function insertRun(db: Db, r: NewRun): Promise<boolean> {
  const stored = await db
    .insertInto("optimizer_runs")
    .values({
      id: r.id,
      organization_id: r.organizationId,
      project_id: r.projectId,
      layer_id: r.layerId,
      platform: r.platform,
      status: "queued",
      trigger: r.trigger,
      dry_run: r.dryRun,
      tick: r.tick,
      window_since: r.window.since,
      window_until: r.window.until,
      request_id: r.requestId,
      job_id: r.jobId,
    })
    .onConflict((oc) => oc.doNothing())
    .returning("id")
    .executeTakeFirst();
  return stored !== undefined;
}

/** Why `insertRun` stored nothing: the layer's open run (its id), else the tick was taken. */
export async function openRunOf(db: Db, layerId: string): Promise<string | null> {
  const open = await db.selectFrom("optimizer_runs").select("id").where("layer_id", "=", layerId).where("status", "in", ["queued", "running"]).executeTakeFirst();
  return open?.id ?? null;
}

/** `queued → running`; false when another caller (or the stale sweep) moved it first. */
export async function markRunning(db: Db, runId: string): Promise<boolean> {
  const r = await db.updateTable("optimizer_runs").set({ status: "running", started_at: sql<Date>`now()` }).where("id", "=", runId).where("status", "=", "queued").executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function completeRun(db: Db, runId: string, summary: OptimizerRunSummary): Promise<void> {
  await db.updateTable("optimizer_runs").set({ status: "completed", summary: json(summary), completed_at: sql<Date>`now()` }).where("id", "=", runId).where("status", "=", "running").execute();
}

/** Fails an open run; answers its job id (to fail the job too) when it was open. */
export async function failRun(db: Db, runId: string, error: { code: string; message: string }): Promise<{ failed: boolean; jobId: string | null }> {
  const r = await db
    .updateTable("optimizer_runs")
    .set({ status: "failed", error: json(error), completed_at: sql<Date>`now()` })
    .where("id", "=", runId)
    .where("status", "in", ["queued", "running"])
    .returning("job_id")
    .executeTakeFirst();
  return { failed: r !== undefined, jobId: r?.job_id ?? null };
}

export const STALE_RUN_ERROR = { code: "INTERRUPTED", message: "the optimizer instance running it stopped" } as const;

/** Runs left open by a crashed instance would hold their layer forever: fails those older than `staleMs`, answering their job ids. */
export async function failStaleRuns(db: Db, staleMs: number): Promise<{ runIds: string[]; jobIds: string[] }> {
  const rows = await db
    .updateTable("optimizer_runs")
    .set({ status: "failed", error: json(STALE_RUN_ERROR), completed_at: sql<Date>`now()` })
    .where("status", "in", ["queued", "running"])
    .where("created_at", "<", sql<Date>`now() - ${staleMs}::int * interval '1 millisecond'`)
    .returning(["id", "job_id"])
    .execute();
  return { runIds: rows.map((r) => r.id), jobIds: rows.flatMap((r) => (r.job_id === null ? [] : [r.job_id])) };
}
