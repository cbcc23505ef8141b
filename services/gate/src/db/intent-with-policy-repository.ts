import { sql, type Kysely } from "kysely";
import type { CampaignRow, Database, LayerRow, WriteIntentRow } from "@layers/db";

/** An intent row locked together with the policy rows a plain write reads (unlocked). */
export interface IntentWithPolicy {
  row: WriteIntentRow;
  /** The intent's layer (`write_intents.layer_id`); null when it is gone. */
  layer: LayerRow | null;
  /** The campaign named by the stored payload's `params.campaignId`; null when none is named or it is gone. */
  campaign: CampaignRow | null;
}

/**
 * One round trip instead of three: locks the intent row and reads its layer and campaign in the
 * same statement, so they come from one snapshot taken as the lock is taken.
 *
 * `skip locked`: a row someone else holds (another delivery deciding it, the relay booking it)
 * returns undefined, and the caller takes the waiting path instead (lock, then read the policy
 * in later statements). Waiting here would decide on layer/campaign rows read from a snapshot
 * older than the lock — e.g. missing a kill switch committed while we waited.
 * undefined therefore means "locked or missing", never "missing" alone.
 */
export async function lockIntentWithPolicyNowait(db: Kysely<Database>, id: string): Promise<IntentWithPolicy | undefined> {
  const found = await db
    .selectFrom("write_intents as wi")
    .leftJoin("layers as l", "l.id", "wi.layer_id")
    .leftJoin("campaigns as c", (join) => join.on("c.id", "=", sql<string>`wi.payload #>> '{params,campaignId}'`))
    .selectAll("wi")
    .select([sql<JsonRow | null>`to_jsonb(l)`.as("layer_json"), sql<JsonRow | null>`to_jsonb(c)`.as("campaign_json")])
    .where("wi.id", "=", id)
    .forUpdate("wi")
    .skipLocked()
    .executeTakeFirst();
  if (!found) return undefined;
  const { layer_json, campaign_json, ...row } = found;
  return {
    row: row as WriteIntentRow,
    layer: layer_json ? (withDates(layer_json) as unknown as LayerRow) : null,
    campaign: campaign_json ? (withDates(campaign_json) as unknown as CampaignRow) : null,
  };
}

/**
 * The batch form: locks every free row of `ids` with its layer and campaign in one statement
 * (one policy load for a whole group commit). Rows another transaction holds are left out; the
 * caller decides those on the waiting path.
 */
export async function lockIntentsWithPolicyNowait(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, IntentWithPolicy>> {
  if (ids.length === 0) return new Map();
  const found = await db
    .selectFrom("write_intents as wi")
    .leftJoin("layers as l", "l.id", "wi.layer_id")
    .leftJoin("campaigns as c", (join) => join.on("c.id", "=", sql<string>`wi.payload #>> '{params,campaignId}'`))
    .selectAll("wi")
    .select([sql<JsonRow | null>`to_jsonb(l)`.as("layer_json"), sql<JsonRow | null>`to_jsonb(c)`.as("campaign_json")])
    .where("wi.id", "in", [...ids])
    .orderBy("wi.id")
    .forUpdate("wi")
    .skipLocked()
    .execute();
  return new Map(
    found.map(({ layer_json, campaign_json, ...row }) => [
      row.id,
      {
        row: row as WriteIntentRow,
        layer: layer_json ? (withDates(layer_json) as unknown as LayerRow) : null,
        campaign: campaign_json ? (withDates(campaign_json) as unknown as CampaignRow) : null,
      },
    ]),
  );
}

type JsonRow = Record<string, unknown>;

/**
 * `to_jsonb` renders timestamptz as ISO text; the rows' other columns already come out as the
 * driver gives them (bigint as a number, see db.ts; jsonb as objects). Both tables' only
 * timestamps are `created_at` / `updated_at`.
 */
function withDates(r: JsonRow): JsonRow {
  return { ...r, created_at: new Date(r.created_at as string), updated_at: new Date(r.updated_at as string) };
}
