import { invalidParam } from "./graph-errors.ts";
import { readJsonObject, type GraphParams } from "./graph-params.ts";

/**
 * An ad's `creative={"creative_id":"…"}`. Meta also takes a whole creative spec inline, which
 * creates a creative on the side; the sandbox does not, so a client's creatives are always
 * explicit objects with their own ledger entries.
 */
export function readCreativeRef(params: GraphParams): string | undefined {
  const ref = readJsonObject(params, "creative");
  if (ref === undefined) return undefined;
  const keys = Object.keys(ref);
  const id = ref.creative_id;
  if (keys.length !== 1 || id === undefined) {
    throw invalidParam("creative", 'Param creative must be {"creative_id":"<id>"}; inline creative specs are not imitated by the sandbox.');
  }
  const s = typeof id === "number" && Number.isSafeInteger(id) ? String(id) : id;
  if (typeof s !== "string" || !/^\d+$/.test(s)) throw invalidParam("creative", "creative.creative_id must be a valid ID");
  return s;
}
