import { randomBytes, randomInt } from "node:crypto";
import type { AppleAdGroup, AppleCampaign, AppleKeyword, AppleOrg } from "./apple-types.ts";

/** Everything the Apple store holds, as plain JSON for the state file. */
export interface AppleStoreSnapshot {
  orgs: AppleOrg[];
  campaigns: AppleCampaign[];
  adGroups: AppleAdGroup[];
  keywords: AppleKeyword[];
}

/** Ids are random JSON numbers well inside int64 and inside JS's safe integer range. */
const MIN_ID = 100_000_000;
const MAX_ID = 2 ** 47;

/**
 * In-memory Apple objects in creation order. No validation lives here: handlers check the rules
 * first and then store the result.
 */
export class AppleStore {
  readonly #orgs = new Map<number, AppleOrg>();
  readonly #byToken = new Map<string, AppleOrg>();
  readonly #campaigns = new Map<number, AppleCampaign>();
  readonly #adGroups = new Map<number, AppleAdGroup>();
  readonly #keywords = new Map<number, AppleKeyword>();
  readonly #ids = new Set<number>();

  static fromSnapshot(s: AppleStoreSnapshot | undefined): AppleStore {
    const store = new AppleStore();
    if (s === undefined) return store;
    for (const o of s.orgs) store.addOrg(o);
    for (const c of s.campaigns) store.putCampaign(c);
    for (const g of s.adGroups) store.putAdGroup(g);
    for (const k of s.keywords) store.putKeyword(k);
    return store;
  }

  snapshot(): AppleStoreSnapshot {
    return {
      orgs: [...this.#orgs.values()],
      campaigns: [...this.#campaigns.values()],
      adGroups: [...this.#adGroups.values()],
      keywords: [...this.#keywords.values()],
    };
  }

  newId(): number {
    let id: number;
    do id = randomInt(MIN_ID, MAX_ID); while (this.#ids.has(id));
    this.#ids.add(id);
    return id;
  }

  newToken(): string {
    return `eyJhbGciOi.${randomBytes(32).toString("base64url")}`;
  }

  addOrg(o: AppleOrg): void {
    this.#ids.add(o.orgId);
    this.#orgs.set(o.orgId, o);
    this.#byToken.set(o.accessToken, o);
  }

  org(orgId: number): AppleOrg | undefined {
    return this.#orgs.get(orgId);
  }

  orgByToken(token: string): AppleOrg | undefined {
    return this.#byToken.get(token);
  }

  orgs(): AppleOrg[] {
    return [...this.#orgs.values()];
  }

  campaign(id: number): AppleCampaign | undefined {
    return this.#campaigns.get(id);
  }

  putCampaign(c: AppleCampaign): void {
    this.#ids.add(c.id);
    this.#campaigns.set(c.id, c);
  }

  /** The org's campaigns in creation order, deleted ones included. */
  campaigns(orgId: number): AppleCampaign[] {
    return [...this.#campaigns.values()].filter((c) => c.orgId === orgId);
  }

  adGroup(id: number): AppleAdGroup | undefined {
    return this.#adGroups.get(id);
  }

  putAdGroup(g: AppleAdGroup): void {
    this.#ids.add(g.id);
    this.#adGroups.set(g.id, g);
  }

  adGroups(campaignId: number): AppleAdGroup[] {
    return [...this.#adGroups.values()].filter((g) => g.campaignId === campaignId);
  }

  keyword(id: number): AppleKeyword | undefined {
    return this.#keywords.get(id);
  }

  putKeyword(k: AppleKeyword): void {
    this.#ids.add(k.id);
    this.#keywords.set(k.id, k);
  }

  keywords(adGroupId: number): AppleKeyword[] {
    return [...this.#keywords.values()].filter((k) => k.adGroupId === adGroupId);
  }
}
