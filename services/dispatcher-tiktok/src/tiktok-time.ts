import { PermanentError } from "@layers/runtime";

/**
 * TikTok schedules in UTC `YYYY-MM-DD HH:MM:SS`, to the second; the contract carries ISO 8601
 * instants. An instant with a fraction of a second has no TikTok spelling and is refused rather
 * than moved (as money is never rounded), so the row and TikTok always agree.
 */
export function toTikTokTime(iso: string, field: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) throw new PermanentError("invalid_params", `${field} ${JSON.stringify(iso)} is not an ISO 8601 instant`);
  if (at.getUTCMilliseconds() !== 0) throw new PermanentError("invalid_params", `${field} ${iso} has a fraction of a second; TikTok schedules to the second`);
  return tiktokTimeOf(at);
}

/** A whole-second instant in TikTok's spelling. */
export function tiktokTimeOf(at: Date): string {
  return at.toISOString().slice(0, 19).replace("T", " ");
}

/** "Now" for a schedule that starts immediately: the next whole second, so TikTok never reads it as the past. */
export function nextWholeSecond(now: Date): Date {
  return new Date(Math.ceil(now.getTime() / 1000) * 1000);
}
