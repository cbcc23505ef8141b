import type { Landed } from "@layers/dispatch-core";
import type { Logger } from "@layers/runtime";
import type { CreativeToMake, MetaCall, MetaLevel } from "./meta-plan.ts";
import { fieldsToVerify, metaHolds, MetaRequestError, type MetaAuth, type MetaClient, type MetaFields } from "./meta/index.ts";

/** A landed Meta write; `creativeId` is the creative the ad shows, for writes that make one. */
export interface MetaLanded extends Landed {
  creativeId?: string;
}

export interface LandTarget {
  call: MetaCall;
  auth: MetaAuth;
  /** The ad account on Meta (`act_…` or the bare number). */
  platformAccountId: string;
}

/** What one landing remembers across its quick retries. */
export interface LandState {
  /** The previous call (of this claim or an earlier one) may have applied: look before mutating. */
  mustReconcile: boolean;
  /** The creative this landing already made or found: a retry of the second step reuses it. */
  creativeId?: string | undefined;
}

/** Reads for finding a create by its marker adlabel. */
const MARKER_FIELDS = ["id", "adlabels"] as const;

/**
 * One try at landing a write. With `state.mustReconcile` it first looks for what an earlier try
 * may have done: a create for its marker adlabel, an update for the values it sets, a creative
 * swap for its creative on the ad; a creative for its marker name before making one.
 */
export async function landOnce(meta: MetaClient, log: Logger, t: LandTarget, state: LandState): Promise<MetaLanded> {
  const { call, auth, platformAccountId: account } = t;
  const hasMarker = (marker: string) => (o: { adlabels?: Array<{ name: string }> | undefined }) => o.adlabels?.some((l) => l.name === marker) ?? false;

  switch (call.kind) {
    case "create_campaign": {
      if (state.mustReconcile) {
        const found = (await meta.listCampaigns(account, MARKER_FIELDS, auth, { includeArchived: true })).find(hasMarker(call.marker));
        if (found) return adopted(log, "campaign", found.id);
      }
      const { id } = await meta.createCampaign(account, call.fields, auth);
      return { platformId: id, reconciled: false };
    }
    case "create_adset": {
      if (state.mustReconcile) {
        const found = (await meta.listAdSets(call.campaignId, MARKER_FIELDS, auth, { includeArchived: true })).find(hasMarker(call.marker));
        if (found) return adopted(log, "ad set", found.id);
      }
      const { id } = await meta.createAdSet(account, call.fields, auth);
      return { platformId: id, reconciled: false };
    }
    case "create_ad": {
      if (state.mustReconcile) {
        const found = (await meta.listAds(call.adSetId, [...MARKER_FIELDS, "creative"], auth, { includeArchived: true })).find(hasMarker(call.marker));
        if (found) return { ...adopted(log, "ad", found.id), ...(found.creative ? { creativeId: found.creative.id } : {}) };
      }
      const creativeId = await ensureCreative(meta, log, t, state, call.creative);
      const { id } = await meta.createAd(account, { ...call.fields, creative: { creative_id: creativeId } }, auth);
      return { platformId: id, reconciled: false, creativeId };
    }
    case "replace_creative": {
      if (state.mustReconcile) {
        const ad = await meta.getAd(call.adId, ["id", "creative{id,name}"], auth);
        if (ad.creative?.name === call.creative.name) {
          log.info({ platformId: call.adId, creativeId: ad.creative.id }, "reconciled: the ad already shows this write's creative");
          return { platformId: call.adId, reconciled: true, creativeId: ad.creative.id };
        }
      }
      const creativeId = await ensureCreative(meta, log, t, state, call.creative);
      await meta.updateAd(call.adId, { creative: { creative_id: creativeId } }, auth);
      return { platformId: call.adId, reconciled: false, creativeId };
    }
    case "update": {
      const object = objectCalls(meta, call.level);
      if (state.mustReconcile) {
        const current = await object.get(call.id, fieldsToVerify(call.fields), auth);
        if (metaHolds(current, call.fields)) {
          log.info({ platformId: call.id, level: call.level }, "reconciled: Meta already holds this update");
          return { platformId: call.id, reconciled: true };
        }
      }
      try {
        await object.update(call.id, call.fields, auth);
      } catch (err) {
        // Meta refuses to delete what is already gone (deleted by hand, or with its campaign or ad
        // set): the delete asked for holds, so it has landed.
        if (err instanceof MetaRequestError && call.fields.status === "DELETED" && (await isDeleted(object, call.id, auth, err))) {
          log.info({ platformId: call.id, level: call.level }, "reconciled: already deleted on Meta");
          return { platformId: call.id, reconciled: true };
        }
        throw err;
      }
      return { platformId: call.id, reconciled: false };
    }
  }
}

/**
 * The creative of a two-step write, made at most once: reused within this landing, else (when an
 * earlier try may have made it) found by its marker name, else made now.
 */
async function ensureCreative(meta: MetaClient, log: Logger, t: LandTarget, state: LandState, creative: CreativeToMake): Promise<string> {
  if (state.creativeId !== undefined) return state.creativeId;
  if (state.mustReconcile) {
    const found = (await meta.listAdCreatives(t.platformAccountId, ["id", "name"], t.auth)).find((c) => c.name === creative.name);
    if (found) {
      log.info({ creativeId: found.id }, "reconciled: the creative had already been made");
      state.creativeId = found.id;
      return found.id;
    }
  }
  const { id } = await meta.createAdCreative(t.platformAccountId, creative.fields, t.auth);
  state.creativeId = id;
  return id;
}

/** Whether the object reads as deleted, by its own status or its parents'; a failed read keeps the refusal. */
async function isDeleted(object: ObjectCalls, id: string, auth: MetaAuth, refusal: MetaRequestError): Promise<boolean> {
  const current = await object.get(id, ["status", "effective_status"], auth).catch(() => {
    throw refusal;
  });
  return current.status === "DELETED" || current.effective_status === "DELETED";
}

function adopted(log: Logger, what: string, platformId: string): MetaLanded {
  log.info({ platformId }, `reconciled: the ${what} create had already landed`);
  return { platformId, reconciled: true };
}

interface ObjectCalls {
  get: (id: string, fields: readonly string[], auth: MetaAuth) => Promise<Record<string, unknown>>;
  update: (id: string, fields: MetaFields, auth: MetaAuth) => Promise<void>;
}

function objectCalls(meta: MetaClient, level: MetaLevel): ObjectCalls {
  switch (level) {
    case "campaign":
      return { get: (id, f, a) => meta.getCampaign(id, f, a), update: (id, f, a) => meta.updateCampaign(id, f, a) };
    case "adset":
      return { get: (id, f, a) => meta.getAdSet(id, f, a), update: (id, f, a) => meta.updateAdSet(id, f, a) };
    case "ad":
      return { get: (id, f, a) => meta.getAd(id, f, a), update: (id, f, a) => meta.updateAd(id, f, a) };
  }
}
