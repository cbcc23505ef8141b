import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isSafeText, pathParamSchemas, safeText, unsafeTextReason } from "@layers/contracts";
import { BODY_LIMITS, checkBody } from "./body-rules.ts";
import { CANONICAL_MAX_DEPTH, CanonicalJsonTooDeepError, canonicalJson } from "./canonical-json.ts";
import { cursorCodec, deriveCursorSecret } from "./cursor.ts";
import { toPointer } from "./json-pointer.ts";
import { pathParamKinds } from "../plugins/input-rules.ts";

const SEED = 424_242;
const opts = { seed: SEED, numRuns: 500 };

/** Strings of code points the API accepts: no C0 controls but tab, LF, CR; no DEL; no surrogates. */
const cleanChar = fc.oneof(
  fc.constantFrom("\t", "\n", "\r"),
  fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCodePoint(c)),
  fc.integer({ min: 0x80, max: 0xd7ff }).map((c) => String.fromCodePoint(c)),
  fc.integer({ min: 0xe000, max: 0x10ffff }).map((c) => String.fromCodePoint(c)),
);
const cleanText = fc.array(cleanChar, { maxLength: 30 }).map((a) => a.join(""));
const BAD = fc.oneof(
  fc.integer({ min: 0, max: 0x1f }).filter((c) => c !== 0x09 && c !== 0x0a && c !== 0x0d).map((c) => String.fromCharCode(c)),
  fc.constant("\u007f"),
  fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
);

describe("safe text (packages/contracts text.ts)", () => {
  it("text - well-formed Unicode without control characters (but tab, LF, CR) is accepted", () => {
    fc.assert(fc.property(cleanText, (s) => {
      expect(unsafeTextReason(s)).toBeNull();
    }), opts);
  });

  it("text - a NUL, another control character, DEL or a lone surrogate anywhere is refused, with a reason", () => {
    fc.assert(
      fc.property(cleanText, BAD, cleanText, (a, bad, b) => {
        // A high surrogate followed by a low one from `b` would be a valid pair: keep the bad unit alone.
        const s = `${a}${bad}|${b}`;
        expect(isSafeText(s)).toBe(false);
        expect(unsafeTextReason(s)).toMatch(/NUL|control character|lone UTF-16 surrogate/);
      }),
      opts,
    );
    expect(unsafeTextReason("a\u0000b")).toMatch(/NUL/);
    expect(unsafeTextReason("\ud83d\ude00")).toBeNull(); // a proper pair (😀)
  });

  it("text - the zod refinement says the same", () => {
    fc.assert(fc.property(fc.oneof(cleanText, fc.string({ unit: "binary" }), fc.array(fc.integer({ min: 0, max: 0xffff })).map((u) => String.fromCharCode(...u))), (s) => {
      expect(safeText().safeParse(s).success).toBe(isSafeText(s));
    }), opts);
  });

  it("path parameters - platforms are an enum and ids have their prefix shape", () => {
    expect(pathParamSchemas.platform.safeParse("meta").success).toBe(true);
    for (const bad of ["META", "meta\u0000", "", "meta ", "x"]) expect(pathParamSchemas.platform.safeParse(bad).success).toBe(false);
    expect(pathParamSchemas.campaignId.safeParse("cmp_0123456789abcdefghjkmnpqrs").success).toBe(true);
    expect(pathParamSchemas.campaignId.safeParse("cmp_0123456789abcdefghjkmnpqr\u0000").success).toBe(false);
    expect(pathParamSchemas.projectId.safeParse("00000000-0000-4000-8000-000000000000").success).toBe(true);
    expect(pathParamSchemas.projectId.safeParse("00000000-0000-4000-8000-00000000000\u0000").success).toBe(false);
  });

  it("path parameters - every route parameter maps to a shape; an unknown one fails at registration", () => {
    expect(pathParamKinds("/v1/projects/:projectId/ads/:platform/adsets/:id/ads")).toEqual({ projectId: "projectId", platform: "platform", id: "adSetId" });
    expect(pathParamKinds("/v1/projects/:projectId/ads/:platform/adgroups/:id/keywords/:keywordId")).toEqual({ projectId: "projectId", platform: "platform", id: "adGroupId", keywordId: "keywordId" });
    expect(pathParamKinds("/v1/webhooks/endpoints/:endpointId/deliveries/:deliveryId/resend")).toEqual({ endpointId: "endpointId", deliveryId: "deliveryId" });
    expect(() => pathParamKinds("/v1/things/:thingId")).toThrow(/no shape/);
    expect(() => pathParamKinds("/v1/things/:id")).toThrow(/no shape/);
  });
});

describe("cursors", () => {
  const codec = cursorCodec(deriveCursorSecret("test-customer-jwt-secret-0123456789"));
  const cursor = fc.record({ at: fc.string({ maxLength: 40 }), id: fc.string({ maxLength: 40 }) });

  it("cursor - round-trips whatever it signed", () => {
    fc.assert(fc.property(cursor, (c) => {
      expect(codec.decode(codec.encode(c))).toEqual(c);
    }), opts);
  });

  it("cursor - any edit of an issued cursor is refused", () => {
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";
    fc.assert(
      fc.property(cursor, fc.nat(), fc.constantFrom(...alphabet), (c, at, ch) => {
        const issued = codec.encode(c);
        const i = at % issued.length;
        fc.pre(issued[i] !== ch);
        const edited = issued.slice(0, i) + ch + issued.slice(i + 1);
        const decoded = codec.decode(edited);
        // Base64url's last character can carry padding bits that decode to the same bytes; the cursor must then be the same one.
        if (decoded !== null) expect(decoded).toEqual(c);
      }),
      opts,
    );
  });

  it("cursor - unsigned, forged, foreign-key and random strings are refused and never throw", () => {
    const forge = (at: string, id: string) => Buffer.from(JSON.stringify([at, id])).toString("base64url");
    for (const raw of [forge("1", "cmp_x"), forge("2022-02-30T00:00:00Z", "x"), `${forge("0000-01-01", "x")}.${"A".repeat(22)}`, "", ".", "a.b"]) expect(codec.decode(raw)).toBeNull();
    const foreign = cursorCodec(deriveCursorSecret("another-deployment-secret-0000"));
    fc.assert(fc.property(cursor, (c) => {
      expect(codec.decode(foreign.encode(c))).toBeNull();
    }), opts);
    fc.assert(fc.property(fc.string({ maxLength: 600 }), (s) => {
      expect(codec.decode(s)).toBeNull();
    }), opts);
  });
});

describe("body depth, size and text", () => {
  const nest = (d: number, kind: "array" | "object"): unknown => {
    let v: unknown = 1;
    for (let i = 0; i < d; i++) v = kind === "array" ? [v] : { a: v };
    return v;
  };

  it("depth - up to BODY_LIMITS.maxDepth levels pass, one more is refused, and no depth overflows the stack", () => {
    for (const kind of ["array", "object"] as const) {
      expect(checkBody(nest(BODY_LIMITS.maxDepth, kind)).ok).toBe(true);
      const deeper = checkBody(nest(BODY_LIMITS.maxDepth + 1, kind));
      expect(deeper).toMatchObject({ ok: false, kind: "too_deep" });
      expect(checkBody(nest(200_000, kind))).toMatchObject({ ok: false, kind: "too_deep" });
    }
  });

  it("size - more than BODY_LIMITS.maxNodes values are refused", () => {
    expect(checkBody(Array.from({ length: BODY_LIMITS.maxNodes - 1 }, () => 1)).ok).toBe(true);
    expect(checkBody(Array.from({ length: BODY_LIMITS.maxNodes + 1 }, () => 1))).toMatchObject({ ok: false, kind: "too_many_values" });
  });

  it("text - bad text anywhere in a body is reported at its own pointer; clean bodies pass", () => {
    const clean = fc.letrec((tie) => ({
      v: fc.oneof({ depthSize: "small" }, cleanText, fc.integer(), fc.boolean(), fc.constant(null), tie("arr"), tie("obj")),
      arr: fc.array(tie("v"), { maxLength: 3 }),
      obj: fc.dictionary(cleanText, tie("v"), { maxKeys: 3 }),
    })).v;
    fc.assert(fc.property(clean, (v) => {
      expect(checkBody(v).ok).toBe(true);
    }), opts);
    fc.assert(
      fc.property(fc.array(fc.oneof(cleanText, fc.nat({ max: 3 })), { minLength: 1, maxLength: 5 }), BAD, (path, bad) => {
        // Build a body with the bad string at `path` (strings are object keys, numbers array indexes).
        let body: unknown = `x${bad}`;
        const keys: Array<string | number> = [];
        for (const p of [...path].reverse()) {
          if (typeof p === "number") {
            const arr: unknown[] = Array.from({ length: p + 1 }, () => 0);
            arr[p] = body;
            body = arr;
          } else body = { [p]: body };
          keys.unshift(p);
        }
        const r = checkBody(body);
        expect(r).toMatchObject({ ok: false, kind: "unsafe_text" });
        if (!r.ok) expect(r.errors.map((e) => e.pointer)).toContain(toPointer(keys));
      }),
      opts,
    );
    expect(checkBody({ ["na\u0000me"]: 1 })).toMatchObject({ ok: false, errors: [{ pointer: "/na\\u0000me" }] });
  });

  it("canonical json - bounded: too deep is a named error, never a stack overflow", () => {
    expect(() => canonicalJson(nest(CANONICAL_MAX_DEPTH - 1, "object"))).not.toThrow();
    expect(() => canonicalJson(nest(CANONICAL_MAX_DEPTH + 1, "array"))).toThrow(CanonicalJsonTooDeepError);
    expect(() => canonicalJson(nest(100_000, "object"))).toThrow(CanonicalJsonTooDeepError);
    expect(BODY_LIMITS.maxDepth).toBeLessThan(CANONICAL_MAX_DEPTH);
  });

  it("canonical json - key order never matters", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 6 }), (o) => {
        const reversed = Object.fromEntries(Object.entries(o).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(o));
      }),
      opts,
    );
  });
});
