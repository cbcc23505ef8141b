/** How a throttle fault answers: 17 = ad-account request limit, 80004 = ads_management BUC limit. */
export type ThrottleCode = 17 | 80004;

/** Faults injected on one account. Counts go down by one each time the fault fires. */
export interface FaultSpec {
  /** Added before every request to the account is handled (reads and writes). */
  latencyMs: number;
  /** The next N requests answer HTTP 500 code 2 (is_transient) without being applied. */
  fail5xx: number;
  /** The next N requests answer a throttle error body (HTTP 400) without being applied. */
  throttle: number;
  /** `estimated_time_to_regain_access` (minutes) in the throttle answer's usage header. */
  throttleRegainMinutes: number;
  throttleCode: ThrottleCode;
  /** Every request with the account's token answers code 190 / subcode 463 until cleared. */
  expiredToken: boolean;
  /**
   * The next N applied mutations answer HTTP 500 code 2 after being applied and ledgered: the
   * "lost response" a client must not answer by applying the write again.
   */
  failAfterApply: number;
}

export interface FaultEntry extends FaultSpec {
  platform: string;
  account: string;
}

export const NO_FAULTS: Readonly<FaultSpec> = Object.freeze({
  latencyMs: 0, fail5xx: 0, throttle: 0, throttleRegainMinutes: 0, throttleCode: 80004, expiredToken: false, failAfterApply: 0,
});

export type PreFault = { kind: "throttle"; code: ThrottleCode; regainMinutes: number } | { kind: "fail5xx" };

/**
 * The fault table. Pure bookkeeping: the request pipeline asks it what to do and does it.
 * Throttles fire before 5xx faults when both are armed.
 */
export class FaultBook {
  readonly #entries = new Map<string, FaultEntry>();

  /** Replaces the account's faults; omitted fields take their no-fault value. */
  set(platform: string, account: string, spec: Partial<FaultSpec>): FaultEntry {
    const entry: FaultEntry = { platform, account, ...NO_FAULTS, ...stripUndefined(spec) };
    this.#entries.set(key(platform, account), entry);
    return { ...entry };
  }

  clear(platform: string, account: string): boolean {
    return this.#entries.delete(key(platform, account));
  }

  list(): FaultEntry[] {
    return [...this.#entries.values()].map((e) => ({ ...e }));
  }

  get(platform: string, account: string): Readonly<FaultSpec> {
    return this.#entries.get(key(platform, account)) ?? NO_FAULTS;
  }

  latencyMs(platform: string, account: string): number {
    return this.get(platform, account).latencyMs;
  }

  expiredToken(platform: string, account: string): boolean {
    return this.get(platform, account).expiredToken;
  }

  /** The fault, if any, that replaces handling this request; consumes one count. */
  takeBeforeHandling(platform: string, account: string): PreFault | undefined {
    const e = this.#entries.get(key(platform, account));
    if (e === undefined) return undefined;
    if (e.throttle > 0) {
      e.throttle--;
      return { kind: "throttle", code: e.throttleCode, regainMinutes: e.throttleRegainMinutes };
    }
    if (e.fail5xx > 0) {
      e.fail5xx--;
      return { kind: "fail5xx" };
    }
    return undefined;
  }

  /** True when this applied mutation's answer must be lost; consumes one count. */
  takeAfterApply(platform: string, account: string): boolean {
    const e = this.#entries.get(key(platform, account));
    if (e === undefined || e.failAfterApply <= 0) return false;
    e.failAfterApply--;
    return true;
  }
}

function key(platform: string, account: string): string {
  return `${platform}:${account}`;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
