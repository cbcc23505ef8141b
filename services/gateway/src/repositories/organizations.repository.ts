import { sql } from "kysely";
import type { Db, OrganizationRow, OrgStatus } from "@layers/db";
import type { Organization } from "@layers/contracts";
import type { Cursor } from "../domain/cursor.ts";

/** What authentication needs of an org: its parent (tenancy of the acting header) and its state. */
export interface OrgState {
  id: string;
  parentId: string | null;
  status: OrgStatus;
}

export async function findOrgState(db: Db, id: string): Promise<OrgState | null> {
  const row = await db.selectFrom("organizations").select(["id", "parent_id", "status"]).where("id", "=", id).executeTakeFirst();
  return row ? { id: row.id, parentId: row.parent_id, status: row.status } : null;
}

export function rowToOrganization(r: OrganizationRow): Organization {
  return {
    id: r.id,
    name: r.name,
    parentOrganizationId: r.parent_id,
    status: r.status,
    metadata: r.metadata,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

export async function insertChildOrg(db: Db, o: { id: string; name: string; parentId: string; metadata: Record<string, string> }): Promise<OrganizationRow> {
  return db
    .insertInto("organizations")
    .values({ id: o.id, name: o.name, parent_id: o.parentId, metadata: JSON.stringify(o.metadata) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A direct child of `parentId`, or null (another org's child, the parent itself, nothing). */
export async function findChildOrg(db: Db, parentId: string, id: string): Promise<OrganizationRow | null> {
  const row = await db.selectFrom("organizations").selectAll().where("id", "=", id).where("parent_id", "=", parentId).executeTakeFirst();
  return row ?? null;
}

/** Oldest first (a partner's customers in the order it onboarded them); `limit + 1` rows for `toPage`. */
export async function listChildOrgs(db: Db, parentId: string, q: { status?: OrgStatus | undefined; limit: number; cursor: Cursor | null }) {
  let query = db
    .selectFrom("organizations")
    .selectAll()
    .select(sql<string>`created_at::text`.as("cursor_at"))
    .where("parent_id", "=", parentId);
  if (q.status) query = query.where("status", "=", q.status);
  if (q.cursor) query = query.where(sql<boolean>`(created_at, id) > (${q.cursor.at}::timestamptz, ${q.cursor.id})`);
  return query.orderBy("created_at").orderBy("id").limit(q.limit + 1).execute();
}

export async function updateChildOrg(
  db: Db,
  parentId: string,
  id: string,
  set: { name?: string; metadata?: Record<string, string>; status?: OrgStatus },
  /** Only while the org is in one of these states (a concurrent archive wins over a resume); default: not archived. */
  onlyFrom: readonly OrgStatus[] = ["active", "suspended"],
): Promise<OrganizationRow | null> {
  const row = await db
    .updateTable("organizations")
    .set({
      ...(set.name !== undefined ? { name: set.name } : {}),
      ...(set.metadata !== undefined ? { metadata: JSON.stringify(set.metadata) } : {}),
      ...(set.status !== undefined ? { status: set.status } : {}),
      updated_at: sql`now()`,
    })
    .where("id", "=", id)
    .where("parent_id", "=", parentId)
    .where("status", "in", [...onlyFrom])
    .returningAll()
    .executeTakeFirst();
  return row ?? null;
}
