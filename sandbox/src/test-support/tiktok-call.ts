/**
 * Test helper: TikTok API for Business calls the way TikTok's SDKs make them: `Access-Token`
 * header, JSON POST bodies, GET params in the query with objects and arrays JSON-encoded.
 */
export interface TiktokAnswer {
  status: number;
  // Tests assert on arbitrary TikTok JSON; typing every shape would add nothing.
  body: any;
}

export async function tiktok(
  baseUrl: string,
  method: "GET" | "POST",
  path: string,
  params: Record<string, unknown>,
  token: string | undefined,
): Promise<TiktokAnswer> {
  const headers: Record<string, string> = token === undefined ? {} : { "access-token": token };
  const url = `${baseUrl}/open_api/v1.3${path}`;
  let res: Response;
  if (method === "POST") {
    res = await fetch(url, { method, headers: { ...headers, "content-type": "application/json" }, body: JSON.stringify(params) });
  } else {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) q.set(k, typeof v === "object" ? JSON.stringify(v) : String(v));
    res = await fetch(`${url}?${q.toString()}`, { method, headers });
  }
  return { status: res.status, body: await res.json() };
}

/** A TikTok client bound to one sandbox, advertiser and token; `advertiser_id` is added to every call. */
export function tiktokAs(baseUrl: string, advertiserId: string, token: string) {
  return {
    get: (path: string, params: Record<string, unknown> = {}) => tiktok(baseUrl, "GET", path, { advertiser_id: advertiserId, ...params }, token),
    post: (path: string, params: Record<string, unknown> = {}) => tiktok(baseUrl, "POST", path, { advertiser_id: advertiserId, ...params }, token),
  };
}
