import { newAccessToken, randomDigits } from "../ids.ts";
import type { BudgetMode, OperationStatus } from "./enums.ts";

export type TtLevel = "campaign" | "adgroup" | "ad";

export interface TtAdvertiser {
  id: string;
  name: string;
  currency: string;
  accessToken: string;
}

interface TtObjectBase {
  advertiser_id: string;
  operation_status: OperationStatus;
  /** ISO 8601; read back as `YYYY-MM-DD HH:MM:SS`. */
  create_time: string;
  modify_time: string;
}

export interface TtCampaign extends TtObjectBase {
  campaign_id: string;
  campaign_name: string;
  objective_type: string;
  budget_mode: BudgetMode;
  /** Major units; 0 for BUDGET_MODE_INFINITE. */
  budget: number;
  budget_optimize_on: boolean;
  special_industries: string[];
  campaign_type: string;
  app_id?: string;
}

export interface TtAdgroup extends TtObjectBase {
  adgroup_id: string;
  campaign_id: string;
  adgroup_name: string;
  placement_type: string;
  location_ids: string[];
  billing_event: string;
  optimization_goal?: string;
  bid_type?: string;
  bid_price?: number;
  schedule_type: string;
  schedule_start_time: string;
  schedule_end_time?: string;
  budget_mode: BudgetMode;
  budget: number;
  pacing?: string;
}

export interface TtAd extends TtObjectBase {
  ad_id: string;
  adgroup_id: string;
  campaign_id: string;
  ad_name: string;
  ad_format?: string;
  ad_text?: string;
  landing_page_url?: string;
  call_to_action?: string;
  identity_id?: string;
  identity_type?: string;
  video_id?: string;
  image_ids?: string[];
}

export interface TiktokStoreSnapshot {
  advertisers: TtAdvertiser[];
  campaigns: TtCampaign[];
  adgroups: TtAdgroup[];
  ads: TtAd[];
  /** `advertiser:level:request_id` → the object id that request created. */
  requestIds: Array<[string, string]>;
}

/** TikTok advertisers and their objects, in insertion (creation) order. */
export class TiktokStore {
  readonly #advertisers = new Map<string, TtAdvertiser>();
  readonly #byToken = new Map<string, TtAdvertiser>();
  /** Advertiser tokens from the OAuth flow (sandbox/src/oauth): each acts on every advertiser its grant covers. */
  readonly #grantTokens = new Map<string, Set<string>>();
  readonly campaigns = new Map<string, TtCampaign>();
  readonly adgroups = new Map<string, TtAdgroup>();
  readonly ads = new Map<string, TtAd>();
  readonly #requestIds = new Map<string, string>();

  static fromSnapshot(s: TiktokStoreSnapshot | undefined): TiktokStore {
    const store = new TiktokStore();
    if (s === undefined) return store;
    for (const a of s.advertisers) store.#addAdvertiser(a);
    for (const c of s.campaigns) store.campaigns.set(c.campaign_id, c);
    for (const g of s.adgroups) store.adgroups.set(g.adgroup_id, g);
    for (const ad of s.ads) store.ads.set(ad.ad_id, ad);
    for (const [k, v] of s.requestIds) store.#requestIds.set(k, v);
    return store;
  }

  snapshot(): TiktokStoreSnapshot {
    return {
      advertisers: [...this.#advertisers.values()],
      campaigns: [...this.campaigns.values()],
      adgroups: [...this.adgroups.values()],
      ads: [...this.ads.values()],
      requestIds: [...this.#requestIds.entries()],
    };
  }

  createAdvertiser(name: string | undefined, currency: string): TtAdvertiser {
    // Real advertiser ids are 19-digit numbers starting with 7.
    const id = randomDigits(19, "7");
    const a: TtAdvertiser = { id, name: name ?? `Sandbox advertiser ${id}`, currency, accessToken: newAccessToken().replace(/^EAAS/, "") };
    this.#addAdvertiser(a);
    return a;
  }

  #addAdvertiser(a: TtAdvertiser): void {
    this.#advertisers.set(a.id, a);
    this.#byToken.set(a.accessToken, a);
  }

  advertiser(id: string): TtAdvertiser | undefined {
    return this.#advertisers.get(id);
  }

  /** The advertiser a token acts as: its own token, or `targetId` when an OAuth grant token covers it. */
  advertiserByToken(token: string, targetId?: string): TtAdvertiser | undefined {
    const own = this.#byToken.get(token);
    if (own) return own;
    const granted = this.#grantTokens.get(token);
    if (!granted) return undefined;
    const id = targetId !== undefined && granted.has(targetId) ? targetId : granted.values().next().value;
    return id === undefined ? undefined : this.#advertisers.get(id);
  }

  grantToken(token: string, advertiserIds: readonly string[]): void {
    this.#grantTokens.set(token, new Set(advertiserIds));
  }

  revokeToken(token: string): void {
    this.#grantTokens.delete(token);
  }

  advertisers(): TtAdvertiser[] {
    return [...this.#advertisers.values()];
  }

  newId(): string {
    // Campaign/ad group/ad ids are 19-digit numeric strings too ("17…" in TikTok's examples).
    return randomDigits(19, "17");
  }

  createdBy(advertiserId: string, level: TtLevel, requestId: string): string | undefined {
    return this.#requestIds.get(`${advertiserId}:${level}:${requestId}`);
  }

  rememberRequest(advertiserId: string, level: TtLevel, requestId: string, objectId: string): void {
    this.#requestIds.set(`${advertiserId}:${level}:${requestId}`, objectId);
  }
}
