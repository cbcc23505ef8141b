/** The codes Meta throttles an ad account with: 17 (account request limit), 613 (too many calls from this ad account), 80004 (ads_management BUC). */
export type MetaThrottleCode = 17 | 613 | 80004;

/** One account's metered rate: at most `calls` calls in any sliding `windowMs`. */
export interface MeterRule {
  calls: number;
  windowMs: number;
  /** Which error body a Meta account answers with when over its rate. */
  metaCode: MetaThrottleCode;
}

export interface MeterCounts {
  /** Calls let through while the rule was set. */
  admitted: number;
  /** Calls refused for being over the rate. */
  throttled: number;
}

export interface MeteredAccount extends MeterRule, MeterCounts {
  platform: string;
  account: string;
}

export type MeterVerdict =
  | { ok: true; usagePct: number }
  | { ok: false; usagePct: number; retryAfterMs: number; metaCode: MetaThrottleCode };

interface Entry {
  rule: MeterRule;
  /** Start times of the admitted calls still inside the window, oldest first. */
  calls: number[];
  counts: MeterCounts;
}

/**
 * Per-account call rates, enforced the way the platforms do: a sliding window per account, with
 * refused calls not counting against it (the platform applied nothing). Accounts without a rule
 * are not metered at all, so the rest of the sandbox behaves as before.
 */
export class CallMeter {
  readonly #entries = new Map<string, Entry>();

  set(platform: string, account: string, rule: MeterRule): MeteredAccount {
    const prev = this.#entries.get(key(platform, account));
    const entry: Entry = { rule, calls: prev?.calls ?? [], counts: prev?.counts ?? { admitted: 0, throttled: 0 } };
    this.#entries.set(key(platform, account), entry);
    return view(platform, account, entry);
  }

  clear(platform: string, account?: string): number {
    let n = 0;
    for (const k of [...this.#entries.keys()]) {
      if (k === key(platform, account ?? "") || (account === undefined && k.startsWith(`${platform}:`))) {
        this.#entries.delete(k);
        n++;
      }
    }
    return n;
  }

  list(): MeteredAccount[] {
    return [...this.#entries.entries()].map(([k, e]) => {
      const i = k.indexOf(":");
      return view(k.slice(0, i), k.slice(i + 1), e);
    });
  }

  /** Admits or refuses one call now; undefined when the account is not metered. */
  take(platform: string, account: string, nowMs: number): MeterVerdict | undefined {
    const e = this.#entries.get(key(platform, account));
    if (e === undefined) return undefined;
    drain(e, nowMs);
    if (e.calls.length >= e.rule.calls) {
      e.counts.throttled++;
      const oldest = e.calls[0] ?? nowMs;
      return { ok: false, usagePct: 100, retryAfterMs: Math.max(1, oldest + e.rule.windowMs - nowMs), metaCode: e.rule.metaCode };
    }
    e.calls.push(nowMs);
    e.counts.admitted++;
    return { ok: true, usagePct: pct(e) };
  }

  /** The account's share of its rate used in the current window, in percent; undefined when not metered. */
  usagePct(platform: string, account: string, nowMs: number): number | undefined {
    const e = this.#entries.get(key(platform, account));
    if (e === undefined) return undefined;
    drain(e, nowMs);
    return pct(e);
  }
}

function drain(e: Entry, nowMs: number): void {
  const from = nowMs - e.rule.windowMs;
  let i = 0;
  while (i < e.calls.length && (e.calls[i] ?? 0) <= from) i++;
  if (i > 0) e.calls.splice(0, i);
}

function pct(e: Entry): number {
  return Math.min(100, Math.round((e.calls.length * 100) / e.rule.calls));
}

function view(platform: string, account: string, e: Entry): MeteredAccount {
  return { platform, account, ...e.rule, ...e.counts };
}

function key(platform: string, account: string): string {
  return `${platform}:${account}`;
}
