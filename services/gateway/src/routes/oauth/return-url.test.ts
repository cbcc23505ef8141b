import { describe, expect, it } from "vitest";
import { checkUrl, matchReturnUrl, normalizePrefix, outcomeUrl } from "./return-url.ts";

const PROD = { allowLoopbackHttp: false };
const DEV = { allowLoopbackHttp: true };

function prefixes(rules: typeof PROD, ...raw: string[]): string[] {
  return raw.map((r) => {
    const n = normalizePrefix(r, rules);
    if (!n.ok) throw new Error(`${r}: ${n.detail}`);
    return n.prefix;
  });
}

describe("return URL allowlist", () => {
  const list = prefixes(PROD, "https://Partner.Example.com:443/customers", "https://app.example.org");

  it.each([
    ["https://partner.example.com/customers", true],
    ["https://partner.example.com/customers/acme/ads/connected?x=1", true],
    ["HTTPS://PARTNER.EXAMPLE.COM/customers/acme", true],
    ["https://partner.example.com:443/customers/acme", true],
    ["https://app.example.org/", true],
    ["https://app.example.org/anything/below", true],
    ["https://partner.example.com/customersX", false],
    ["https://partner.example.com/customers-evil/a", false],
    ["https://partner.example.com/", false],
    ["https://partner.example.com.evil.test/customers/acme", false],
    ["https://evil.test/https://partner.example.com/customers", false],
    ["https://partner.example.com:8443/customers/acme", false],
    ["http://partner.example.com/customers/acme", false],
    ["https://partner.example.com@evil.test/customers", false],
    ["https://a@partner.example.com/customers", false],
    ["https://partner.example.com/customers/../admin", false],
    ["https://partner.example.com/customers/%2e%2e/admin", false],
    ["https://partner.example.com/customers/acme#frag", false],
    ["javascript:alert(1)//partner.example.com/customers", false],
    ["//partner.example.com/customers", false],
    ["not a url", false],
  ])("%s → %s", (url, allowed) => {
    expect(matchReturnUrl(url, list, PROD).ok).toBe(allowed);
  });

  it("a prefix ending in / covers only what starts with it", () => {
    const slash = prefixes(PROD, "https://p.example.com/c/");
    expect(matchReturnUrl("https://p.example.com/c/x", slash, PROD).ok).toBe(true);
    expect(matchReturnUrl("https://p.example.com/c", slash, PROD).ok).toBe(false);
  });

  it("allows http only to loopback hosts, and only where the deployment allows it", () => {
    const dev = prefixes(DEV, "http://127.0.0.1:9000/back", "http://localhost:3000");
    expect(matchReturnUrl("http://127.0.0.1:9000/back?x=1", dev, DEV).ok).toBe(true);
    expect(matchReturnUrl("http://localhost:3000/x", dev, DEV).ok).toBe(true);
    expect(matchReturnUrl("http://127.0.0.1:9001/back", dev, DEV).ok).toBe(false);
    expect(matchReturnUrl("http://127.0.0.1:9000/back", dev, PROD).ok).toBe(false);
    expect(normalizePrefix("http://127.0.0.1:9000/back", PROD).ok).toBe(false);
    expect(normalizePrefix("http://partner.example.com/", DEV).ok).toBe(false);
  });

  it("normalizes prefixes and refuses user info, queries and fragments in them", () => {
    expect(prefixes(PROD, "HTTPS://Partner.Example.COM:443")).toEqual(["https://partner.example.com/"]);
    expect(normalizePrefix("https://a@b.example.com/", PROD).ok).toBe(false);
    expect(normalizePrefix("https://b.example.com/?x=1", PROD).ok).toBe(false);
    expect(normalizePrefix("https://b.example.com/#x", PROD).ok).toBe(false);
    expect(checkUrl("ftp://b.example.com/", PROD).ok).toBe(false);
  });

  it("appends the outcome to the return URL's own query", () => {
    expect(outcomeUrl("https://p.example.com/c?ref=7", { status: "connected", accountId: "aa_1" })).toBe("https://p.example.com/c?ref=7&status=connected&accountId=aa_1");
  });
});
