import { invalidInput } from "../apple/apple-error.ts";
import { asObject, readBoolean, refuseUnknown, requireValue } from "../apple/fields.ts";

/**
 * The Platform API's `POST …/query` grammar: `{filters?, sorting?, pagination?}`, filters ANDed,
 * `value` (never `values`), `pageSize` (never `limit`), deleted rows hidden unless a filter names
 * `deleted`, each entity allowing some operators per field.
 */

export const OPERATORS = ["EQUALS", "NOT_EQUALS", "IN", "NOT_IN", "LIKE", "STARTS_WITH", "ENDS_WITH", "IS_NULL", "IS_NOT_NULL"] as const;
export type Operator = (typeof OPERATORS)[number];

export interface Filter {
  field: string;
  operator: Operator;
  value: unknown;
  ignoreCase: boolean;
}

export interface Query {
  filters: Filter[];
  sorting: Array<{ field: string; order: "ASC" | "DESC" }>;
  offset: number;
  pageSize: number;
}

export interface QueryRules {
  /** Field → operators allowed on it. */
  fields: Record<string, readonly Operator[]>;
  maxPageSize: number;
  /** Without `pagination.pageSize` (default 20, capped at `maxPageSize`). */
  defaultPageSize?: number;
  /** A refusal message when a required scope filter is missing. */
  requires?: (filters: readonly Filter[]) => string | undefined;
}

export const DEFAULT_PAGE_SIZE = 20;

export function parseQuery(body: unknown, rules: QueryRules): Query {
  const o = body === undefined || body === null ? {} : asObject(body, null);
  refuseUnknown(o, ["filters", "sorting", "pagination"]);
  const filters = list(o.filters, "filters").map((raw, i) => filter(raw, `filters[${i}]`, rules));
  const sorting = list(o.sorting, "sorting").map((raw, i) => {
    const s = asObject(raw, `sorting[${i}]`);
    refuseUnknown(s, ["field", "order"], `sorting[${i}].`);
    const field = requireValue(s, "field", `sorting[${i}].field`);
    if (typeof field !== "string" || !(field in rules.fields)) throw invalidInput(`sorting[${i}].field`, `cannot sort by ${String(field)}`);
    const order = s.order ?? "ASC";
    if (order !== "ASC" && order !== "DESC") throw invalidInput(`sorting[${i}].order`, "order must be ASC or DESC");
    return { field, order: order as "ASC" | "DESC" };
  });
  const p = o.pagination === undefined || o.pagination === null ? {} : asObject(o.pagination, "pagination");
  refuseUnknown(p, ["offset", "pageSize", "fetchTotalCount"], "pagination.");
  const offset = int(p.offset, "pagination.offset", 0, 0, Number.MAX_SAFE_INTEGER);
  const pageSize = int(p.pageSize, "pagination.pageSize", Math.min(rules.defaultPageSize ?? DEFAULT_PAGE_SIZE, rules.maxPageSize), 1, rules.maxPageSize);
  if (p.fetchTotalCount !== undefined) readBoolean(p.fetchTotalCount, "pagination.fetchTotalCount");
  const missing = rules.requires?.(filters);
  if (missing !== undefined) throw invalidInput("filters", missing);
  return { filters, sorting, offset, pageSize };
}

function list(v: unknown, field: string): unknown[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw invalidInput(field, `${field} must be a list`);
  return v;
}

function int(v: unknown, field: string, fallback: number, min: number, max: number): number {
  if (v === undefined || v === null) return fallback;
  if (typeof v !== "number" || !Number.isInteger(v) || v < min || v > max) throw invalidInput(field, `${field} must be an integer between ${min} and ${max}`);
  return v;
}

function filter(raw: unknown, at: string, rules: QueryRules): Filter {
  const f = asObject(raw, at);
  refuseUnknown(f, ["field", "operator", "value", "ignoreCase"], `${at}.`);
  const field = requireValue(f, "field", `${at}.field`);
  const operator = requireValue(f, "operator", `${at}.operator`);
  if (typeof field !== "string" || !(field in rules.fields)) throw invalidInput(`${at}.field`, `cannot filter on ${String(field)}`);
  if (typeof operator !== "string" || !(OPERATORS as readonly string[]).includes(operator)) throw invalidInput(`${at}.operator`, `unknown operator ${String(operator)}`);
  if (!rules.fields[field]!.includes(operator as Operator)) throw invalidInput(`${at}.operator`, `${field} must use ${rules.fields[field]!.join(" or ")}`);
  const op = operator as Operator;
  const value = f.value;
  if (op === "IS_NULL" || op === "IS_NOT_NULL") {
    if (value !== undefined) throw invalidInput(`${at}.value`, `${op} takes no value`);
  } else if (op === "IN" || op === "NOT_IN") {
    if (!Array.isArray(value) || value.length === 0 || value.length > 1000) throw invalidInput(`${at}.value`, `${op} takes a list of 1-1000 values`);
  } else {
    const one = Array.isArray(value) ? (value.length === 1 ? value[0] : undefined) : value;
    if (one === undefined || one === null || typeof one === "object") throw invalidInput(`${at}.value`, `${op} takes one value`);
  }
  return { field, operator: op, value, ignoreCase: f.ignoreCase === undefined ? false : readBoolean(f.ignoreCase, `${at}.ignoreCase`) };
}

const text = (v: unknown, ignoreCase: boolean) => (ignoreCase ? String(v).toLowerCase() : String(v));

function matches(row: Record<string, unknown>, f: Filter): boolean {
  const have = row[f.field];
  const want = Array.isArray(f.value) && f.operator !== "IN" && f.operator !== "NOT_IN" ? f.value[0] : f.value;
  const h = text(have, f.ignoreCase);
  switch (f.operator) {
    case "EQUALS":
      return have !== null && have !== undefined && h === text(want, f.ignoreCase);
    case "NOT_EQUALS":
      return h !== text(want, f.ignoreCase);
    case "IN":
      return (want as unknown[]).some((w) => h === text(w, f.ignoreCase));
    case "NOT_IN":
      return !(want as unknown[]).some((w) => h === text(w, f.ignoreCase));
    case "LIKE":
      return h.includes(text(want, f.ignoreCase));
    case "STARTS_WITH":
      return h.startsWith(text(want, f.ignoreCase));
    case "ENDS_WITH":
      return h.endsWith(text(want, f.ignoreCase));
    case "IS_NULL":
      return have === null || have === undefined;
    case "IS_NOT_NULL":
      return have !== null && have !== undefined;
  }
}

/** One page of the rows (views) that match, and the pagination block. */
export function runQuery(rows: readonly Record<string, unknown>[], q: Query): { result: Record<string, unknown>[]; pagination: { offset: number; pageSize: number; totalCount: number } } {
  const namesDeleted = q.filters.some((f) => f.field === "deleted");
  const hits = rows.filter((r) => (namesDeleted || r.deleted !== true) && q.filters.every((f) => matches(r, f)));
  const sorting = q.sorting.length > 0 ? q.sorting : [{ field: "id", order: "ASC" as const }];
  hits.sort((a, b) => {
    for (const s of sorting) {
      const x = a[s.field];
      const y = b[s.field];
      const c = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
      if (c !== 0) return s.order === "ASC" ? c : -c;
    }
    return 0;
  });
  return { result: hits.slice(q.offset, q.offset + q.pageSize), pagination: { offset: q.offset, pageSize: q.pageSize, totalCount: hits.length } };
}
