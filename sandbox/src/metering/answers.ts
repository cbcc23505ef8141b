/**
 * Meta states the time to regain access in whole minutes (`estimated_time_to_regain_access`); a
 * wait under a minute reads 1, as the platform rounds up rather than promising access too early.
 */
export function meteredRegainMinutes(retryAfterMs: number): number {
  return Math.max(1, Math.ceil(retryAfterMs / 60_000));
}
