import { CREATES, isCreate, parentKindOf, targetOf, type Dispatch, type Platform } from "@layers/contracts";
import { createGroupCommitter, PermanentError, type BatchAnswer } from "@layers/runtime";
import type { Db } from "@layers/db";
import type { EntityRef } from "@layers/lifecycle";
import { campaignRows, campaignTargetOf, loadAdAccount, loadEntityTarget, type AccountPlatform, type AdAccountTarget, type EntityTarget } from "./db/targets.repository.ts";

/** The Layers row a write must load before it can be planned: the account of a campaign create, else an entity. */
export type LoadRef = { adAccountId: string } | { entity: EntityRef };

/**
 * Which row a write needs, for any platform: a campaign create needs its ad account; any other
 * create needs its parent (the campaign for the second level, `parentId` for the third); every
 * other write needs its target. Pure; malformed params are a `PermanentError` before any read.
 */
export function loadRefOf(platform: Platform, d: Pick<Dispatch, "operation" | "params">): LoadRef {
  const str = (v: unknown, what: string): string => {
    if (typeof v !== "string" || v === "") throw new PermanentError("invalid_params", `${d.operation} needs ${what}`);
    return v;
  };
  if (isCreate(d.operation)) {
    const kind = CREATES[d.operation];
    if (kind === "campaign") return { adAccountId: str(d.params.adAccountId, "adAccountId") };
    const parent = parentKindOf(platform, kind);
    if (parent === null) throw new PermanentError("unsupported_operation", `${platform} has no ${kind} level`);
    return parent === "campaign"
      ? { entity: { kind: "campaign", id: str(d.params.campaignId, "campaignId") } }
      : { entity: { kind: parent, id: str(d.params.parentId, "parentId") } };
  }
  const target = targetOf(d.operation, d.params);
  if (target === undefined) throw new PermanentError("invalid_params", `${d.operation} names no entity`);
  return { entity: target };
}

/** The rows a write loads before it is planned. */
export interface WriteRows {
  account: AdAccountTarget;
  known: EntityTarget | undefined;
}

/** The rows `loadRefOf` named: the account, and the entity when the write names one (absent for a campaign create). */
export async function loadWriteRows(db: Db, p: AccountPlatform, ref: LoadRef, layerId: string): Promise<WriteRows> {
  if ("adAccountId" in ref) return { account: await loadAdAccount(db, p, ref.adAccountId, layerId), known: undefined };
  const known = await loadEntityTarget(db, p, ref.entity, layerId);
  return { account: known.account, known };
}

/** `loadWriteRows` for the writes one process prepares at once. */
export type RowLoader = (ref: LoadRef, layerId: string) => Promise<WriteRows>;

/**
 * `loadWriteRows` with group commit: the campaign targets of the writes being prepared at once are
 * read in one statement (the writes of most operations act on a campaign). Every other load, and
 * any campaign the batch cannot answer as found in the write's layer and platform, is read on its
 * own by `loadWriteRows`, so errors are exactly the single read's.
 */
export function createRowLoader(deps: { db: Db; platform: AccountPlatform; maxBatch: number; maxInFlight: number }): RowLoader {
  const { db, platform } = deps;
  const loads = createGroupCommitter<{ ref: LoadRef; layerId: string }, WriteRows>({
    maxBatch: deps.maxBatch,
    maxInFlight: deps.maxInFlight,
    async runBatch(items) {
      const ids = items.flatMap((x) => ("entity" in x.ref && x.ref.entity.kind === "campaign" ? [x.ref.entity.id] : []));
      const rows = new Map((await campaignRows(db, [...new Set(ids)])).map((r) => [r.id, r]));
      return items.map(({ ref, layerId }): BatchAnswer<WriteRows> => {
        const row = "entity" in ref && ref.entity.kind === "campaign" ? rows.get(ref.entity.id) : undefined;
        if (!row || row.entity_layer_id !== layerId || row.platform !== platform.platform || row.layer_id !== layerId) return { alone: true };
        const known = campaignTargetOf(platform, row, layerId);
        return { ok: { account: known.account, known } };
      });
    },
    runAlone: ({ ref, layerId }) => loadWriteRows(db, platform, ref, layerId),
  });
  return (ref, layerId) => loads.submit({ ref, layerId });
}
