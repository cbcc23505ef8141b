import type { AppleStore } from "../apple/apple-store.ts";
import type { MetaStore } from "../meta/meta-store.ts";
import type { TiktokStore } from "../tiktok/tiktok-store.ts";
import type { ObjectTree, PerformancePlatform } from "./performance-book.ts";

/** Meta: account-less ids; campaign → ad sets → ads. */
export function metaTree(store: MetaStore): ObjectTree {
  return {
    exists: (id) => {
      const n = store.node(id);
      return n !== undefined && n.type !== "creative";
    },
    children: (id) => {
      const n = store.node(id);
      if (n?.type === "campaign") return store.adSetsNewestFirst(n.campaign.accountId).filter((s) => s.campaignId === id).map((s) => s.id).reverse();
      if (n?.type === "adSet") return store.adsNewestFirst(n.adSet.accountId).filter((a) => a.adSetId === id).map((a) => a.id).reverse();
      return [];
    },
  };
}

/** TikTok: campaign → ad groups → ads. */
export function tiktokTree(store: TiktokStore): ObjectTree {
  return {
    exists: (id) => store.campaigns.has(id) || store.adgroups.has(id) || store.ads.has(id),
    children: (id) => {
      if (store.campaigns.has(id)) return [...store.adgroups.values()].filter((g) => g.campaign_id === id).map((g) => g.adgroup_id);
      if (store.adgroups.has(id)) return [...store.ads.values()].filter((a) => a.adgroup_id === id).map((a) => a.ad_id);
      return [];
    },
  };
}

/** Apple: campaign → ad groups → keywords (ids are numbers on the wire, strings here). */
export function appleTree(store: AppleStore): ObjectTree {
  return {
    exists: (id) => {
      const n = Number(id);
      return /^\d+$/.test(id) && (store.campaign(n) !== undefined || store.adGroup(n) !== undefined || store.keyword(n) !== undefined);
    },
    children: (id) => {
      const n = Number(id);
      if (store.campaign(n) !== undefined) return store.adGroups(n).map((g) => String(g.id));
      if (store.adGroup(n) !== undefined) return store.keywords(n).map((k) => String(k.id));
      return [];
    },
  };
}

export interface PerformanceStores {
  meta: MetaStore;
  tiktok: TiktokStore;
  apple: AppleStore;
}

export function treeFor(platform: PerformancePlatform, stores: PerformanceStores): ObjectTree {
  return platform === "meta" ? metaTree(stores.meta) : platform === "tiktok" ? tiktokTree(stores.tiktok) : appleTree(stores.apple);
}
