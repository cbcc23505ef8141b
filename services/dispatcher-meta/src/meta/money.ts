import { fromMetaAmount, metaOffset, toMetaAmount as toMetaAmountExact, UnrepresentableAmountError } from "@layers/contracts";
import { PermanentError } from "@layers/runtime";

/**
 * Meta money lives in `@layers/contracts` (`platform-money.ts`: the offset table and the exact
 * conversions, shared with the gateway's 422 check). Here an amount Meta cannot take becomes a
 * `PermanentError` (`unrepresentable_amount` / `invalid_amount`): the write fails, never rounded.
 */
export { fromMetaAmount, metaOffset };

export function toMetaAmount(minor: number, currency: string): number {
  try {
    return toMetaAmountExact(minor, currency);
  } catch (err) {
    if (err instanceof UnrepresentableAmountError) throw new PermanentError(err.code, err.message, { cause: err });
    throw err;
  }
}
