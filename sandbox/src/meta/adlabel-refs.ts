import { invalidParam } from "./graph-errors.ts";
import { readJsonArray, type GraphParams } from "./graph-params.ts";
import type { AdLabelRef } from "./meta-types.ts";

/** `adlabels=[{"name":"layers:cmp_123"}]`: each item names a label by `name` or `id`. */
export function readAdLabelRefs(params: GraphParams, key = "adlabels"): AdLabelRef[] | undefined {
  const list = readJsonArray(params, key);
  if (list === undefined) return undefined;
  return list.map((item) => {
    if (item !== null && typeof item === "object") {
      const { id, name } = item as { id?: unknown; name?: unknown };
      if (typeof id === "string" && id !== "") return { id };
      if (typeof id === "number") return { id: String(id) };
      if (typeof name === "string" && name.trim() !== "") return { name };
    }
    throw invalidParam(key, `Each ${key} item must be an object with a non-empty name or id`);
  });
}

/** How a ref is echoed in the ledger: exactly what the client asked for. */
export function adLabelRefToJson(ref: AdLabelRef): Record<string, string> {
  return "id" in ref ? { id: ref.id } : { name: ref.name };
}
