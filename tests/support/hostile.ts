import fc from "fast-check";
import type { PathParamKind } from "@layers/contracts";

/**
 * Generators of hostile HTTP input for the fuzz test (hostile-input.int.test.ts): the families of
 * issue 12 — NUL, control characters and lone surrogates in text, forged cursors, deep JSON,
 * bytes in path segments, `null` and non-object bodies, bodies where none belongs — and more:
 * huge and odd numbers, wrong types, unknown fields, odd encodings and content types, long
 * strings, hostile ids and headers.
 */

/** Characters that break naive text handling: NUL, controls, lone surrogates, bidi, BOM, noncharacters, quotes. */
export const NASTY = ["\u0000", "\ud800", "\udfff", "\udc00x", "\u0001", "\u0008", "\u001b", "\u007f", "\u0085", "\u202e", "\ufeff", "\uffff", "😀", "\r\n", "\t", "'", '"', "\\", "%00", "${x}", "<script>", "../", "\u0000\u0000"];

/** Any UTF-16 string, lone surrogates included. */
const anyUnits = fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 24 }).map((units) => String.fromCharCode(...units));

export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fc.string({ maxLength: 12 }), fc.constantFrom(...NASTY), fc.string({ maxLength: 12 })).map(([a, n, b]) => a + n + b) },
  { weight: 3, arbitrary: anyUnits },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 24 }) },
  { weight: 1, arbitrary: fc.constantFrom("", " ", "x".repeat(5_000), "é".repeat(300), "null", "true", "0", "-1", "1e309", "NaN", "__proto__", "constructor") },
);

export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(1e308, -1e308, 2 ** 53 + 2, -(2 ** 53) - 2, 2 ** 31, 2 ** 63, -0, 0, -1, 0.5, 1e-9, Number.MAX_SAFE_INTEGER, Number.MIN_VALUE),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

const leaf: fc.Arbitrary<unknown> = fc.oneof(hostileText, hostileNumber, fc.boolean(), fc.constant(null), fc.string({ maxLength: 8 }));

/** Field names the API's bodies use (so values reach the schemas), plus hostile names. */
export const FIELDS = [
  "name", "customerExternalId", "timezone", "primaryLanguage", "adAccountId", "outcome", "dailyBudgetCents", "lifetimeBudgetCents",
  "campaignManagementMode", "creativeMode", "authority", "active", "reason", "comment", "url", "events", "description",
  "partnerWritesEnabled", "ceiling", "maxDailyBudgetCents", "writerPreset", "targeting", "creative", "bidCents", "bidStrategy",
  "startTime", "endTime", "operation", "campaignId", "params", "since", "until", "id", "__proto__", "constructor", "text",
  "matchType", "adamId", "countriesOrRegions", "status", "keywords", "structural", "tactical",
] as const;

export const hostileValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: "small", withCrossShrink: true }, leaf, tie("array"), tie("object")),
  array: fc.array(tie("value"), { maxLength: 4 }),
  object: fc.dictionary(fc.oneof(fc.constantFrom(...FIELDS), hostileText), tie("value"), { maxKeys: 4 }),
})).value;

/** A JSON object body: known and hostile field names with hostile values. */
export const hostileObject = fc.dictionary(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...FIELDS) }, { weight: 1, arbitrary: hostileText }), hostileValue, { minKeys: 0, maxKeys: 6 });

/** A body as bytes on the wire, or none. */
export type WireBody = { kind: "none" } | { kind: "raw"; payload: string | Buffer };

const nested = (depth: number, open: string, close: string, core: string) => open.repeat(depth) + core + close.repeat(depth);

export const hostileBody: fc.Arbitrary<WireBody> = fc.oneof(
  { weight: 6, arbitrary: hostileObject.map((o): WireBody => ({ kind: "raw", payload: JSON.stringify(o) })) },
  { weight: 1, arbitrary: hostileValue.map((v): WireBody => ({ kind: "raw", payload: JSON.stringify(v) ?? "null" })) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.integer({ min: 30, max: 20_000 }), fc.constantFrom<[string, string]>(["[", "]"], ['{"a":', "}"], ['{"authority":', "}"], ['[{"x":', "}]"]))
      .map(([d, [o, c]]): WireBody => ({ kind: "raw", payload: nested(d, o, c, "1") })),
  },
  {
    weight: 2,
    arbitrary: fc
      .constantFrom(
        "null", "[]", "0", '"x"', "true", "{", "{}}", "", " ", "\ufeff{}", '{"a":1,"a":2}', '{"dailyBudgetCents":1e999}', '{"dailyBudgetCents":-0}',
        '{"__proto__":{"polluted":1}}', '{"constructor":{"prototype":{"x":1}}}', '{"name":"\\u0000"}', '{"name":"\\ud800"}', '{"\\u0000":1}',
        '{"name":"a\\u0000b","reason":"\\udfff"}', '{"comment":"\\u001b[2J"}', "{\"name\": \"x\"} trailing", '{"active":"true"}', '{"active":1}',
        '{"authority":{"creative":"auto","tactical":null}}', '{"events":["ads.*",null]}', '{"url":"javascript:alert(1)"}',
      )
      .map((payload): WireBody => ({ kind: "raw", payload })),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom<WireBody>(
      { kind: "raw", payload: Buffer.from([0x7b, 0x22, 0x6e, 0x61, 0x6d, 0x65, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]) }, // {"name":"<invalid UTF-8>"}
      { kind: "raw", payload: Buffer.from([0x7b, 0x22, 0x6e, 0x61, 0x6d, 0x65, 0x22, 0x3a, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x7d]) }, // a UTF-8-encoded surrogate
      { kind: "raw", payload: Buffer.from('{"name":"x"}', "utf16le") },
      { kind: "raw", payload: "x".repeat(70 * 1024) },
      { kind: "raw", payload: JSON.stringify({ name: "y".repeat(60 * 1024) }) },
    ),
  },
  { weight: 2, arbitrary: fc.constant<WireBody>({ kind: "none" }) },
);

/** Percent-encodes any UTF-16 string, lone surrogates as their (invalid) 3-byte UTF-8 form. */
export function encodeLoose(s: string): string {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const isHigh = c >= 0xd800 && c <= 0xdbff;
    const next = s.charCodeAt(i + 1);
    if (isHigh && next >= 0xdc00 && next <= 0xdfff) {
      out += encodeURIComponent(s[i]! + s[i + 1]!);
      i++;
    } else if (c >= 0xd800 && c <= 0xdfff) {
      out += [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join("");
    } else {
      out += encodeURIComponent(s[i]!);
    }
  }
  return out;
}

/** Path segments as they appear in the URL (already encoded, or deliberately mis-encoded). */
export const hostileSegment: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      "%00", "meta%00", "%00meta", "%ff", "%ED%A0%80", "%C0%AE%C0%AE", "..", "%2e%2e", "%2F", "%", "%zz", "%u0000", "a".repeat(150), "b".repeat(5_000),
      "'%20or%201=1--", "META", "meta%20", "%20", "null", "undefined", "0", "-1", "9".repeat(40), "%E2%80%AE", "%7F", "%0D%0A", "cmp_", "cmp_%00",
      "00000000-0000-0000-0000-00000000000%00", "cmp_0123456789abcdefghjkmnpqrs%00", "%F0%9F%98%80", "tiktok%2Fcampaigns",
    ),
  },
  { weight: 2, arbitrary: hostileText.map(encodeLoose) },
);

/** Ids of the right shape that name nothing. */
export const MISSING: Record<PathParamKind, string> = {
  projectId: "00000000-0000-4000-8000-000000000000",
  platform: "meta",
  campaignId: "cmp_0000000000000000000000000a",
  adSetId: "as_0000000000000000000000000a",
  adGroupId: "ag_0000000000000000000000000a",
  adId: "ad_0000000000000000000000000a",
  keywordId: "kw_0000000000000000000000000a",
  pendingActionId: "pa_0000000000000000000000000a",
  jobId: "job_0000000000000000000000000a",
  endpointId: "ep_0000000000000000000000000a",
  deliveryId: "dlv_0000000000000000000000000a",
  orgId: "org_0000000000000000000000000a",
  keyId: "key_0000000000000000000000000a",
  adAccountId: "aa_0000000000000000000000000a",
  runId: "opr_0000000000000000000000000a",
  creativeId: "crv_000000000000000000000000",
};

export function segmentFor(kind: PathParamKind, known: Partial<Record<PathParamKind, string[]>>): fc.Arbitrary<string> {
  const real = known[kind] ?? [];
  return fc.oneof(
    { weight: 12, arbitrary: real.length > 0 ? fc.constantFrom(...real) : fc.constant(MISSING[kind]) },
    { weight: 1, arbitrary: fc.constant(MISSING[kind]) },
    { weight: 2, arbitrary: hostileSegment },
  );
}

const b64 = (s: string) => Buffer.from(s, "utf8").toString("base64url");

/** Cursors the API did not issue: unsigned, forged timestamps, wrong signatures, garbage. */
export const forgedCursor: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(
      fc.constantFrom("1", "2", "2022-02-30T00:00:00Z", "0000-01-01T00:00:00Z", "infinity", "-infinity", "epoch", "now", "2026-01-01 00:00:00+00", "9999999-01-01", "", "\u0000"),
      fc.constantFrom("cmp_0000000000000000000000000a", "00000000-0000-4000-8000-000000000000", "pa_0000000000000000000000000a", "x", "\u0000"),
    )
    .chain(([at, id]) => {
      const payload = b64(JSON.stringify([at, id]));
      return fc.constantFrom(payload, `${payload}.${"A".repeat(22)}`, `${payload}.`, `${payload}.${b64("0123456789abcdef")}`);
    }),
  fc.string({ unit: fc.constantFrom(..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_."), maxLength: 80 }),
  hostileText,
);

/** A query string: known parameters with hostile values, hostile names, repeated names. */
export const hostileQuery: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      fc.tuple(fc.constant("cursor"), forgedCursor),
      fc.tuple(fc.constant("limit"), fc.oneof(hostileNumber.map(String), hostileText, fc.constantFrom("0", "101", "1.5", "0x10", "1e2", " 5", "5 ", "+5", "-0", "99999999999999999999"))),
      fc.tuple(fc.constantFrom("since", "until"), fc.constantFrom("0000-01-01T00:00:00Z", "2022-02-30T00:00:00Z", "9999-12-31T23:59:59Z", "2026-13-01T00:00:00Z", "1970-01-01T00:00:00+25:00", "0001-01-01T00:00:00Z", "2026-01-01T00:00:00.1234567891Z")),
      fc.tuple(fc.constantFrom("status", "projectId", "operation", "decision", "actorType", "platform"), hostileText),
      fc.tuple(hostileText, hostileText),
    ),
    { maxLength: 4 },
  )
  .map((pairs) => pairs.map(([k, v]) => `${encodeLoose(k)}=${encodeLoose(v)}`).join("&"));

/** Headers besides credentials: idempotency keys, content types, request ids, trace context. */
export const hostileHeaders: fc.Arbitrary<Record<string, string>> = fc.record(
  {
    "idempotency-key": fc.oneof({ weight: 4, arbitrary: fc.uuid() }, fc.constantFrom("\u007f", "k\u007f", "a".repeat(300), "\u00e9t\u00e9", '""', "key with space", '"quoted"', "", "\t")),
    "content-type": fc.oneof(
      { weight: 6, arbitrary: fc.constant("application/json") },
      fc.constantFrom(
      "application/json", "application/json; charset=utf-8", "application/json; charset=latin1", "application/json; charset=utf-16", "text/plain",
      "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json;;", "APPLICATION/JSON", "application/problem+json",
      ),
    ),
    "x-request-id": fc.oneof(fc.constantFrom("req-1", "\u00ff", "x".repeat(500), "a b"), hostileText.filter((s) => /^[\x20-\x7e]*$/.test(s))),
    traceparent: fc.constantFrom("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", "00-zz-zz-zz", "ff-" + "0".repeat(60)),
  },
  { requiredKeys: [] },
);
