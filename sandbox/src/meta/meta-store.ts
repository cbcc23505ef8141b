import { randomDigits } from "../ids.ts";
import { invalidParam } from "./graph-errors.ts";
import type { AdLabelRef, MetaAdAccount, MetaAdLabel, MetaCampaign } from "./meta-types.ts";

/** Everything the store holds, as plain JSON for the state file. */
export interface MetaStoreSnapshot {
  accounts: MetaAdAccount[];
  campaigns: MetaCampaign[];
  labels: Array<MetaAdLabel & { accountId: string }>;
  nextOrdinal: number;
}

/** Labels a request named: ids in request order, plus the ones that must be created first. */
export interface LabelPlan {
  ids: string[];
  created: MetaAdLabel[];
}

/**
 * In-memory Meta objects with the indexes the Graph surface needs (token → account,
 * account → campaigns in creation order, label name → label). No validation lives here:
 * callers check rules first and then store the result.
 */
export class MetaStore {
  readonly #accounts = new Map<string, MetaAdAccount>();
  readonly #byToken = new Map<string, MetaAdAccount>();
  readonly #campaigns = new Map<string, MetaCampaign>();
  /** Per account, campaign id → campaign; Map order is insertion order, i.e. ordinal order. */
  readonly #accountCampaigns = new Map<string, Map<string, MetaCampaign>>();
  readonly #labels = new Map<string, MetaAdLabel & { accountId: string }>();
  readonly #labelsByName = new Map<string, Map<string, MetaAdLabel>>();
  #nextOrdinal = 1;

  static fromSnapshot(s: MetaStoreSnapshot): MetaStore {
    const store = new MetaStore();
    for (const a of s.accounts) store.addAccount(a);
    for (const l of s.labels) store.addLabels(l.accountId, [l]);
    for (const c of [...s.campaigns].sort((x, y) => x.ordinal - y.ordinal)) store.putCampaign(c);
    store.#nextOrdinal = Math.max(s.nextOrdinal, store.#nextOrdinal);
    return store;
  }

  snapshot(): MetaStoreSnapshot {
    return {
      accounts: [...this.#accounts.values()],
      campaigns: [...this.#campaigns.values()],
      labels: [...this.#labels.values()],
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

  accountByToken(token: string): MetaAdAccount | undefined {
    return this.#byToken.get(token);
  }

  accounts(): MetaAdAccount[] {
    return [...this.#accounts.values()];
  }

  /** Campaign ids look like Meta's 18-digit "1202…" ids. */
  newCampaignId(): string {
    let id: string;
    do id = randomDigits(18, "1202"); while (this.#campaigns.has(id) || this.#labels.has(id));
    return id;
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
        l = { id: this.newCampaignId(), name: ref.name, createdTime: now, updatedTime: now };
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
