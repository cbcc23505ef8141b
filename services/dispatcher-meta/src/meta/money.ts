import { currencyExponent } from "@layers/contracts";
import { PermanentError } from "@layers/runtime";

/**
 * Meta's currency table gives each currency an "offset": how many API units make one major unit.
 * It is 100 for most currencies and 1 for the ones Meta bills without subunits — including some
 * whose ISO 4217 exponent is 2 (TWD, HUF, IDR, COP, CRC), where Meta will not take cents at all.
 * Currencies with ISO exponent 0 have no subunit to count, so they are offset 1 as well.
 */
const OFFSET_ONE = new Set(["JPY", "KRW", "TWD", "IDR", "HUF", "ISK", "CLP", "COP", "CRC", "PYG", "VND"]);

export function metaOffset(currency: string): 1 | 100 {
  return OFFSET_ONE.has(currency) || currencyExponent(currency) === 0 ? 1 : 100;
}

/**
 * Contract minor units (ISO exponent) → Meta API units. The same integer for USD/EUR (2, 100) and
 * JPY/KRW (0, 1). A 3-decimal currency (KWD, BHD…) is offset 100, so 12.345 KWD (12345) has no
 * Meta spelling: only multiples of 10 convert. TWD cents likewise must be whole dollars. Anything
 * that would be rounded is refused, never rounded: a budget off by a fraction is a wrong budget.
 */
export function toMetaAmount(minor: number, currency: string): number {
  if (!Number.isSafeInteger(minor) || minor < 0) throw new PermanentError("invalid_amount", `amount ${minor} is not a non-negative integer`);
  const exp = currencyExponent(currency);
  const offset = metaOffset(currency);
  const scale = 10 ** exp;
  if (!Number.isSafeInteger(minor * offset) || (minor * offset) % scale !== 0) {
    throw new PermanentError(
      "unrepresentable_amount",
      `${minor} minor units of ${currency} (exponent ${exp}) cannot be sent to Meta, which counts ${currency} in 1/${offset} units`,
    );
  }
  return (minor * offset) / scale;
}

/** Meta API units (read back as numeric strings) → contract minor units. Always exact for offsets 1 and 100. */
export function fromMetaAmount(value: string | number, currency: string): number {
  const s = typeof value === "number" ? String(value) : value.trim();
  if (!/^\d+$/.test(s)) throw new RangeError(`Meta amount ${JSON.stringify(value)} is not an unsigned integer`);
  const units = Number(s);
  const exp = currencyExponent(currency);
  const offset = metaOffset(currency);
  const minor = (units * 10 ** exp) / offset;
  if (!Number.isSafeInteger(minor)) throw new RangeError(`Meta amount ${s} ${currency} does not convert to whole minor units`);
  return minor;
}
