import { randomDigits } from "../ids.ts";
import { invalidParam } from "./graph-errors.ts";
import type { AdLabelRef, MetaAd, MetaAdAccount, MetaAdCreative, MetaAdLabel, MetaAdSet, MetaCampaign, MetaNode } from "./meta-types.ts";

/** Everything the store holds, as plain JSON for the state file. */
export interface MetaStoreSnapshot {
  accounts: MetaAdAccount[];
  campaigns: MetaCampaign[];
  labels: Array<MetaAdLabel & { accountId: string }>;
  /** The three below are absent in files written before ad sets, ads and creatives existed. */
  adSets?: MetaAdSet[];
  ads?: MetaAd[];
  creatives?: MetaAdCreative[];
  nextOrdinal: number;
}

/** Labels a request named: ids in request order, plus the ones that must be created first. */
export interface LabelPlan {
  ids: string[];
  created: MetaAdLabel[];
}

/** Objects kept per account in creation order (Map order is insertion order, i.e. ordinal order). */
class AccountIndex<T extends { id: string; accountId: string; ordinal: number }> {
  readonly byId = new Map<string, T>();
  readonly #byAccount = new Map<string, Map<string, T>>();

  /** Inserts or replaces in place, keeping the list position. */
  put(o: T): void {
    this.byId.set(o.id, o);
    let m = this.#byAccount.get(o.accountId);
    if (m === undefined) {
      m = new Map();
      this.#byAccount.set(o.accountId, m);
    }
    m.set(o.id, o);
  }

  newestFirst(accountId: string): T[] {
    const m = this.#byAccount.get(accountId);
    return m ? [...m.values()].reverse() : [];
  }
}

/**
 * In-memory Meta objects with the indexes the Graph surface needs (token → account,
 * account → objects in creation order, label name → label). No validation lives here:
 * callers check rules first and then store the result.
 */
export class MetaStore {
  readonly #accounts = new Map<string, MetaAdAccount>();
  readonly #byToken = new Map<string, MetaAdAccount>();
  /** User tokens from the OAuth flow (sandbox/src/oauth): each acts on every account its grant covers. */
  readonly #grantTokens = new Map<string, Set<string>>();
  readonly #campaigns = new Map<string, MetaCampaign>();
  /** Per account, campaign id → campaign; Map order is insertion order, i.e. ordinal order. */
  readonly #accountCampaigns = new Map<string, Map<string, MetaCampaign>>();
  readonly #labels = new Map<string, MetaAdLabel & { accountId: string }>();
  readonly #labelsByName = new Map<string, Map<string, MetaAdLabel>>();
  readonly #adSets = new AccountIndex<MetaAdSet>();
  readonly #ads = new AccountIndex<MetaAd>();
  readonly #creatives = new AccountIndex<MetaAdCreative>();
  #nextOrdinal = 1;

  static fromSnapshot(s: MetaStoreSnapshot): MetaStore {
    const store = new MetaStore();
    for (const a of s.accounts) store.addAccount(a);
    for (const l of s.labels) store.addLabels(l.accountId, [l]);
    for (const c of [...s.campaigns].sort((x, y) => x.ordinal - y.ordinal)) store.putCampaign(c);
    for (const c of byOrdinal(s.creatives)) store.putCreative(c);
    for (const a of byOrdinal(s.adSets)) store.putAdSet(a);
    for (const a of byOrdinal(s.ads)) store.putAd(a);
    store.#nextOrdinal = Math.max(s.nextOrdinal, store.#nextOrdinal);
    return store;
  }

  snapshot(): MetaStoreSnapshot {
    return {
      accounts: [...this.#accounts.values()],
      campaigns: [...this.#campaigns.values()],
      labels: [...this.#labels.values()],
      adSets: [...this.#adSets.byId.values()],
      ads: [...this.#ads.byId.values()],
      creatives: [...this.#creatives.byId.values()],
      nextOrdinal: this.#nextOrdinal,
    };
  }

  addAccount(a: MetaAdAccount): void {
    this.#accounts.set(a.id, a);
    this.#byToken.set(a.accessToken, a);
    if (!this.#accountCampaigns.has(a.id)) this.#accountCampaigns.set(a.id, new Map());
    if (!this.#labelsByName.has(a.id)) this.#labelsByName.set(a.id, new Map());
  }

  newAccountId(): string {
    let id: string;
    do id = randomDigits(16); while (this.#accounts.has(id));
    return id;
  }

  account(id: string): MetaAdAccount | undefined {
    return this.#accounts.get(id);
  }

  /**
   * The account a token acts as: an account's own token, or — for a user token from the OAuth
   * flow — `targetId` when the grant covers it (else another covered account, which the caller
   * then refuses like any foreign object).
   */
  accountByToken(token: string, targetId?: string): MetaAdAccount | undefined {
    const own = this.#byToken.get(token);
    if (own) return own;
    const granted = this.#grantTokens.get(token);
    if (!granted) return undefined;
    const id = targetId !== undefined && granted.has(targetId) ? targetId : granted.values().next().value;
    return id === undefined ? undefined : this.#accounts.get(id);
  }

  /** Lets a user token act on the given accounts (OAuth grant); `revokeToken` ends it. */
  grantToken(token: string, accountIds: readonly string[]): void {
    this.#grantTokens.set(token, new Set(accountIds));
  }

  revokeToken(token: string): void {
    this.#grantTokens.delete(token);
  }

  accounts(): MetaAdAccount[] {
    return [...this.#accounts.values()];
  }

  /** Campaign ids look like Meta's 18-digit "1202…" ids. */
  newCampaignId(): string {
    return this.newObjectId();
  }

  /** Every Graph object id (campaign, ad set, ad, creative, label) is one 18-digit "1202…" space. */
  newObjectId(): string {
    let id: string;
    do id = randomDigits(18, "1202"); while (this.#labels.has(id) || this.node(id) !== undefined);
    return id;
  }

  /** The object a bare id names, whatever its type. */
  node(id: string): MetaNode | undefined {
    const campaign = this.#campaigns.get(id);
    if (campaign) return { type: "campaign", campaign };
    const adSet = this.#adSets.byId.get(id);
    if (adSet) return { type: "adSet", adSet };
    const ad = this.#ads.byId.get(id);
    if (ad) return { type: "ad", ad };
    const creative = this.#creatives.byId.get(id);
    if (creative) return { type: "creative", creative };
    return undefined;
  }

  allocateOrdinal(): number {
    return this.#nextOrdinal++;
  }

  campaign(id: string): MetaCampaign | undefined {
    return this.#campaigns.get(id);
  }

  /** Inserts a new campaign or replaces a stored one in place (keeping its list position). */
  putCampaign(c: MetaCampaign): void {
    this.#campaigns.set(c.id, c);
    this.#accountCampaigns.get(c.accountId)?.set(c.id, c);
    if (c.ordinal >= this.#nextOrdinal) this.#nextOrdinal = c.ordinal + 1;
  }

  /** The account's campaigns, newest first, the order the campaigns edge lists them in. */
  campaignsNewestFirst(accountId: string): MetaCampaign[] {
    const m = this.#accountCampaigns.get(accountId);
    return m ? [...m.values()].reverse() : [];
  }

  adSet(id: string): MetaAdSet | undefined {
    return this.#adSets.byId.get(id);
  }

  putAdSet(a: MetaAdSet): void {
    this.#adSets.put(a);
    this.#bumpOrdinal(a.ordinal);
  }

  /** The account's ad sets, newest first. */
  adSetsNewestFirst(accountId: string): MetaAdSet[] {
    return this.#adSets.newestFirst(accountId);
  }

  ad(id: string): MetaAd | undefined {
    return this.#ads.byId.get(id);
  }

  putAd(a: MetaAd): void {
    this.#ads.put(a);
    this.#bumpOrdinal(a.ordinal);
  }

  /** The account's ads, newest first. */
  adsNewestFirst(accountId: string): MetaAd[] {
    return this.#ads.newestFirst(accountId);
  }

  creative(id: string): MetaAdCreative | undefined {
    return this.#creatives.byId.get(id);
  }

  putCreative(c: MetaAdCreative): void {
    this.#creatives.put(c);
    this.#bumpOrdinal(c.ordinal);
  }

  /** The account's creatives, newest first. */
  creativesNewestFirst(accountId: string): MetaAdCreative[] {
    return this.#creatives.newestFirst(accountId);
  }

  #bumpOrdinal(ordinal: number): void {
    if (ordinal >= this.#nextOrdinal) this.#nextOrdinal = ordinal + 1;
  }

  label(id: string): MetaAdLabel | undefined {
    return this.#labels.get(id);
  }

  /**
   * Resolves label refs without storing anything, so a request that later fails validation
   * (or is validate_only) leaves no stray labels behind. Names are reused; unknown ids are refused.
   */
  planLabels(accountId: string, refs: readonly AdLabelRef[], now: string): LabelPlan {
    const byName = this.#labelsByName.get(accountId) ?? new Map<string, MetaAdLabel>();
    const created: MetaAdLabel[] = [];
    const ids: string[] = [];
    for (const ref of refs) {
      if ("id" in ref) {
        const l = this.#labels.get(ref.id);
        if (l === undefined || l.accountId !== accountId) throw invalidParam("adlabels", `Ad label ${ref.id} does not exist on this ad account`);
        ids.push(l.id);
        continue;
      }
      let l = byName.get(ref.name) ?? created.find((c) => c.name === ref.name);
      if (l === undefined) {
        l = { id: this.newObjectId(), name: ref.name, createdTime: now, updatedTime: now };
        created.push(l);
      }
      ids.push(l.id);
    }
    return { ids: [...new Set(ids)], created };
  }

  addLabels(accountId: string, labels: readonly MetaAdLabel[]): void {
    let byName = this.#labelsByName.get(accountId);
    if (byName === undefined) {
      byName = new Map();
      this.#labelsByName.set(accountId, byName);
    }
    for (const l of labels) {
      const stored = { id: l.id, name: l.name, createdTime: l.createdTime, updatedTime: l.updatedTime, accountId };
      this.#labels.set(l.id, stored);
      byName.set(l.name, stored);
    }
  }
}

function byOrdinal<T extends { ordinal: number }>(list: readonly T[] | undefined): T[] {
  return [...(list ?? [])].sort((x, y) => x.ordinal - y.ordinal);
}
