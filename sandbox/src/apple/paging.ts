import type { ApplePagination } from "./apple-error.ts";
import { invalidInput } from "./apple-error.ts";

export interface PageRequest {
  limit: number;
  offset: number;
}

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 1000;

/** Reads `?limit=&offset=` (default 20 / 0; limit 1–1000). */
export function parsePageRequest(query: Record<string, unknown>): PageRequest {
  return { limit: intParam(query.limit, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT), offset: intParam(query.offset, "offset", 0, 0, Number.MAX_SAFE_INTEGER) };
}

function intParam(raw: unknown, name: string, fallback: number, min: number, max: number): number {
  if (raw === undefined || raw === "") return fallback;
  const s = String(raw);
  if (!/^\d+$/.test(s)) throw invalidInput(name, `${name} must be an integer`);
  const n = Number(s);
  if (n < min || n > max) throw invalidInput(name, `${name} must be between ${min} and ${max}`);
  return n;
}

/** One page of `items` and Apple's pagination block for it. */
export function page<T>(items: readonly T[], req: PageRequest): { data: T[]; pagination: ApplePagination } {
  const data = items.slice(req.offset, req.offset + req.limit);
  return { data, pagination: { totalResults: items.length, startIndex: req.offset, itemsPerPage: data.length } };
}
