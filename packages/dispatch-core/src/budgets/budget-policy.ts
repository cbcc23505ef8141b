import type { Platform } from "@layers/contracts";

/** A platform's call limit: `calls` per `windowMs`, per account. */
export interface CallLimit {
  calls: number;
  windowMs: number;
}

/**
 * Each platform's published (or observed) per-account limit, used unless the dispatcher's config
 * names another. Meta: the ads_management Business Use Case budget of a standard-access app,
 * ~100,000 calls per ad account per hour. TikTok: 10 QPS per app and endpoint, which we spend
 * per advertiser. Apple documents no quota; 10 calls/s per org keeps clear of its 429s.
 */
export const PLATFORM_CALL_LIMITS: Record<Platform, CallLimit> = {
  meta: { calls: 100_000, windowMs: 3_600_000 },
  tiktok: { calls: 10, windowMs: 1_000 },
  apple: { calls: 10, windowMs: 1_000 },
};

/** The token bucket a limit becomes: `rate` calls per second, at most `burst` at once. */
export interface BucketShape {
  rate: number;
  burst: number;
}

/**
 * A sliding-window limit of N calls per W admits, in any window, at most burst + rate·W calls
 * from a token bucket; spending only `headroom` of N on the rate and keeping the burst within
 * the rest keeps the bucket under the platform's window, and never beyond one second's calls.
 */
export function bucketOf(limit: CallLimit, headroom: number): BucketShape {
  const perSecond = (calls: number) => (calls * 1000) / limit.windowMs;
  const burst = Math.max(1, Math.min(Math.floor(limit.calls * (1 - headroom) + 1e-9), Math.floor(perSecond(limit.calls * headroom))));
  return { rate: perSecond(Math.max(0.1, Math.min(limit.calls * headroom, limit.calls - burst))), burst };
}

/** What the platform told us about an account, after a call. */
export type BudgetSignal =
  /** A throttle answer; `retryAfterMs` when it said when access comes back. */
  | { kind: "throttle"; retryAfterMs: number | undefined }
  /** A usage reading (Meta's `X-Business-Use-Case-Usage`): percent used, and the regain time when blocked. */
  | { kind: "usage"; pct: number; regainMs: number | undefined }
  /** A call landed and the platform reports nothing: headroom, as far as we can tell. */
  | { kind: "landed" };

export interface LearnedState {
  rate: number;
  baseRate: number;
  pausedUntilMs: number | null;
  adjustedAtMs: number;
}

export interface LearnedChange {
  rate: number;
  pausedUntilMs: number | null;
  adjustedAtMs: number;
  /** A throttle: the bucket empties and the throttle counter goes up. */
  throttled: boolean;
}

/** Usage at or above this (percent) lowers the rate; below `RECOVER_BELOW_PCT` it recovers. */
export const SLOW_DOWN_AT_PCT = 95;
export const RECOVER_BELOW_PCT = 80;
/** The rate never falls under this share of the configured one, so an account always drains. */
export const MIN_RATE_SHARE = 0.05;
/** A throttle without a stated regain time pauses the account this long. */
export const DEFAULT_THROTTLE_PAUSE_MS = 1_000;
/** The rate moves at most once per this, so a burst of answers to calls already in flight counts once. */
export const ADJUST_EVERY_MS = 1_000;

/**
 * How the platform's answers move an account's budget (multiplicative decrease, gradual
 * recovery): a throttle halves the rate and pauses the account for the regain time; usage near
 * 100 % cuts the rate by a fifth (the configured headroom keeps a steady account below that mark); headroom (low usage, or plain successes where the platform
 * reports none) gives back a fifth per second up to the configured rate. Undefined: no change.
 */
export function learn(s: LearnedState, signal: BudgetSignal, nowMs: number): LearnedChange | undefined {
  const floor = s.baseRate * MIN_RATE_SHARE;
  const mayMove = nowMs - s.adjustedAtMs >= ADJUST_EVERY_MS;
  const pauseUntil = (ms: number) => Math.max(s.pausedUntilMs ?? 0, nowMs + ms);
  switch (signal.kind) {
    case "throttle": {
      const rate = mayMove ? Math.max(floor, s.rate / 2) : s.rate;
      return { rate, pausedUntilMs: pauseUntil(signal.retryAfterMs ?? DEFAULT_THROTTLE_PAUSE_MS), adjustedAtMs: mayMove ? nowMs : s.adjustedAtMs, throttled: true };
    }
    case "usage": {
      const paused = signal.regainMs !== undefined && signal.regainMs > 0 ? pauseUntil(signal.regainMs) : s.pausedUntilMs;
      if (signal.pct >= SLOW_DOWN_AT_PCT && mayMove) return { rate: Math.max(floor, s.rate * 0.8), pausedUntilMs: paused, adjustedAtMs: nowMs, throttled: false };
      if (signal.pct < RECOVER_BELOW_PCT && mayMove && s.rate < s.baseRate) return { rate: recovered(s), pausedUntilMs: paused, adjustedAtMs: nowMs, throttled: false };
      return paused !== s.pausedUntilMs ? { rate: s.rate, pausedUntilMs: paused, adjustedAtMs: s.adjustedAtMs, throttled: false } : undefined;
    }
    case "landed":
      return mayMove && s.rate < s.baseRate ? { rate: recovered(s), pausedUntilMs: s.pausedUntilMs, adjustedAtMs: nowMs, throttled: false } : undefined;
  }
}

function recovered(s: LearnedState): number {
  return Math.min(s.baseRate, Math.max(s.rate * 1.2, s.rate + s.baseRate * MIN_RATE_SHARE));
}
