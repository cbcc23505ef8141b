import { fromTikTokAmount, toTikTokAmount as toTikTokAmountExact, UnrepresentableAmountError } from "@layers/contracts";
import { PermanentError } from "@layers/runtime";

/**
 * TikTok money lives in `@layers/contracts` (`platform-money.ts`: major-unit JSON numbers with at
 * most 2 decimals, shared with the gateway's 422 check). Here an amount TikTok cannot take becomes
 * a `PermanentError` (`unrepresentable_amount` / `invalid_amount`): the write fails, never rounded.
 */
export { fromTikTokAmount };

export function toTikTokAmount(minor: number, currency: string): number {
  try {
    return toTikTokAmountExact(minor, currency);
  } catch (err) {
    if (err instanceof UnrepresentableAmountError) throw new PermanentError(err.code, err.message, { cause: err });
    throw err;
  }
}
