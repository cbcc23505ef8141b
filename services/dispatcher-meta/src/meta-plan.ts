import type { EntityRef, EntityRowPatch } from "@layers/dispatch-core";
import type { MetaFields } from "./meta/index.ts";

/** The Meta objects Layers writes, one per level. */
export type MetaLevel = "campaign" | "adset" | "ad";

/** A new adcreative: its Graph fields, and the exact name (a marker) that finds it again after a lost answer. */
export interface CreativeToMake {
  name: string;
  fields: MetaFields;
}

/**
 * The Meta calls one write needs, resolved down to platform ids; only the account and token are
 * added when landing. Creates carry the marker adlabel (`layers:<id>`) they are found by.
 */
export type MetaCall =
  | { kind: "create_campaign"; fields: MetaFields; marker: string }
  /** `fields.campaign_id` is `campaignId`, the parent campaign on Meta. */
  | { kind: "create_adset"; campaignId: string; fields: MetaFields; marker: string }
  /** Two steps: the creative, then the ad using it (`fields` lacks only `creative`). */
  | { kind: "create_ad"; adSetId: string; fields: MetaFields; marker: string; creative: CreativeToMake }
  | { kind: "update"; level: MetaLevel; id: string; fields: MetaFields }
  /** Two steps: a new creative, then `POST /{ad_id}` with `creative={creative_id}`. */
  | { kind: "replace_creative"; adId: string; creative: CreativeToMake };

export interface MetaPlan {
  call: MetaCall;
  /** The Layers entity written (the new one, for a create). */
  entity: EntityRef;
  created: boolean;
  /**
   * The Layers row once landed, in contract units and Layers status words. For a write that makes
   * a creative, `creative` is the contract spec; its `platformCreativeId` is only known once landed.
   */
  row: EntityRowPatch;
}
