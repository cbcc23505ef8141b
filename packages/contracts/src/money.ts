import { z } from "zod";

/**
 * ISO 4217 minor-unit exponents for the currencies ad platforms bill in. Contract money is always
 * an integer count of the currency's minor unit; conversions use this table, never a blanket /100.
 */
export const CURRENCY_EXPONENT: Record<string, number> = {
  USD: 2, EUR: 2, GBP: 2, CAD: 2, AUD: 2, NZD: 2, CHF: 2, SEK: 2, NOK: 2, DKK: 2, PLN: 2, CZK: 2,
  MXN: 2, BRL: 2, ARS: 2, INR: 2, SGD: 2, HKD: 2, CNY: 2, TRY: 2, ZAR: 2, AED: 2, SAR: 2, ILS: 2,
  THB: 2, MYR: 2, PHP: 2, RUB: 2, EGP: 2, NGN: 2, TWD: 2, HUF: 2, COP: 2, CLP: 0, PYG: 0, ISK: 0,
  JPY: 0, KRW: 0, VND: 0, IDR: 2, CRC: 2, UGX: 0, XOF: 0, XAF: 0,
  BHD: 3, KWD: 3, OMR: 3, JOD: 3, TND: 3, IQD: 3, LYD: 3,
};

export const currencySchema = z
  .string()
  .regex(/^[A-Z]{3}$/, "must be an ISO 4217 code")
  .refine((c) => c in CURRENCY_EXPONENT, { message: "currency not supported" });

export function currencyExponent(currency: string): number {
  const e = CURRENCY_EXPONENT[currency];
  if (e === undefined) throw new RangeError(`unsupported currency ${currency}`);
  return e;
}

/** Contract money: a non-negative integer in the currency's minor unit, within JS's safe range. */
export const minorUnitsSchema = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
export const positiveMinorUnitsSchema = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** Renders minor units as an exact decimal string in major units (5000 USD → "50.00", 5000 JPY → "5000"). */
export function minorToDecimalString(minor: number, currency: string): string {
  const e = currencyExponent(currency);
  const sign = minor < 0 ? "-" : "";
  const digits = Math.abs(minor).toString().padStart(e + 1, "0");
  return e === 0 ? sign + digits : `${sign}${digits.slice(0, -e)}.${digits.slice(-e)}`;
}

/** Parses a platform's decimal major-unit amount back to minor units; throws if it carries more precision than the currency has. */
export function decimalStringToMinor(amount: string, currency: string): number {
  const e = currencyExponent(currency);
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(amount.trim());
  if (!m) throw new RangeError(`not a decimal amount: ${amount}`);
  const frac = (m[3] ?? "").replace(/0+$/, "");
  if (frac.length > e) throw new RangeError(`${amount} has more precision than ${currency} allows`);
  const minor = Number(m[2]! + frac.padEnd(e, "0"));
  return m[1] === "-" ? -minor : minor;
}
