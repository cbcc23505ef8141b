import { invalidParam, missingParam } from "./graph-errors.ts";

/**
 * Parameters of one Graph call, merged from the query string and the body. Values are strings
 * when they came form-encoded or in the query, and native JSON values when a client posted JSON
 * (the official Node SDK does), so every reader accepts both spellings.
 */
export type GraphParams = Readonly<Record<string, unknown>>;

export function has(params: GraphParams, key: string): boolean {
  return params[key] !== undefined;
}

export function readString(params: GraphParams, key: string): string | undefined {
  const v = params[key];
  if (v === undefined) return undefined;
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  throw invalidParam(key, `Param ${key} must be a string`);
}

export function requireString(params: GraphParams, key: string): string {
  const v = readString(params, key);
  if (v === undefined) throw missingParam(key);
  if (v.trim() === "") throw invalidParam(key, `Param ${key} must be a non-empty string`);
  return v;
}

export function readEnum<T extends string>(params: GraphParams, key: string, values: readonly T[]): T | undefined {
  const v = readString(params, key);
  if (v === undefined) return undefined;
  if (!(values as readonly string[]).includes(v)) {
    throw invalidParam(key, `Param ${key} must be one of {${values.join(", ")}}`);
  }
  return v as T;
}

/** Meta money and caps are unsigned ints in the account currency's minimum unit. */
export function readUnsignedInt(params: GraphParams, key: string): number | undefined {
  const v = params[key];
  if (v === undefined) return undefined;
  let n: number | undefined;
  if (typeof v === "number") n = v;
  else if (typeof v === "string" && /^\d+$/.test(v.trim())) n = Number(v.trim());
  if (n === undefined || !Number.isSafeInteger(n) || n < 0) {
    throw invalidParam(key, `Param ${key} must be a non-negative integer`);
  }
  return n;
}

/** Lists travel as JSON-encoded strings in forms (`special_ad_categories=[]`) or as JSON arrays. */
export function readJsonArray(params: GraphParams, key: string): unknown[] | undefined {
  const v = params[key];
  if (v === undefined) return undefined;
  if (Array.isArray(v)) return v;
  if (typeof v === "string") {
    const parsed = parseLooseJson(v);
    if (Array.isArray(parsed)) return parsed;
  }
  throw invalidParam(key, `Param ${key} must be a JSON-encoded array`);
}

/** Objects (`targeting`, `creative`, `object_story_spec`) travel as JSON strings in forms or as JSON objects. */
export function readJsonObject(params: GraphParams, key: string): Record<string, unknown> | undefined {
  const v = params[key];
  if (v === undefined) return undefined;
  const parsed = typeof v === "string" ? parseLooseJson(v) : v;
  if (parsed !== null && typeof parsed === "object" && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  throw invalidParam(key, `Param ${key} must be a JSON-encoded object`);
}

/** A Graph object id given as a numeric string (or a JSON number): `campaign_id`, `adset_id`. */
export function readId(params: GraphParams, key: string): string | undefined {
  const v = readString(params, key);
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v.trim())) throw invalidParam(key, `Param ${key} must be a valid ID`);
  return v.trim();
}

export function readEnumArray<T extends string>(params: GraphParams, key: string, values: readonly T[]): T[] | undefined {
  const list = readJsonArray(params, key);
  if (list === undefined) return undefined;
  return list.map((item) => {
    if (typeof item !== "string" || !(values as readonly string[]).includes(item)) {
      throw invalidParam(key, `Param ${key}[] must be one of {${values.join(", ")}}`);
    }
    return item as T;
  });
}

/** `limit` and similar query integers: strictly positive. */
export function readPositiveInt(params: GraphParams, key: string): number | undefined {
  const n = readUnsignedInt(params, key);
  if (n !== undefined && n < 1) throw invalidParam(key, `Param ${key} must be a positive integer`);
  return n;
}

/**
 * JSON, or Python-style single-quoted JSON (`['DELETED']`), which Graph also accepts and which
 * older examples and SDKs still send. Anything else is undefined.
 */
export function parseLooseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    if (!text.includes("'") || text.includes('"')) return undefined;
    try {
      return JSON.parse(text.replaceAll("'", '"'));
    } catch {
      return undefined;
    }
  }
}
