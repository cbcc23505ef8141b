import { invalidInput, missingField } from "./apple-error.ts";

/** Apple's Money object on the wire. */
export interface AppleMoney {
  amount: string;
  currency: string;
}

const AMOUNT = /^(0|[1-9]\d{0,11})(\.\d{1,2})?$/;

/**
 * Parses a Money value into integer cents. The amount is a decimal string with at most two
 * decimals (Apple also accepts a JSON number, which Money's own examples never use; refused here
 * to keep clients honest), and the currency must be the org's.
 */
export function parseMoney(value: unknown, field: string, orgCurrency: string): number {
  if (value === undefined || value === null) throw missingField(field);
  if (typeof value !== "object" || Array.isArray(value)) throw invalidInput(field, `${field} must be a Money object {amount, currency}`);
  const { amount, currency } = value as Record<string, unknown>;
  if (amount === undefined) throw missingField(`${field}.amount`);
  if (typeof amount !== "string") throw invalidInput(`${field}.amount`, `${field}.amount must be a decimal string`);
  const m = AMOUNT.exec(amount);
  if (m === null) throw invalidInput(`${field}.amount`, `${field}.amount must be a non-negative decimal with at most 2 decimal places`);
  if (currency === undefined) throw missingField(`${field}.currency`);
  if (currency !== orgCurrency) throw invalidInput(`${field}.currency`, `${field}.currency must be the org currency ${orgCurrency}`);
  const whole = Number(m[1]);
  const fraction = (m[2] ?? ".").slice(1).padEnd(2, "0");
  return whole * 100 + Number(fraction);
}

/** Renders cents the way Apple reads money back: no trailing zeros, `"250"`, `"0.5"`, `"12.34"`. */
export function formatAmount(cents: number): string {
  const whole = Math.floor(cents / 100);
  const rest = cents % 100;
  if (rest === 0) return String(whole);
  return `${whole}.${String(rest).padStart(2, "0").replace(/0$/, "")}`;
}

export function money(cents: number, currency: string): AppleMoney {
  return { amount: formatAmount(cents), currency };
}
