/**
 * Test helper: one Graph call the way Meta's Python/PHP SDKs make it: form-encoded POST bodies,
 * query strings for GET and DELETE, lists and objects JSON-encoded, token as `access_token`.
 */
export interface GraphAnswer {
  status: number;
  // Tests assert on arbitrary Graph JSON; typing every shape would add nothing.
  body: any;
  headers: Headers;
}

export type GraphValue = string | number | boolean | object;

export interface GraphCallOptions {
  token?: string;
  /** Send the token as `Authorization: <scheme> <token>` instead of `access_token`. */
  authScheme?: "Bearer" | "OAuth";
}

export async function graph(
  baseUrl: string,
  method: "GET" | "POST" | "DELETE",
  path: string,
  params: Record<string, GraphValue> = {},
  opts: GraphCallOptions = {},
): Promise<GraphAnswer> {
  const form = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) form.set(k, typeof v === "object" ? JSON.stringify(v) : String(v));
  const headers: Record<string, string> = {};
  if (opts.token !== undefined) {
    if (opts.authScheme) headers.authorization = `${opts.authScheme} ${opts.token}`;
    else form.set("access_token", opts.token);
  }
  const url = `${baseUrl}/v24.0${path}`;
  const res =
    method === "POST"
      ? await fetch(url, { method, headers, body: form })
      : await fetch(`${url}${form.size > 0 ? `?${form.toString()}` : ""}`, { method, headers });
  return { status: res.status, body: await res.json(), headers: res.headers };
}

/** A Graph client bound to one sandbox and token. */
export function graphAs(baseUrl: string, token: string) {
  return {
    get: (path: string, params: Record<string, GraphValue> = {}) => graph(baseUrl, "GET", path, params, { token }),
    post: (path: string, params: Record<string, GraphValue> = {}) => graph(baseUrl, "POST", path, params, { token }),
    del: (path: string, params: Record<string, GraphValue> = {}) => graph(baseUrl, "DELETE", path, params, { token }),
  };
}
