import { randomUUID } from "node:crypto";
import { sql, type Transaction } from "kysely";
import { PLATFORMS, type ProjectBody } from "@layers/contracts";
import { insertLayers, type Database, type Db, type LayerRow, type ProjectRow } from "@layers/db";
import type { Cursor } from "../domain/cursor.ts";

export function rowToProject(r: ProjectRow): ProjectBody {
  return {
    id: r.id,
    organizationId: r.organization_id,
    name: r.name,
    customerExternalId: r.customer_external_id,
    timezone: r.timezone,
    primaryLanguage: r.primary_language,
    status: r.status,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

export interface NewProject {
  organizationId: string;
  name: string;
  customerExternalId?: string | undefined;
  timezone?: string | undefined;
  primaryLanguage?: string | undefined;
}

/**
 * A project and its three layers in one transaction (the layers through `insertLayers`, their
 * table's owner: SPEC §3's conservative start). Given a transaction it joins it (the route also
 * holds its answer in it).
 */
export async function insertProjectWithLayers(db: Db, p: NewProject): Promise<{ project: ProjectRow; layers: LayerRow[] }> {
  if (db.isTransaction) return insertIn(db as Transaction<Database>, p);
  return db.transaction().execute((trx) => insertIn(trx, p));
}

async function insertIn(trx: Transaction<Database>, p: NewProject): Promise<{ project: ProjectRow; layers: LayerRow[] }> {
  const now = new Date();
  const project = await trx
    .insertInto("projects")
    .values({
      id: randomUUID(),
      organization_id: p.organizationId,
      name: p.name,
      customer_external_id: p.customerExternalId ?? null,
      timezone: p.timezone ?? null,
      primary_language: p.primaryLanguage ?? null,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const layers = await insertLayers(trx, project.id, PLATFORMS, now);
  return { project, layers };
}

export async function findProject(db: Db, id: string): Promise<ProjectRow | undefined> {
  return db.selectFrom("projects").selectAll().where("id", "=", id).executeTakeFirst();
}

export interface ProjectListQuery {
  organizationId: string;
  /** Customers see only the project their token is bound to. */
  onlyProjectId?: string | undefined;
  status?: "active" | "archived" | undefined;
  limit: number;
  cursor: Cursor | null;
}

/** Newest first, keyset-paginated on (created_at, id). */
export async function listProjects(db: Db, q: ProjectListQuery) {
  let query = db
    .selectFrom("projects")
    .selectAll()
    .select(sql<string>`created_at::text`.as("cursor_at"))
    .where("organization_id", "=", q.organizationId);
  if (q.onlyProjectId) query = query.where("id", "=", q.onlyProjectId);
  if (q.status) query = query.where("status", "=", q.status);
  if (q.cursor) query = query.where(sql<boolean>`(created_at, id) < (${q.cursor.at}::timestamptz, ${q.cursor.id}::uuid)`);
  return query.orderBy("created_at", "desc").orderBy("id", "desc").limit(q.limit + 1).execute();
}

export interface ProjectPatch {
  name?: string | undefined;
  customerExternalId?: string | null | undefined;
  timezone?: string | undefined;
  primaryLanguage?: string | undefined;
}

export async function updateProject(db: Db, id: string, patch: ProjectPatch): Promise<ProjectRow> {
  return db
    .updateTable("projects")
    .set({
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.customerExternalId !== undefined ? { customer_external_id: patch.customerExternalId } : {}),
      ...(patch.timezone !== undefined ? { timezone: patch.timezone } : {}),
      ...(patch.primaryLanguage !== undefined ? { primary_language: patch.primaryLanguage } : {}),
      updated_at: new Date(),
    })
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Archiving is idempotent: an archived project stays archived and keeps its first archive time. */
export async function archiveProject(db: Db, id: string): Promise<ProjectRow> {
  await db.updateTable("projects").set({ status: "archived", updated_at: new Date() }).where("id", "=", id).where("status", "=", "active").execute();
  return db.selectFrom("projects").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
}
