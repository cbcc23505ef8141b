import { createCipheriv, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { tokenKeySchema } from "./config.ts";
import { currentKeyId, DEV_TOKEN_KEY, isSealedUnderCurrentKey, openToken, resealToken, SealKeyMissingError, sealedKeyId, sealToken } from "./seal.ts";

const OLD = Buffer.alloc(32, 1).toString("base64");
const NEW = Buffer.alloc(32, 2).toString("base64");

/** A value sealed by the format before key ids (`v1.<iv>.<tag>.<ct>`). */
function sealV1(plaintext: string, keyB64: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", Buffer.from(keyB64, "base64"), iv);
  const ct = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), ct.toString("base64url")].join(".");
}

describe("sealing with a key id", () => {
  it("names the sealing key in the envelope and opens with it", () => {
    const sealed = sealToken("EAAB-secret", OLD);
    expect(sealed.startsWith(`v2.${currentKeyId(OLD)}.`)).toBe(true);
    expect(sealed).not.toContain("EAAB");
    expect(openToken(sealed, OLD)).toBe("EAAB-secret");
    expect(currentKeyId(OLD)).not.toBe(currentKeyId(NEW));
  });

  it("seals with the first key of a ring and opens with any", () => {
    const underOld = sealToken("a", OLD);
    const underNew = sealToken("b", `${NEW},${OLD}`);
    expect(sealedKeyId(underNew)).toBe(currentKeyId(NEW));
    expect(openToken(underOld, `${NEW},${OLD}`)).toBe("a");
    expect(openToken(underNew, `${OLD},${NEW}`)).toBe("b");
    expect(isSealedUnderCurrentKey(underOld, `${NEW},${OLD}`)).toBe(false);
    expect(isSealedUnderCurrentKey(underNew, `${NEW},${OLD}`)).toBe(true);
  });

  it("re-seals under the current key; the old key is then no longer needed", () => {
    const underOld = sealToken("tok", OLD);
    const resealed = resealToken(underOld, `${NEW},${OLD}`);
    expect(sealedKeyId(resealed)).toBe(currentKeyId(NEW));
    expect(openToken(resealed, NEW)).toBe("tok");
    expect(() => openToken(underOld, NEW)).toThrow(SealKeyMissingError);
  });

  it("keeps reading values sealed before key ids (v1), with any key of the ring", () => {
    const legacy = sealV1("legacy-token", DEV_TOKEN_KEY);
    expect(openToken(legacy, DEV_TOKEN_KEY)).toBe("legacy-token");
    expect(openToken(legacy, `${NEW},${DEV_TOKEN_KEY}`)).toBe("legacy-token");
    expect(() => openToken(legacy, NEW)).toThrow(/no key of the ring/);
    expect(sealedKeyId(legacy)).toBeUndefined();
    expect(sealedKeyId(resealToken(legacy, `${NEW},${DEV_TOKEN_KEY}`))).toBe(currentKeyId(NEW));
  });

  it("detects tampering of the ciphertext and the key id", () => {
    const parts = sealToken("secret", OLD).split(".");
    const ct = [...parts];
    ct[4] = Buffer.from("other").toString("base64url");
    expect(() => openToken(ct.join("."), OLD)).toThrow();
    const kid = [...parts];
    kid[1] = currentKeyId(NEW);
    expect(() => openToken(kid.join("."), `${OLD},${NEW}`)).toThrow();
    expect(() => openToken("plain-token", OLD)).toThrow(/not a sealed token/);
  });

  it("config accepts one key or a ring, and refuses a short key anywhere in it", () => {
    expect(tokenKeySchema.safeParse(OLD).success).toBe(true);
    expect(tokenKeySchema.safeParse(`${NEW},${OLD}`).success).toBe(true);
    expect(tokenKeySchema.safeParse(`${NEW},short`).success).toBe(false);
    expect(tokenKeySchema.safeParse("").success).toBe(false);
  });
});
