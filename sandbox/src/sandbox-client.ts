import type { CreateAppleOrgBody, CreateAppleOrgResponse, PutAppleFaultsBody } from "./apple/control-routes.ts";
import type { CreateMetaAdAccountBody, CreateMetaAdAccountResponse, PutFaultsBody } from "./control-schemas.ts";
import type { FaultEntry } from "./faults.ts";
import type { LedgerEntry } from "./ledger.ts";
import type { MeteredAccount } from "./metering/call-meter.ts";
import type { PutMeteringBody } from "./metering/metering-routes.ts";
import type { BudgetChangeAccount } from "./metering/budget-change-meter.ts";
import type { PutAdSetBudgetLimitBody } from "./metering/budget-change-routes.ts";
import type { CreateTiktokAdvertiserBody, CreateTiktokAdvertiserResponse } from "./tiktok/control.ts";
import type { ScriptedDay } from "./performance/daily.ts";

export interface LedgerFilter {
  platform?: "meta" | "apple" | "tiktok";
  account?: string;
  objectId?: string;
  afterSeq?: number;
}

/** Typed calls to the `/_sandbox` control API, for tests in this and other packages. */
export interface SandboxClient {
  readonly url: string;
  createMetaAdAccount(body?: CreateMetaAdAccountBody): Promise<CreateMetaAdAccountResponse>;
  ledger(filter?: LedgerFilter): Promise<LedgerEntry[]>;
  setFaults(body: PutFaultsBody): Promise<FaultEntry>;
  /** Clears one account's faults, or every fault when no account is given. */
  clearFaults(account?: string): Promise<void>;
  faults(): Promise<FaultEntry[]>;
  createAppleOrg(body?: CreateAppleOrgBody): Promise<CreateAppleOrgResponse>;
  setAppleFaults(body: PutAppleFaultsBody): Promise<FaultEntry>;
  /** Clears one Apple org's faults, or every Apple fault when no org is given. */
  clearAppleFaults(orgId?: number): Promise<void>;
  createTiktokAdvertiser(body?: CreateTiktokAdvertiserBody): Promise<CreateTiktokAdvertiserResponse>;
  /** Clears one TikTok advertiser's faults (set with `setFaults({platform:"tiktok",…})`), or all TikTok faults. */
  clearTiktokFaults(advertiserId?: string): Promise<void>;
  /** Scripts an object's daily performance (spend in minor units); dates without an entry report zero. */
  setPerformance(platform: "meta" | "tiktok" | "apple", platformObjectId: string, daily: ScriptedDay[]): Promise<void>;
  /** Clears a script: the object reports synthetic numbers (or its children's sum) again. */
  clearPerformance(platform: "meta" | "tiktok" | "apple", platformObjectId: string): Promise<void>;
  /** Meters an account to `calls` per `windowMs` (Meta `act_<id>`, TikTok advertiser id, Apple org id). */
  setMetering(body: PutMeteringBody): Promise<MeteredAccount>;
  /** Every metered account with its admitted and throttled call counts. */
  metering(): Promise<MeteredAccount[]>;
  /** Sets Meta's ad set budget change limit for every ad set of one account (Meta: 4 per hour). */
  setAdSetBudgetLimit(body: PutAdSetBudgetLimitBody): Promise<BudgetChangeAccount>;
  /** Per Meta account: its limit, and the ad set budget changes applied and refused. */
  adSetBudgetChanges(): Promise<BudgetChangeAccount[]>;
  clearMetering(platform: "meta" | "tiktok" | "apple", account?: string): Promise<void>;
}

export function createSandboxClient(url: string): SandboxClient {
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${url}${path}`, {
      method,
      ...(body === undefined ? {} : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`sandbox ${method} ${path} answered ${res.status}: ${text}`);
    return JSON.parse(text) as T;
  };
  const qs = (o: Record<string, string | number | undefined>) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(o)) if (v !== undefined) q.set(k, String(v));
    const s = q.toString();
    return s === "" ? "" : `?${s}`;
  };
  return {
    url,
    createMetaAdAccount: (body = {}) => call("POST", "/_sandbox/meta/ad-accounts", body),
    ledger: async (filter = {}) =>
      (await call<{ entries: LedgerEntry[] }>("GET", `/_sandbox/ledger${qs({ ...filter })}`)).entries,
    setFaults: (body) => call("PUT", "/_sandbox/faults", body),
    clearFaults: async (account) => {
      await call("DELETE", `/_sandbox/faults${qs({ account })}`);
    },
    faults: async () => (await call<{ faults: FaultEntry[] }>("GET", "/_sandbox/faults")).faults,
    createAppleOrg: (body = {}) => call("POST", "/_sandbox/apple/orgs", body),
    setAppleFaults: (body) => call("PUT", "/_sandbox/apple/faults", body),
    clearAppleFaults: async (orgId) => {
      await call("DELETE", `/_sandbox/apple/faults${qs({ orgId })}`);
    },
    createTiktokAdvertiser: (body = {}) => call("POST", "/_sandbox/tiktok/advertisers", body),
    clearTiktokFaults: async (advertiserId) => {
      await call("DELETE", `/_sandbox/faults${qs({ platform: "tiktok", account: advertiserId })}`);
    },
    setPerformance: async (platform, id, daily) => {
      await call("PUT", `/_sandbox/performance/${platform}/${encodeURIComponent(id)}`, { daily });
    },
    clearPerformance: async (platform, id) => {
      await call("DELETE", `/_sandbox/performance/${platform}/${encodeURIComponent(id)}`);
    },
    setMetering: (body) => call("PUT", "/_sandbox/metering", body),
    metering: async () => (await call<{ accounts: MeteredAccount[] }>("GET", "/_sandbox/metering")).accounts,
    clearMetering: async (platform, account) => {
      await call("DELETE", `/_sandbox/metering${qs({ platform, account })}`);
    },
    setAdSetBudgetLimit: (body) => call("PUT", "/_sandbox/adset-budget-limit", body),
    adSetBudgetChanges: async () => (await call<{ accounts: BudgetChangeAccount[] }>("GET", "/_sandbox/adset-budget-limit")).accounts,
  };
}
