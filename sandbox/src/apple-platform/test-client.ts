/** Test helper: Platform API calls the way Apple's clients make them (Bearer + `X-AP-Context: adAccountId=…`, JSON). */
export interface PlatformAnswer {
  status: number;
  // Tests assert on arbitrary Apple JSON; typing every shape would add nothing.
  body: any;
  headers: Headers;
}

export async function platformCall(baseUrl: string, method: string, path: string, body: unknown, opts: { token?: string; context?: string }): Promise<PlatformAnswer> {
  const headers: Record<string, string> = {};
  if (opts.token !== undefined) headers.authorization = `Bearer ${opts.token}`;
  if (opts.context !== undefined) headers["x-ap-context"] = opts.context;
  if (body !== undefined) headers["content-type"] = "application/json";
  const res = await fetch(`${baseUrl}/v1${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const text = await res.text();
  return { status: res.status, body: text === "" ? undefined : JSON.parse(text), headers: res.headers };
}

/** A Platform API client bound to one sandbox, token and ad account. */
export function platformAs(baseUrl: string, token: string, adAccountId: number) {
  const opts = { token, context: `adAccountId=${adAccountId}` };
  return {
    get: (path: string) => platformCall(baseUrl, "GET", path, undefined, opts),
    post: (path: string, body: unknown) => platformCall(baseUrl, "POST", path, body, opts),
    put: (path: string, body: unknown) => platformCall(baseUrl, "PUT", path, body, opts),
    del: (path: string) => platformCall(baseUrl, "DELETE", path, undefined, opts),
  };
}

export const campaignV1 = (adAccountId: number, name: string, extra: Record<string, unknown> = {}) => ({
  adAccountId,
  name,
  billingEvent: "TAPS",
  promotedObjectType: "APPSTORE_APP",
  promotedObjectId: "1234567890",
  dailyBudget: { value: { amount: "100", currency: "USD" } },
  targeting: { supplyPlacement: { include: ["APPSTORE_SEARCH_RESULTS"] }, countryOrRegion: { include: ["US"] } },
  bidStrategy: { bidStrategyType: "MANUAL_CPT", bidStrategyGoal: "TAP" },
  status: "PAUSED",
  ...extra,
});

export const adGroupV1 = (campaignId: number, name: string, extra: Record<string, unknown> = {}) => ({
  campaignId,
  name,
  pricingModel: "CPT",
  bidStrategy: { bid: { amount: "1.5", currency: "USD" } },
  ...extra,
});
