import type { GraphParams } from "./graph-params.ts";

export type GraphMethod = "GET" | "POST" | "DELETE";

/** One Graph call, independent of the HTTP framework. */
export interface GraphRequest {
  method: GraphMethod;
  /** The version segment as sent, e.g. `v24.0`. */
  version: string;
  /** Path segments after the version: `["act_1", "campaigns"]`, `["1202…"]`. */
  segments: string[];
  /** URL path without the query, for the ledger and paging links. */
  path: string;
  /** Query string parameters alone, to rebuild paging links. */
  query: URLSearchParams;
  /** Query and body merged; body values win. */
  params: GraphParams;
  token: string | undefined;
  /** `http://host:port` as the client reached us, for absolute `paging.next` links. */
  origin: string;
}

export interface RawHttpRequest {
  method: string;
  url: string;
  body: unknown;
  authorization: string | undefined;
  origin: string;
}

const VERSION = /^v\d+(?:\.0)?$/;

/**
 * Normalises an HTTP request into a Graph call: merges query and body, finds the token (query,
 * body, or an `Authorization: Bearer|OAuth` header) and honours Graph's `method=` override.
 * Returns undefined when the path has no version prefix.
 */
export function toGraphRequest(raw: RawHttpRequest): GraphRequest | undefined {
  const q = raw.url.indexOf("?");
  const path = q === -1 ? raw.url : raw.url.slice(0, q);
  const query = new URLSearchParams(q === -1 ? "" : raw.url.slice(q + 1));
  const [, version, ...segments] = path.split("/").map(safeDecode);
  if (version === undefined || !VERSION.test(version)) return undefined;
  const params: Record<string, unknown> = Object.fromEntries(query);
  if (raw.body !== null && typeof raw.body === "object" && !Array.isArray(raw.body)) Object.assign(params, raw.body);
  return {
    method: effectiveMethod(raw.method, params.method),
    version,
    segments: segments.filter((s) => s !== ""),
    path,
    query,
    params,
    token: readToken(params.access_token, raw.authorization),
    origin: raw.origin,
  };
}

function effectiveMethod(httpMethod: string, override: unknown): GraphMethod {
  const m = (typeof override === "string" && httpMethod !== "DELETE" ? override : httpMethod).toUpperCase();
  return m === "POST" || m === "DELETE" ? m : "GET";
}

function readToken(param: unknown, authorization: string | undefined): string | undefined {
  if (typeof param === "string" && param !== "") return param;
  const m = authorization === undefined ? null : /^(?:Bearer|OAuth)\s+(\S+)\s*$/i.exec(authorization);
  return m?.[1];
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
