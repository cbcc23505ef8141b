import type { Platform } from "./authority.ts";
import { currencyExponent, decimalStringToMinor, minorToDecimalString } from "./money.ts";

/**
 * Contract money (integer minor units, ISO 4217 exponent) ↔ each platform's spelling, in one place.
 * Every conversion is exact or refused with `UnrepresentableAmountError`: a budget off by a
 * fraction is a wrong budget, so nothing is ever rounded.
 *
 * - Meta: integers in the currency's "offset" units (1/100 of a major unit, or whole units for the
 *   currencies Meta bills without subunits).
 * - TikTok: JSON numbers in major units (`50.5`), at most 2 decimals.
 * - Apple: `{amount: "<decimal string>", currency}` with at most 2 decimals.
 */

export type MoneyErrorCode = "unrepresentable_amount" | "invalid_amount";

/** An amount a platform cannot take exactly (or that is not contract money at all). Never rounded. */
export class UnrepresentableAmountError extends RangeError {
  readonly code: MoneyErrorCode;
  readonly platform: Platform;
  readonly minor: number;
  readonly currency: string;
  constructor(platform: Platform, minor: number, currency: string, detail: string, code: MoneyErrorCode = "unrepresentable_amount") {
    super(detail);
    this.name = "UnrepresentableAmountError";
    this.code = code;
    this.platform = platform;
    this.minor = minor;
    this.currency = currency;
  }
}

function assertMinor(platform: Platform, minor: number, currency: string): void {
  // Checked first so an unsupported currency throws RangeError (not this class) whatever the amount.
  currencyExponent(currency);
  if (!Number.isSafeInteger(minor) || minor < 0) {
    throw new UnrepresentableAmountError(platform, minor, currency, `amount ${minor} is not a non-negative integer`, "invalid_amount");
  }
}

/** The decimals a platform accepts at most (Meta is governed by its offset table instead). */
const MAX_DECIMALS: Record<"tiktok" | "apple", number> = { tiktok: 2, apple: 2 };

/** Refuses an amount with more significant decimals than `maxDecimals` once written in major units. */
function assertDecimals(platform: Platform, minor: number, currency: string, maxDecimals: number): void {
  const exp = currencyExponent(currency);
  if (exp <= maxDecimals) return;
  const step = 10 ** (exp - maxDecimals);
  if (minor % step !== 0) {
    throw new UnrepresentableAmountError(
      platform,
      minor,
      currency,
      `${minorToDecimalString(minor, currency)} ${currency} has more than ${maxDecimals} decimals, which ${platformName(platform)} cannot take; use a multiple of ${step} minor units`,
    );
  }
}

function platformName(p: Platform): string {
  return p === "meta" ? "Meta" : p === "tiktok" ? "TikTok" : "Apple";
}

// ---------------------------------------------------------------------------------------------
// Meta

/**
 * Meta's currency table gives each currency an "offset": how many API units make one major unit.
 * It is 100 for most currencies and 1 for the ones Meta bills without subunits — including some
 * whose ISO 4217 exponent is 2 (TWD, HUF, IDR, COP, CRC), where Meta will not take cents at all.
 * Currencies with ISO exponent 0 have no subunit to count, so they are offset 1 as well.
 */
const META_OFFSET_ONE = new Set(["JPY", "KRW", "TWD", "IDR", "HUF", "ISK", "CLP", "COP", "CRC", "PYG", "VND"]);

export function metaOffset(currency: string): 1 | 100 {
  return META_OFFSET_ONE.has(currency) || currencyExponent(currency) === 0 ? 1 : 100;
}

/**
 * Contract minor units → Meta API units. The same integer for USD/EUR (2, 100) and JPY/KRW (0, 1).
 * A 3-decimal currency (KWD, BHD…) is offset 100, so 12.345 KWD (12345) has no Meta spelling: only
 * multiples of 10 convert. TWD cents likewise must be whole dollars.
 */
export function toMetaAmount(minor: number, currency: string): number {
  assertMinor("meta", minor, currency);
  const exp = currencyExponent(currency);
  const offset = metaOffset(currency);
  const scale = 10 ** exp;
  // Integer steps only (no minor × offset product that could leave the safe range): offset ≥ scale
  // multiplies by a whole factor, offset < scale divides by one and needs a multiple of it.
  const units = offset >= scale ? minor * (offset / scale) : minor / (scale / offset);
  if (!Number.isSafeInteger(units)) {
    throw new UnrepresentableAmountError(
      "meta",
      minor,
      currency,
      `${minor} minor units of ${currency} (exponent ${exp}) cannot be sent to Meta, which counts ${currency} in 1/${offset} units`,
    );
  }
  return units;
}

/** Meta API units (read back as numeric strings) → contract minor units. Always exact for offsets 1 and 100. */
export function fromMetaAmount(value: string | number, currency: string): number {
  const s = typeof value === "number" ? String(value) : value.trim();
  if (!/^\d+$/.test(s)) throw new RangeError(`Meta amount ${JSON.stringify(value)} is not an unsigned integer`);
  const units = Number(s);
  const exp = currencyExponent(currency);
  const offset = metaOffset(currency);
  const scale = 10 ** exp;
  const minor = offset >= scale ? units / (offset / scale) : units * (scale / offset);
  if (!Number.isSafeInteger(minor)) throw new RangeError(`Meta amount ${s} ${currency} does not convert to whole minor units`);
  return minor;
}

// ---------------------------------------------------------------------------------------------
// TikTok

/**
 * Contract minor units → TikTok's major-unit JSON number (5050 USD → 50.5, 5000 JPY → 5000).
 * Refused: more than 2 decimals (a 3-decimal currency must be a multiple of 10 minor units), and any
 * amount whose nearest JS number does not print back as exactly the same decimal.
 */
export function toTikTokAmount(minor: number, currency: string): number {
  assertMinor("tiktok", minor, currency);
  assertDecimals("tiktok", minor, currency, MAX_DECIMALS.tiktok);
  const decimal = minorToDecimalString(minor, currency);
  const n = Number(decimal);
  if (!Number.isFinite(n) || decimalStringToMinor(String(n), currency) !== minor) {
    throw new UnrepresentableAmountError(
      "tiktok",
      minor,
      currency,
      `${decimal} ${currency} has no exact JSON number spelling for TikTok (it would become ${String(n)})`,
    );
  }
  return n;
}

/** TikTok's major-unit number (or numeric string) → contract minor units; refuses more precision than the currency has. */
export function fromTikTokAmount(value: number | string, currency: string): number {
  if (typeof value === "number" && !Number.isFinite(value)) throw new RangeError(`TikTok amount ${value} is not finite`);
  const s = typeof value === "number" ? String(value) : value.trim();
  if (!/^\d+(\.\d+)?$/.test(s)) throw new RangeError(`TikTok amount ${JSON.stringify(value)} is not an unsigned decimal`);
  const minor = decimalStringToMinor(s, currency);
  if (!Number.isSafeInteger(minor)) throw new RangeError(`TikTok amount ${s} ${currency} is too large`);
  return minor;
}

// ---------------------------------------------------------------------------------------------
// Apple

export interface AppleMoney {
  amount: string;
  currency: string;
}

/**
 * Contract minor units → Apple's `Money` (5000 USD → "50.00", 5000 JPY → "5000", 12340 BHD → "12.34").
 * Apple takes at most 2 decimals: a 3-decimal currency amount must be a multiple of 10 minor units.
 */
export function toAppleMoney(minor: number, currency: string): AppleMoney {
  assertMinor("apple", minor, currency);
  assertDecimals("apple", minor, currency, MAX_DECIMALS.apple);
  const exp = currencyExponent(currency);
  const full = minorToDecimalString(minor, currency);
  // Drop the (zero) third decimal of a 3-decimal currency: "12.340" → "12.34".
  const amount = exp > MAX_DECIMALS.apple ? full.slice(0, full.length - (exp - MAX_DECIMALS.apple)) : full;
  return { amount, currency };
}

/** Apple's `Money` (amount may come back trimmed, e.g. "250") → contract minor units in `expectedCurrency`. */
export function fromAppleMoney(money: AppleMoney, expectedCurrency?: string): number {
  if (expectedCurrency !== undefined && money.currency !== expectedCurrency) {
    throw new RangeError(`Apple amount is in ${money.currency}, expected ${expectedCurrency}`);
  }
  if (!/^\d+(\.\d+)?$/.test(money.amount.trim())) throw new RangeError(`Apple amount ${JSON.stringify(money.amount)} is not an unsigned decimal`);
  const minor = decimalStringToMinor(money.amount, money.currency);
  if (!Number.isSafeInteger(minor)) throw new RangeError(`Apple amount ${money.amount} ${money.currency} is too large`);
  return minor;
}

// ---------------------------------------------------------------------------------------------
// One check for the edge

export type Representability = { ok: true } | { ok: false; code: MoneyErrorCode; reason: string };

/** Whether `platform` can take `minor` units of `currency` exactly; the reason when it cannot. Throws RangeError for an unsupported currency. */
export function representable(platform: Platform, minor: number, currency: string): Representability {
  try {
    if (platform === "meta") toMetaAmount(minor, currency);
    else if (platform === "tiktok") toTikTokAmount(minor, currency);
    else toAppleMoney(minor, currency);
    return { ok: true };
  } catch (err) {
    if (err instanceof UnrepresentableAmountError) return { ok: false, code: err.code, reason: err.message };
    throw err;
  }
}
