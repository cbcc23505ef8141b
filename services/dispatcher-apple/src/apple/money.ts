import { fromAppleMoney, toAppleMoney as toAppleMoneyExact, UnrepresentableAmountError } from "@layers/contracts";
import { PermanentError } from "@layers/runtime";
import type { AppleMoney } from "./schemas.ts";

/**
 * Apple money lives in `@layers/contracts` (`platform-money.ts`: exact conversions, shared with the
 * gateway's 422 check). Here an amount Apple cannot take becomes a `PermanentError`
 * (`unrepresentable_amount` / `invalid_amount`): the write fails, never rounded.
 */
export { fromAppleMoney };

export function toAppleMoney(minor: number, currency: string): AppleMoney {
  try {
    return toAppleMoneyExact(minor, currency);
  } catch (err) {
    if (err instanceof UnrepresentableAmountError) throw new PermanentError(err.code, err.message, { cause: err });
    throw err;
  }
}
