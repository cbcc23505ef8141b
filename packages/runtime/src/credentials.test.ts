import { describe, expect, it } from "vitest";
import { hashApiKey, isWellFormedApiKey, mintApiKeySecret } from "./api-key.ts";
import { signCustomerToken, verifyCustomerToken } from "./customer-token.ts";
import { DEV_TOKEN_KEY, openToken, sealToken } from "./seal.ts";
import { childTraceparent, isTraceparent } from "./trace.ts";

describe("api key secrets", () => {
  it("are prefixed, checksummed and hashed", () => {
    const s = mintApiKeySecret();
    expect(s).toMatch(/^lak_live_[0-9A-Za-z]{38}$/);
    expect(isWellFormedApiKey(s)).toBe(true);
    expect(hashApiKey(s)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashApiKey(s)).not.toContain(s.slice(9, 20));
  });

  it("reject any one-character edit offline", () => {
    const s = mintApiKeySecret("test");
    for (const i of [9, 20, 40, s.length - 1]) {
      const c = s[i] === "A" ? "B" : "A";
      expect(isWellFormedApiKey(s.slice(0, i) + c + s.slice(i + 1))).toBe(false);
    }
    expect(isWellFormedApiKey("lak_live_short")).toBe(false);
  });
});

describe("customer tokens", () => {
  const claims = { sub: "usr_1", org: "org_1", project: "8b3c1d2e-4f5a-46b7-9c8d-0e1f2a3b4c5d" };
  it("verify with the right secret and carry their claims", () => {
    const t = signCustomerToken(claims, "s3cret");
    const v = verifyCustomerToken(t, "s3cret");
    expect(v.ok && v.claims.project).toBe(claims.project);
  });
  it("fail on a wrong secret, tampering or expiry", () => {
    const t = signCustomerToken(claims, "s3cret", 60, 1_000);
    expect(verifyCustomerToken(t, "other", 1_010)).toEqual({ ok: false, why: "bad signature" });
    expect(verifyCustomerToken(t, "s3cret", 2_000)).toEqual({ ok: false, why: "expired" });
    const [h, , s] = t.split(".");
    const forged = Buffer.from(JSON.stringify({ ...claims, typ: "customer", project: "00000000-0000-4000-8000-000000000000", iat: 1, exp: 9e9 })).toString("base64url");
    expect(verifyCustomerToken(`${h}.${forged}.${s}`, "s3cret").ok).toBe(false);
  });
});

describe("token sealing", () => {
  it("round-trips and detects tampering", () => {
    const sealed = sealToken("EAAB-secret", DEV_TOKEN_KEY);
    expect(sealed).not.toContain("EAAB");
    expect(openToken(sealed, DEV_TOKEN_KEY)).toBe("EAAB-secret");
    const parts = sealed.split(".");
    parts[3] = Buffer.from("other").toString("base64url");
    expect(() => openToken(parts.join("."), DEV_TOKEN_KEY)).toThrow();
  });
});

describe("traceparent", () => {
  it("keeps the trace id and makes a new span per hop", () => {
    const root = childTraceparent();
    const next = childTraceparent(root);
    expect(isTraceparent(root) && isTraceparent(next)).toBe(true);
    expect(next.split("-")[1]).toBe(root.split("-")[1]);
    expect(next.split("-")[2]).not.toBe(root.split("-")[2]);
    expect(childTraceparent("garbage").split("-")[1]).toMatch(/^[0-9a-f]{32}$/);
  });
});
