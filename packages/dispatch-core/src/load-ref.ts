import { CREATES, isCreate, parentKindOf, targetOf, type Dispatch, type Platform } from "@layers/contracts";
import { PermanentError } from "@layers/runtime";
import type { Db } from "@layers/db";
import type { EntityRef } from "@layers/lifecycle";
import { loadAdAccount, loadEntityTarget, type AccountPlatform, type AdAccountTarget, type EntityTarget } from "./db/targets.repository.ts";

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

/** The rows `loadRefOf` named: the account, and the entity when the write names one (absent for a campaign create). */
export async function loadWriteRows(db: Db, p: AccountPlatform, ref: LoadRef, layerId: string): Promise<{ account: AdAccountTarget; known: EntityTarget | undefined }> {
  if ("adAccountId" in ref) return { account: await loadAdAccount(db, p, ref.adAccountId, layerId), known: undefined };
  const known = await loadEntityTarget(db, p, ref.entity, layerId);
  return { account: known.account, known };
}
