/**
 * TikTok GET calls take their parameters in the query string. Scalars go as their string form;
 * lists and objects (`fields`, `filtering`) go JSON-encoded, the form TikTok documents
 * (`fields=["campaign_id"]`, `filtering={"campaign_ids":[…]}`). `undefined` and `null` are left out.
 */
export function encodeQuery(params: Readonly<Record<string, unknown>>): URLSearchParams {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null) continue;
    switch (typeof value) {
      case "string":
        q.set(key, value);
        break;
      case "number":
        if (!Number.isFinite(value)) throw new RangeError(`query parameter ${key} is not a finite number`);
        q.set(key, String(value));
        break;
      case "boolean":
      case "bigint":
        q.set(key, String(value));
        break;
      case "object":
        q.set(key, JSON.stringify(value));
        break;
      default:
        throw new TypeError(`query parameter ${key} has unsupported type ${typeof value}`);
    }
  }
  return q;
}

/** TikTok's `/…/get/` `filtering`, in wire spelling; only the keys this client sends. */
export interface WireFiltering {
  campaign_ids?: string[];
  adgroup_ids?: string[];
  ad_ids?: string[];
  secondary_status?: string;
}

const ID_KEYS = ["campaign_ids", "adgroup_ids", "ad_ids"] as const;

/**
 * Splits a filtering whose id lists exceed TikTok's per-call limit (100) into several, each within
 * it; the union of their answers is the answer to the whole. Lists are deduplicated. An empty id
 * list matches nothing, so it yields no calls at all: sending `[]` could be read as "no filter".
 */
export function splitFiltering(f: WireFiltering, max: number): WireFiltering[] {
  const out: WireFiltering = { ...f };
  for (const key of ID_KEYS) {
    const ids = f[key];
    if (ids === undefined) continue;
    if (ids.length === 0) return [];
    out[key] = [...new Set(ids)];
  }
  const long = ID_KEYS.find((k) => (out[k]?.length ?? 0) > max);
  if (long === undefined) return [out];
  return chunk(out[long] ?? [], max).flatMap((part) => splitFiltering({ ...out, [long]: part }, max));
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`chunk size ${size} is not a positive integer`);
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
