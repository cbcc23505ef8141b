import type { Platform } from "@layers/contracts";
import type { PendingActionRow, ProjectRow } from "@layers/db";
import type { RouteContext } from "../../context.ts";
import { notFound } from "../../errors.ts";
import { findPending } from "../../repositories/pending.repository.ts";

/** A pending action of this project and platform, or 404 (another org's id looks like a missing one). */
export async function pendingFor(ctx: RouteContext, project: ProjectRow, platform: Platform, id: string): Promise<PendingActionRow> {
  if (!/^pa_[0-9a-z]{26}$/.test(id)) throw notFound("pending action");
  const row = await findPending(ctx.db, project.id, platform, id);
  if (!row) throw notFound("pending action");
  return row;
}
