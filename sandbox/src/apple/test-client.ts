/** Test helper: Apple v5 calls the way Apple's clients make them (Bearer + X-AP-Context, JSON). */
export interface AppleAnswer {
  status: number;
  // Tests assert on arbitrary Apple JSON; typing every shape would add nothing.
  body: any;
  headers: Headers;
}

export interface AppleCallOptions {
  token?: string | undefined;
  /** The full X-AP-Context value; default `orgId=<orgId>`. */
  context?: string | undefined;
}

export async function appleCall(baseUrl: string, method: string, path: string, body: unknown, opts: AppleCallOptions): Promise<AppleAnswer> {
  const headers: Record<string, string> = {};
  if (opts.token !== undefined) headers.authorization = `Bearer ${opts.token}`;
  if (opts.context !== undefined) headers["x-ap-context"] = opts.context;
  if (body !== undefined) headers["content-type"] = "application/json";
  const res = await fetch(`${baseUrl}/api/v5${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  return { status: res.status, body: await res.json(), headers: res.headers };
}

/** An Apple client bound to one sandbox, token and org. */
export function appleAs(baseUrl: string, token: string, orgId: number) {
  const opts = { token, context: `orgId=${orgId}` };
  return {
    get: (path: string) => appleCall(baseUrl, "GET", path, undefined, opts),
    post: (path: string, body: unknown) => appleCall(baseUrl, "POST", path, body, opts),
    put: (path: string, body: unknown) => appleCall(baseUrl, "PUT", path, body, opts),
    del: (path: string) => appleCall(baseUrl, "DELETE", path, undefined, opts),
  };
}

export const campaignBody = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  adamId: 1_234_567_890,
  countriesOrRegions: ["US"],
  dailyBudgetAmount: { amount: "100.00", currency: "USD" },
  supplySources: ["APPSTORE_SEARCH_RESULTS"],
  adChannelType: "SEARCH",
  billingEvent: "TAPS",
  status: "PAUSED",
  ...extra,
});

export const adGroupBody = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  pricingModel: "CPC",
  defaultBidAmount: { amount: "1.50", currency: "USD" },
  startTime: "2030-01-01T00:00:00.000",
  ...extra,
});
