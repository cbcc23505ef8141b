import { signCustomerToken } from "@layers/runtime";
import { createOrganization, mintApiKey } from "@layers/ops/orgs";
import { expect } from "vitest";
import { apiClient, type ApiClient } from "./api.ts";
import { CUSTOMER_JWT_SECRET, type E2EStack } from "./stack.ts";

/** A partner with no ad account at all (no seed-dev): org, full key, project, customer token, allowlist. */
export interface BareTenant {
  orgId: string;
  projectId: string;
  partner: ApiClient;
  customer: ApiClient;
  returnUrl: string;
}

export async function bareTenant(stack: E2EStack, returnUrl = "http://127.0.0.1:9/partner/connected"): Promise<BareTenant> {
  const { orgId } = await createOrganization(stack.env.db, `Connect org ${Date.now()}`);
  const key = await mintApiKey(stack.env.db, { orgId, scopes: ["*"], name: "connect test" });
  const partner = apiClient(stack.apiUrl, key.secret);
  const project = await partner.post("/v1/projects", { name: "Connect project" });
  expect(project.status).toBe(201);
  const customer = apiClient(stack.apiUrl, signCustomerToken({ sub: "usr_owner", org: orgId, project: project.body.id }, CUSTOMER_JWT_SECRET, 3600));
  expect((await partner.put("/v1/oauth/return-urls", { urls: [new URL(returnUrl).origin + "/partner/"] })).status).toBe(200);
  return { orgId, projectId: project.body.id, partner, customer, returnUrl };
}

/**
 * The customer's browser without a browser (the Chromium test does it for real): keeps the
 * sandbox's session cookie, answers the consent page, and follows the redirect into Layers' callback.
 * Answers the final Location (the partner's returnUrl with the outcome).
 */
export function fetchBrowser() {
  let cookie = "";
  return async function consent(url: string, decision: "allow" | "cancel" = "allow"): Promise<URL> {
    const page = await fetch(url, { headers: cookie ? { cookie } : {}, redirect: "manual" });
    const set = page.headers.get("set-cookie");
    if (set) cookie = set.split(";")[0]!;
    const html = await page.text();
    expect(page.status, html).toBe(200);
    const pending = /name="pending" value="([^"]+)"/.exec(html)![1]!;
    const form = new URLSearchParams({ pending, decision });
    for (const m of html.matchAll(/name="account" value="([^"]+)" checked/g)) form.append("account", m[1]!);
    const origin = new URL(url).origin;
    const submitted = await fetch(`${origin}/_sandbox/oauth/consent`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", ...(cookie ? { cookie } : {}) }, body: form, redirect: "manual" });
    await submitted.arrayBuffer();
    expect(submitted.status).toBe(302);
    const callback = await fetch(submitted.headers.get("location")!, { redirect: "manual" });
    await callback.arrayBuffer();
    expect(callback.status).toBe(302);
    return new URL(callback.headers.get("location")!);
  };
}
