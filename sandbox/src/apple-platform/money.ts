import { currencyExponent } from "@layers/contracts";
import { asObject, refuseUnknown } from "../apple/fields.ts";
import { formatAmount, parseMoney, type AppleMoney } from "../apple/money.ts";

/**
 * Platform API money on the wire. The store keeps hundredths of the major unit (as for v5). Read
 * back, the Platform API pads to the currency's decimals, at most two: Apple's example sends
 * `"100"` and answers `"100.00"`; a yen amount has no decimals to pad.
 */
export function platformMoney(hundredths: number, currency: string): AppleMoney {
  const decimals = Math.min(2, currencyExponent(currency));
  const plain = formatAmount(hundredths);
  const [whole, frac = ""] = plain.split(".");
  return { amount: decimals === 0 ? (whole ?? plain) : `${whole}.${frac.padEnd(decimals, "0")}`, currency };
}

/** `{value: Money}` (a campaign's `dailyBudget`) → hundredths. */
export function parseBudget(value: unknown, field: string, currency: string): number {
  const o = asObject(value, field);
  refuseUnknown(o, ["value"], `${field}.`);
  return parseMoney(o.value, `${field}.value`, currency);
}

export { parseMoney };
