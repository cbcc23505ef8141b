import { invalidParam } from "./graph-errors.ts";
import { readEnumArray, readJsonArray, type GraphParams } from "./graph-params.ts";

export type EdgePredicate<T> = (o: T) => boolean;

export type FilterOperator = "EQUAL" | "NOT_EQUAL" | "IN" | "NOT_IN" | "CONTAIN" | "NOT_CONTAIN";

export const ID_OPERATORS: readonly FilterOperator[] = ["EQUAL", "NOT_EQUAL", "IN", "NOT_IN"];
export const TEXT_OPERATORS: readonly FilterOperator[] = ["EQUAL", "NOT_EQUAL", "IN", "NOT_IN", "CONTAIN", "NOT_CONTAIN"];

/** How one edge (campaigns, ad sets, ads) can be filtered. */
export interface EdgeFilterSpec<T> {
  /** What the objects are called in messages, e.g. "campaigns". */
  noun: string;
  /** The level's own prefix in `filtering` field names (`campaign.name` = `name` on campaigns). */
  prefix: string;
  /** Fields `filtering=[{field,operator,value}]` may name, besides `effective_status`. */
  fields: Readonly<Record<string, { read: (o: T) => string; ops: readonly FilterOperator[] }>>;
  effectiveStatuses: readonly string[];
  effectiveStatus: (o: T) => string;
}

/**
 * Builds an edge filter from `effective_status` and `filtering`. Without a status filter the
 * edge hides ARCHIVED and DELETED objects; ARCHIVED ones appear only when asked for, and asking
 * for DELETED ones is an error: Meta serves deleted objects only by id.
 */
export function readEdgeFilter<T>(params: GraphParams, spec: EdgeFilterSpec<T>): EdgePredicate<T> {
  const predicates: Array<EdgePredicate<T>> = [];
  let statusFiltered = false;

  const statuses = readEffectiveStatus(params, spec.effectiveStatuses);
  if (statuses !== undefined) {
    statusFiltered = true;
    refuseDeleted(statuses, "effective_status");
    predicates.push((o) => statuses.includes(spec.effectiveStatus(o)));
  }

  for (const clause of readJsonArray(params, "filtering") ?? []) {
    const { field, operator, value } = readClause(clause, spec.prefix);
    if (field === "effective_status") {
      if (!["IN", "NOT_IN"].includes(operator)) throw invalidParam("filtering", `Operator ${operator} is not supported for field ${field}`);
      statusFiltered = true;
      const list = asStringList(value, field);
      for (const s of list) if (!spec.effectiveStatuses.includes(s)) throw invalidParam("filtering", `Unknown effective_status ${s}`);
      if (operator === "IN") refuseDeleted(list, "filtering");
      predicates.push(clausePredicate(spec.effectiveStatus, operator, value, field));
      continue;
    }
    const f = spec.fields[field];
    if (f === undefined) throw invalidParam("filtering", `Filtering field ${field} is not supported on ${spec.noun}`);
    if (!f.ops.includes(operator)) throw invalidParam("filtering", `Operator ${operator} is not supported for field ${field}`);
    predicates.push(clausePredicate(f.read, operator, value, field));
  }

  if (!statusFiltered) predicates.push((o) => !["ARCHIVED", "DELETED"].includes(spec.effectiveStatus(o)));
  // Whatever the filter, deleted objects never come back on an edge.
  predicates.push((o) => spec.effectiveStatus(o) !== "DELETED");
  return (o) => predicates.every((p) => p(o));
}

function readEffectiveStatus(params: GraphParams, values: readonly string[]): string[] | undefined {
  const v = params.effective_status;
  // A bare value (`effective_status=ACTIVE`) is a one-element list.
  if (typeof v === "string" && /^[A-Z_]+$/.test(v)) return readEnumArray({ effective_status: [v] }, "effective_status", values);
  return readEnumArray(params, "effective_status", values);
}

function refuseDeleted(statuses: readonly string[], field: string): void {
  if (statuses.includes("DELETED")) {
    throw invalidParam(field, "Deleted objects can't be read from an edge; read them by their id instead.");
  }
}

function readClause(clause: unknown, prefix: string): { field: string; operator: FilterOperator; value: unknown } {
  if (clause === null || typeof clause !== "object") throw invalidParam("filtering", "Each filtering item must be {field, operator, value}");
  const { field, operator, value } = clause as Record<string, unknown>;
  if (typeof field !== "string" || typeof operator !== "string") {
    throw invalidParam("filtering", "Each filtering item must be {field, operator, value}");
  }
  return { field: field.startsWith(prefix) ? field.slice(prefix.length) : field, operator: operator as FilterOperator, value };
}

function clausePredicate<T>(read: (o: T) => string, op: FilterOperator, value: unknown, field: string): EdgePredicate<T> {
  switch (op) {
    case "EQUAL": { const v = asString(value, field); return (o) => read(o) === v; }
    case "NOT_EQUAL": { const v = asString(value, field); return (o) => read(o) !== v; }
    case "IN": { const l = asStringList(value, field); return (o) => l.includes(read(o)); }
    case "NOT_IN": { const l = asStringList(value, field); return (o) => !l.includes(read(o)); }
    case "CONTAIN": { const v = asString(value, field).toLowerCase(); return (o) => read(o).toLowerCase().includes(v); }
    case "NOT_CONTAIN": { const v = asString(value, field).toLowerCase(); return (o) => !read(o).toLowerCase().includes(v); }
    default: throw invalidParam("filtering", `Operator ${String(op)} is not supported for field ${field}`);
  }
}

function asString(v: unknown, field: string): string {
  if (typeof v === "string" || typeof v === "number") return String(v);
  throw invalidParam("filtering", `The value for ${field} must be a string`);
}

function asStringList(v: unknown, field: string): string[] {
  if (Array.isArray(v)) return v.map((x) => asString(x, field));
  throw invalidParam("filtering", `The value for ${field} must be a list`);
}
