import { invalidParam, nonexistingField } from "./graph-errors.ts";
import type { GraphParams } from "./graph-params.ts";

/** One entry of `fields=`: a name and, for `adlabels{id,name}`, the nested selection. */
export interface FieldSelection {
  name: string;
  sub?: FieldSelection[];
}

/**
 * Parses Graph field syntax: `id,name,adlabels{name}`. Modifiers such as `.limit(5)` are
 * accepted and ignored because the sandbox has no nested edges to limit.
 */
export function parseFieldSelection(raw: string): FieldSelection[] {
  const out: FieldSelection[] = [];
  for (const token of splitTopLevel(raw)) {
    const t = token.trim();
    if (t === "") continue;
    const m = /^([A-Za-z_][A-Za-z0-9_]*)((?:\.[A-Za-z_]+\([^()]*\))*)(?:\{(.*)\})?((?:\.[A-Za-z_]+\([^()]*\))*)$/s.exec(t);
    if (!m) throw invalidParam("fields", `Syntax error in fields: "${t}"`);
    const field: FieldSelection = { name: m[1] as string };
    if (m[3] !== undefined) field.sub = parseFieldSelection(m[3]);
    out.push(field);
  }
  return out;
}

/** Reads `fields` as a comma string (Graph) or a JSON array of names (some JSON clients). */
export function readFieldSelection(params: GraphParams, defaults: readonly string[]): FieldSelection[] {
  const v = params.fields;
  if (v === undefined || v === "") return defaults.map((name) => ({ name }));
  if (typeof v === "string") return withId(parseFieldSelection(v));
  if (Array.isArray(v) && v.every((x) => typeof x === "string")) return withId(parseFieldSelection(v.join(",")));
  throw invalidParam("fields", "Param fields must be a comma-separated list of field names");
}

/** Checks the sub-selection of a field that expands into another node, e.g. `campaign{name}`. */
export type NestedSelectionCheck = (sub: readonly FieldSelection[]) => void;

/**
 * Refuses names the node type does not define, even when there is nothing to render, and
 * checks nested selections of fields that expand into other nodes.
 */
export function assertKnownFields(
  selection: readonly FieldSelection[],
  known: ReadonlySet<string>,
  nodeType: string,
  nested: Readonly<Record<string, NestedSelectionCheck>> = {},
): void {
  for (const f of selection) {
    if (!known.has(f.name)) throw nonexistingField(f.name, nodeType);
    const check = nested[f.name];
    if (check !== undefined && f.sub !== undefined) check(f.sub);
  }
}

/** A nested object (`campaign{name}`) always carries its id, as Graph renders it. */
export function nestedWithId(sub: readonly FieldSelection[]): FieldSelection[] {
  return sub.some((s) => s.name === "id") ? [...sub] : [{ name: "id" }, ...sub];
}

/** Graph always answers with the object's id, whatever fields were asked for. */
function withId(sel: FieldSelection[]): FieldSelection[] {
  return sel.some((f) => f.name === "id") ? sel : [...sel, { name: "id" }];
}

function splitTopLevel(raw: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i];
    if (ch === "{" || ch === "(") depth++;
    else if (ch === "}" || ch === ")") {
      depth--;
      if (depth < 0) throw invalidParam("fields", "Syntax error in fields: unbalanced brackets");
    } else if (ch === "," && depth === 0) {
      parts.push(raw.slice(start, i));
      start = i + 1;
    }
  }
  if (depth !== 0) throw invalidParam("fields", "Syntax error in fields: unbalanced brackets");
  parts.push(raw.slice(start));
  return parts;
}
