import type { Db } from "@layers/db";

/**
 * The campaign's Meta objective and Layers outcome: what a new ad set optimises for when the
 * write names no goal. `loadEntityTarget` (dispatch-core) does not carry them, being
 * platform-neutral, so this one read is Meta's own. Missing rows read as unknown; the planner
 * then asks for an explicit goal.
 */
export async function loadCampaignGoal(db: Db, campaignId: string): Promise<{ objective: string | null; outcome: string | null }> {
  const row = await db.selectFrom("campaigns").select(["objective", "outcome"]).where("id", "=", campaignId).executeTakeFirst();
  return { objective: row?.objective ?? null, outcome: row?.outcome ?? null };
}
