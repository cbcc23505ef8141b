import { invalidInput, invalidJson, missingField } from "./apple-error.ts";

/** Field readers for Apple bodies: each throws an AppleError naming the field. */

export function asObject(value: unknown, field: string | null): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw field === null ? invalidJson("The request body must be a JSON object") : invalidInput(field, `${field} must be an object`);
  }
  return value as Record<string, unknown>;
}

/** Apple refuses properties it does not know; typos must not pass silently. */
export function refuseUnknown(o: Record<string, unknown>, known: readonly string[], prefix = ""): void {
  for (const k of Object.keys(o)) if (!known.includes(k)) throw invalidJson(`Unrecognized field "${prefix}${k}"`);
}

export function requireValue(o: Record<string, unknown>, field: string, path = field): unknown {
  const v = o[field];
  if (v === undefined || v === null) throw missingField(path);
  return v;
}

export function readName(value: unknown, field: string, max: number): string {
  if (typeof value !== "string" || value.trim() === "") throw invalidInput(field, `${field} must be a non-empty string`);
  if (value.length > max) throw invalidInput(field, `${field} must be at most ${max} characters`);
  return value;
}

export function readEnum<T extends string>(value: unknown, field: string, allowed: readonly T[]): T {
  if (typeof value !== "string" || !(allowed as readonly string[]).includes(value)) {
    throw invalidInput(field, `${field} must be one of ${allowed.join(", ")}`);
  }
  return value as T;
}

export function readEnumList<T extends string>(value: unknown, field: string, allowed: readonly T[]): T[] {
  if (!Array.isArray(value) || value.length === 0) throw invalidInput(field, `${field} must be a non-empty list`);
  return [...new Set(value.map((v) => readEnum(v, field, allowed)))];
}

export function readCountries(value: unknown, field: string): string[] {
  if (!Array.isArray(value) || value.length === 0) throw invalidInput(field, `${field} must be a non-empty list of ISO alpha-2 codes`);
  for (const v of value) if (typeof v !== "string" || !/^[A-Z]{2}$/.test(v)) throw invalidInput(field, `${field} must be ISO alpha-2 codes`);
  return [...new Set(value as string[])];
}

/** A positive int64 that JavaScript still holds exactly. */
export function readId(value: unknown, field: string): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value <= 0) throw invalidInput(field, `${field} must be a positive integer (int64)`);
  return value;
}

export function readBoolean(value: unknown, field: string): boolean {
  if (typeof value !== "boolean") throw invalidInput(field, `${field} must be true or false`);
  return value;
}

/** A path id: digits only. */
export function pathId(raw: string): number | undefined {
  if (!/^\d{1,16}$/.test(raw)) return undefined;
  const n = Number(raw);
  return Number.isSafeInteger(n) ? n : undefined;
}
