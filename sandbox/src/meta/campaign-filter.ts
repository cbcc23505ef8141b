import { EFFECTIVE_STATUSES } from "./enums.ts";
import { invalidParam } from "./graph-errors.ts";
import { readEnumArray, readJsonArray, type GraphParams } from "./graph-params.ts";
import type { MetaCampaign } from "./meta-types.ts";

export type CampaignPredicate = (c: MetaCampaign) => boolean;

type Operator = "EQUAL" | "NOT_EQUAL" | "IN" | "NOT_IN" | "CONTAIN" | "NOT_CONTAIN";

/** Fields `filtering=[{field,operator,value}]` may name (with or without the `campaign.` prefix). */
const FILTER_FIELDS: Readonly<Record<string, { read: (c: MetaCampaign) => string; ops: readonly Operator[] }>> = {
  id: { read: (c) => c.id, ops: ["EQUAL", "NOT_EQUAL", "IN", "NOT_IN"] },
  name: { read: (c) => c.name, ops: ["EQUAL", "NOT_EQUAL", "IN", "NOT_IN", "CONTAIN", "NOT_CONTAIN"] },
  objective: { read: (c) => c.objective, ops: ["EQUAL", "NOT_EQUAL", "IN", "NOT_IN"] },
  effective_status: { read: (c) => c.status, ops: ["IN", "NOT_IN"] },
};

/**
 * Builds the edge filter for `GET /act_{id}/campaigns`. Without a status filter the edge hides
 * ARCHIVED and DELETED campaigns; ARCHIVED ones appear only when asked for, and asking for
 * DELETED ones is an error: Meta serves deleted objects only by id.
 */
export function readCampaignFilter(params: GraphParams): CampaignPredicate {
  const predicates: CampaignPredicate[] = [];
  let statusFiltered = false;

  const statuses = readEffectiveStatus(params);
  if (statuses !== undefined) {
    statusFiltered = true;
    refuseDeleted(statuses, "effective_status");
    predicates.push((c) => statuses.includes(c.status));
  }

  for (const clause of readJsonArray(params, "filtering") ?? []) {
    const { field, operator, value } = readClause(clause);
    const spec = FILTER_FIELDS[field];
    if (spec === undefined) throw invalidParam("filtering", `Filtering field ${field} is not supported on campaigns`);
    if (!spec.ops.includes(operator)) throw invalidParam("filtering", `Operator ${operator} is not supported for field ${field}`);
    if (field === "effective_status") {
      statusFiltered = true;
      const list = asStringList(value, field);
      for (const s of list) {
        if (!(EFFECTIVE_STATUSES as readonly string[]).includes(s)) throw invalidParam("filtering", `Unknown effective_status ${s}`);
      }
      if (operator === "IN") refuseDeleted(list, "filtering");
    }
    predicates.push(clausePredicate(spec.read, operator, value, field));
  }

  if (!statusFiltered) predicates.push((c) => c.status !== "ARCHIVED" && c.status !== "DELETED");
  // Whatever the filter, deleted campaigns never come back on an edge.
  predicates.push((c) => c.status !== "DELETED");
  return (c) => predicates.every((p) => p(c));
}

function readEffectiveStatus(params: GraphParams): string[] | undefined {
  const v = params.effective_status;
  // A bare value (`effective_status=ACTIVE`) is a one-element list.
  if (typeof v === "string" && /^[A-Z_]+$/.test(v)) return readEnumArray({ effective_status: [v] }, "effective_status", EFFECTIVE_STATUSES);
  return readEnumArray(params, "effective_status", EFFECTIVE_STATUSES);
}

function refuseDeleted(statuses: readonly string[], field: string): void {
  if (statuses.includes("DELETED")) {
    throw invalidParam(field, "Deleted objects can't be read from an edge; read them by their id instead.");
  }
}

function readClause(clause: unknown): { field: string; operator: Operator; value: unknown } {
  if (clause === null || typeof clause !== "object") throw invalidParam("filtering", "Each filtering item must be {field, operator, value}");
  const { field, operator, value } = clause as Record<string, unknown>;
  if (typeof field !== "string" || typeof operator !== "string") {
    throw invalidParam("filtering", "Each filtering item must be {field, operator, value}");
  }
  return { field: field.replace(/^campaign\./, ""), operator: operator as Operator, value };
}

function clausePredicate(read: (c: MetaCampaign) => string, op: Operator, value: unknown, field: string): CampaignPredicate {
  switch (op) {
    case "EQUAL": { const v = asString(value, field); return (c) => read(c) === v; }
    case "NOT_EQUAL": { const v = asString(value, field); return (c) => read(c) !== v; }
    case "IN": { const l = asStringList(value, field); return (c) => l.includes(read(c)); }
    case "NOT_IN": { const l = asStringList(value, field); return (c) => !l.includes(read(c)); }
    case "CONTAIN": { const v = asString(value, field).toLowerCase(); return (c) => read(c).toLowerCase().includes(v); }
    case "NOT_CONTAIN": { const v = asString(value, field).toLowerCase(); return (c) => !read(c).toLowerCase().includes(v); }
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
