import { connect } from "node:net";
import fc from "fast-check";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId, problemSchema, type PathParamKind, type Platform } from "@layers/contracts";
import type { RunningGate } from "@layers/gate";
import { createChild, createHarness, mintChildKey, type Harness } from "@layers/gateway/testing";
import { startTestGate } from "../support/gate.ts";
import { fakeResolve, seedDelivery, seedEvent } from "@layers/gateway/testing";
import { hostileBody, hostileHeaders, hostileQuery, segmentFor, type WireBody } from "../support/hostile.ts";
import type { RouteEntry } from "@layers/gateway/testing";

/**
 * Issue 12 / SPEC §10: no input makes the API answer 5xx, every refusal is an RFC 9457 problem
 * with `code` and the request id, and a refused request changes nothing.
 *
 * Walks every route of the gateway's route table (`app.routeTable`, filled by the route hook) with
 * generated hostile requests. Fixed seed and a size that fits CI; a larger run:
 *   FUZZ_RUNS=20000 FUZZ_SEED=$RANDOM pnpm vitest run --project integration services/gateway/src/hostile-input.int.test.ts
 * (`FUZZ_PROTOCOL_RUNS` sizes the raw-socket part the same way.)
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 500);
const PROTOCOL_RUNS = Number(process.env.FUZZ_PROTOCOL_RUNS ?? 120);
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_204);

/**
 * Tables that may change on a refused request by design, left out of the "nothing written" check:
 * rate-limit windows count every authenticated request, and the idempotency store records the
 * answers it must replay (refusals that never executed are released, others are kept 24 h).
 */
const BOOKKEEPING = new Set(["rate_limit_windows", "idempotency_keys", "kysely_migration", "kysely_migration_lock"]);
/** Columns that move without any request doing anything (key use, the event relay marking rows published). */
const VOLATILE_COLUMNS = ["last_used_at", "published_at", "publish_attempts", "updated_at"];
/**
 * Refusals that are decisions (SPEC §4): the gate audits them, so they write an audit row, a job
 * and an intent by design (customer-only-audit.int.test.ts and the gated-write suites check those).
 */
const DECISIONS = new Set(["AUTHORITY_DENIED", "CUSTOMER_ONLY"]);

describe("hostile input over every route", () => {
  let h: Harness;
  let gate: RunningGate | null = null;
  let partner: string;
  let customer: string;
  let tables: string[] = [];
  const known: Partial<Record<PathParamKind, string[]>> = {};
  const byPlatform: Record<Platform, Partial<Record<PathParamKind, string[]>>> = { meta: {}, tiktok: {}, apple: {} };

  const fingerprint = async (): Promise<Record<string, string>> => {
    const cols = sql.raw(tables.map((t) => `(select coalesce(md5(string_agg(x, ',' order by x)), '') from (select (to_jsonb(t) - array[${VOLATILE_COLUMNS.map((c) => `'${c}'`).join(",")}])::text as x from "${t}" t) s) as "${t}"`).join(", "));
    const r = await sql<Record<string, string>>`select ${cols}`.execute(h.env.db);
    return r.rows[0]!;
  };
  /** After a request that may have written: wait until the background tail (gate, outbox) has settled. */
  const settled = async (): Promise<Record<string, string>> => {
    let last = await fingerprint();
    for (let i = 0; i < 40; i++) {
      await new Promise((r) => setTimeout(r, 60));
      const now = await fingerprint();
      if (JSON.stringify(now) === JSON.stringify(last)) return now;
      last = now;
    }
    return last;
  };

  beforeAll(async () => {
    h = await createHarness({ verdictTimeoutMs: 3000, syncTimeoutMs: 20, webhooks: { allowedHosts: ["127.0.0.1"], resolveHost: fakeResolve } });
    gate = await startTestGate(h.env);
    const t = await h.seedTenant({ consent: true });
    // org:admin is deny-by-default (no wildcard covers it): granted by name so the organization
    // routes are walked past their scope check too, with a real child and child key to name.
    partner = (await h.mintKey(t.org, ["*", "org:admin"])).secret;
    const child = await createChild(h, partner, "fuzzed child");
    const childKey = await mintChildKey(h, partner, child.id, ["ads:read"]);
    customer = t.customer;
    const db = h.env.db;
    // Real ids for every path parameter kind, so generated requests also get past the 404s.
    const campaigns: Record<Platform, string> = {
      meta: await h.seedCampaign(t.projectId, { platform: "meta" }),
      tiktok: await h.seedCampaign(t.projectId, { platform: "tiktok" }),
      apple: await h.seedCampaign(t.projectId, { platform: "apple" }),
    };
    const entity = async (kind: "adset" | "adgroup" | "ad" | "keyword", platform: Platform, parentId: string | null) => {
      const c = await db.selectFrom("campaigns").selectAll().where("id", "=", campaigns[platform]).executeTakeFirstOrThrow();
      const id = newId(kind === "adset" ? "adSet" : kind === "adgroup" ? "adGroup" : kind);
      await db
        .insertInto("ad_entities")
        .values({ id, kind, project_id: t.projectId, layer_id: c.layer_id, ad_account_id: c.ad_account_id, platform, campaign_id: c.id, parent_id: parentId, platform_entity_id: null, name: "seeded", status: "active", targeting: null, creative: null, origin: "layers" })
        .execute();
      return id;
    };
    const adSet = await entity("adset", "meta", null);
    const tiktokGroup = await entity("adgroup", "tiktok", null);
    const appleGroup = await entity("adgroup", "apple", null);
    const ads = [await entity("ad", "meta", adSet), await entity("ad", "tiktok", tiktokGroup)];
    const keyword = await entity("keyword", "apple", appleGroup);
    byPlatform.meta = { campaignId: [campaigns.meta], adSetId: [adSet], adId: [ads[0]!] };
    byPlatform.tiktok = { campaignId: [campaigns.tiktok], adGroupId: [tiktokGroup], adId: [ads[1]!] };
    byPlatform.apple = { campaignId: [campaigns.apple], adGroupId: [appleGroup], keywordId: [keyword] };
    const pending = await h.seedPending(t.org, t.projectId, campaigns.meta);
    const ep = await h.send("POST", "/v1/webhooks/endpoints", { auth: partner, body: { url: "https://hooks.partner.example/in" } });
    expect(ep.statusCode, ep.body).toBe(201);
    const endpointId: string = ep.json().id;
    const eventId = await seedEvent(db, t.org, "ads.write.executed", new Date());
    const deliveryId = await seedDelivery(db, { id: endpointId, organizationId: t.org }, eventId, "ads.write.executed");
    Object.assign(known, {
      orgId: [child.id],
      keyId: [childKey.id],
      projectId: [t.projectId],
      platform: ["meta", "tiktok", "apple"],
      campaignId: Object.values(campaigns),
      adSetId: [adSet],
      adGroupId: [tiktokGroup, appleGroup],
      adId: ads,
      keywordId: [keyword],
      pendingActionId: [pending.pendingActionId],
      jobId: [pending.jobId],
      endpointId: [endpointId],
      deliveryId: [deliveryId],
    });
    const all = await sql<{ table_name: string }>`select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by 1`.execute(db);
    tables = all.rows.map((r) => r.table_name).filter((n) => !BOOKKEEPING.has(n));
  });
  afterAll(async () => {
    await gate?.stop();
    await h?.close();
  });

  it("the route table names every route and every path parameter has a shape", () => {
    const routes = h.app.routeTable;
    expect(routes.length).toBeGreaterThan(60);
    for (const r of routes) for (const name of r.url.split("/").filter((s) => s.startsWith(":"))) expect(r.params[name.slice(1)], `${r.method} ${r.url}`).toBeDefined();
  });

  it("every route: no 5xx, every refusal a problem with code and request id, a refused request writes nothing", async () => {
    const routes: RouteEntry[] = h.app.routeTable;
    const request = fc.constantFrom(...routes).chain((route) =>
      fc.record({
        route: fc.constant(route),
        // Mostly ids of one platform's world (a TikTok ad group under the TikTok platform), so requests get past the 404s.
        segments: fc
          .constantFrom<Platform>(...platformsOf(route.url))
          .chain((pf) => fc.record(Object.fromEntries(Object.entries(route.params).map(([name, kind]) => [name, segmentFor(kind, { ...known, ...byPlatform[pf], platform: [pf] })])))) as fc.Arbitrary<Record<string, string>>,
        method: fc.oneof({ weight: 12, arbitrary: fc.constant(route.method) }, { weight: 1, arbitrary: fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD") }),
        query: fc.option(hostileQuery, { freq: 2 }),
        body: hostileBody,
        headers: hostileHeaders,
        auth: fc.oneof(
          { weight: 12, arbitrary: fc.constant("partner") },
          { weight: 5, arbitrary: fc.constant("customer") },
          { weight: 2, arbitrary: fc.constantFrom("none", "Bearer lak_live_forged", "Basic Zm9vOmJhcg==", "Bearer eyJhbGciOiJub25lIn0.e30.", "Bearer \u00ff") },
        ),
      }),
    );
    let baseline = await settled();
    const seen = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const path = r.route.url.replace(/:([A-Za-z]+)/g, (_m, name: string) => r.segments[name]!);
        const url = r.query ? `${path}?${r.query}` : path;
        const headers: Record<string, string> = { ...r.headers };
        if (r.auth === "partner") headers.authorization = `Bearer ${partner}`;
        else if (r.auth === "customer") headers.authorization = `Bearer ${customer}`;
        else if (r.auth !== "none") headers.authorization = r.auth;
        const body = r.body as WireBody;
        let res;
        try {
          res = await h.app.inject({ method: r.method as "GET", url, headers, ...(body.kind === "raw" ? { payload: body.payload } : {}) });
        } catch (err) {
          // light-my-request refuses what Node's HTTP parser would refuse too (e.g. a header value it cannot send): the raw-socket test covers those.
          expect(String(err)).toMatch(/Invalid character|ERR_INVALID_CHAR|ERR_HTTP_INVALID_HEADER_VALUE|Invalid header|Invalid URL/i);
          return;
        }
        seen.set(res.statusCode, (seen.get(res.statusCode) ?? 0) + 1);
        if (process.env.FUZZ_VERBOSE === "2" && res.statusCode === 404) console.log(r.method, url.slice(0, 160), res.body.slice(0, 160));
        const what = `${r.method} ${url.slice(0, 300)} → ${res.statusCode} ${res.body.slice(0, 400)}`;
        expect(res.statusCode, what).toBeLessThan(500);
        const requestId = res.headers["x-request-id"];
        expect(requestId, what).toBeTruthy();
        let code: string | null = null;
        // The connect flow's browser pages (OAuth callback, the Apple connect page) answer a person, not a
        // program: their refusals are HTML pages (issue 9) — still 4xx, with the request id header.
        const browserPage = r.route.url.startsWith("/v1/oauth/callback") || r.route.url === "/v1/oauth/apple/connect";
        if (res.statusCode >= 400 && browserPage && String(res.headers["content-type"]).startsWith("text/html")) {
          expect(res.statusCode, what).toBeLessThan(500);
        } else if (res.statusCode >= 400 && r.method !== "HEAD") {
          expect(res.headers["content-type"], what).toMatch(/^application\/problem\+json/);
          const problem = problemSchema.parse(JSON.parse(res.body));
          expect(problem.requestId, what).toBe(requestId);
          expect(problem.status, what).toBe(res.statusCode);
          expect(res.body, what).not.toMatch(/\bat .*\.ts:\d+|node_modules|syntax error at|violates|relation "/);
          code = problem.code;
        }
        if (res.statusCode >= 400 && (code === null || !DECISIONS.has(code))) {
          expect(await fingerprint(), what).toEqual(baseline);
        } else {
          baseline = await settled();
        }
      }),
      { seed: SEED, numRuns: RUNS, verbose: 1 },
    );
    if (process.env.FUZZ_VERBOSE) console.log(JSON.stringify([...seen].sort()));
    // The generated requests must exercise both sides: refusals of every kind and some that pass.
    expect([...seen.keys()].some((s) => s >= 200 && s < 300), JSON.stringify([...seen])).toBe(true);
    for (const s of [400, 401, 404, 422]) expect(seen.get(s) ?? 0, `${s} in ${JSON.stringify([...seen])}`).toBeGreaterThan(0);
  }, 300_000);

  it("the families by route: unsafe text anywhere in a body, too-deep JSON and non-UTF-8 bytes are a 422 on every route that takes a body", async () => {
    // Only routes whose every path id this world knows: with a made-up id the route rightly answers 404 before it reads the body.
    const knownIn = (kind: PathParamKind) => kind === "platform" || (known[kind]?.length ?? 0) > 0 || Object.values(byPlatform).some((ids) => (ids[kind]?.length ?? 0) > 0);
    const mutating = h.app.routeTable.filter((r) => ["POST", "PUT", "PATCH", "DELETE"].includes(r.method) && Object.values(r.params).every(knownIn));
    const unsafe = fc.oneof(
      fc.constantFrom("\u0000", "\ud800", "\udfff", "\u0001", "\u001b", "\u007f"),
      fc.integer({ min: 0xd800, max: 0xdbff }).map((c) => String.fromCharCode(c)),
    );
    // (Deep bodies stay under the 64 KiB body limit, or the answer would rightly be 413.)
    // A body whose one bad string sits at a random place (value or member name, at any depth), with a pointer to it.
    const poisoned = fc
      .tuple(fc.array(fc.oneof(fc.constantFrom("name", "authority", "creative", "targeting", "params", "events"), fc.nat({ max: 2 })), { maxLength: 4 }), fc.string({ maxLength: 6 }), unsafe, fc.boolean())
      .map(([path, around, bad, inKey]) => {
        let body: unknown = inKey ? { [`k${bad}${around}`]: 1 } : `${around}${bad}${around}`;
        for (const p of [...path].reverse()) {
          if (typeof p === "number") {
            const arr: unknown[] = Array.from({ length: p + 1 }, () => 0);
            arr[p] = body;
            body = arr;
          } else body = { [p]: body };
        }
        return { payload: JSON.stringify(Array.isArray(body) || typeof body !== "object" ? { value: body } : body) };
      });
    const deep = fc.tuple(fc.integer({ min: 33, max: 10_000 }), fc.constantFrom<[string, string]>(["[", "]"], ['{"a":', "}"])).map(([d, [o, c]]) => ({ payload: o.repeat(d) + "0" + c.repeat(d) }));
    const notUtf8 = fc.constantFrom({ payload: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]) }, { payload: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xed, 0xb0, 0x80, 0x22, 0x7d]) });
    const world = (route: RouteEntry) =>
      fc.constantFrom<Platform>(...platformsOf(route.url)).map((pf) =>
        route.url.replace(/:([A-Za-z]+)/g, (_m, name: string) => {
          const kind = route.params[name]!;
          return (kind === "platform" ? [pf] : (byPlatform[pf][kind] ?? known[kind] ?? []))[0] ?? name;
        }),
      );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...mutating).chain((route) => fc.record({ route: fc.constant(route), url: world(route), body: fc.oneof(poisoned, deep, notUtf8), key: fc.boolean() })),
        async ({ route, url, body, key }) => {
          const before = await fingerprint();
          const headers: Record<string, string> = { authorization: `Bearer ${partner}`, "content-type": "application/json", ...(key ? { "idempotency-key": crypto.randomUUID() } : {}) };
          const res = await h.app.inject({ method: route.method as "POST", url, headers, payload: body.payload });
          const what = `${route.method} ${url} ${String(body.payload).slice(0, 120)} → ${res.statusCode} ${res.body.slice(0, 300)}`;
          expect(res.statusCode, what).toBe(422);
          expect(problemSchema.parse(res.json()).code, what).toBe("VALIDATION");
          expect(await fingerprint(), what).toEqual(before);
        },
      ),
      { seed: SEED, numRuns: Math.max(100, Math.round(RUNS / 3)) },
    );
  }, 300_000);

  describe("refused at the HTTP protocol level (a real socket)", () => {
    let port = 0;
    beforeAll(async () => {
      await h.app.listen({ port: 0, host: "127.0.0.1" });
      port = (h.app.server.address() as { port: number }).port;
    });

    const expectProblemAnswer = async (raw: Buffer | string, status?: number) => {
      const res = await exchange(port, typeof raw === "string" ? Buffer.from(raw, "latin1") : raw);
      const what = `${JSON.stringify(String(raw).slice(0, 120))} → ${res.head.slice(0, 300)} ${res.body.slice(0, 300)}`;
      expect(res.status, what).toBeGreaterThanOrEqual(400);
      expect(res.status, what).toBeLessThan(500);
      if (status !== undefined) expect(res.status, what).toBe(status);
      expect(res.headers["content-type"], what).toMatch(/^application\/problem\+json/);
      const problem = problemSchema.parse(JSON.parse(res.body));
      expect(problem.status, what).toBe(res.status);
      expect(problem.requestId, what).toBe(res.headers["x-request-id"]);
      return problem;
    };

    it("control bytes and non-ASCII in the path, a 100 KB URL, a 40 KB header, CL with TE, unknown methods, DEL or NUL in a header", async () => {
      const auth = () => `Authorization: Bearer ${partner}\r\n`;
      await expectProblemAnswer("GET /v1/who\x01ami HTTP/1.1\r\nHost: x\r\n\r\n", 400);
      await expectProblemAnswer(Buffer.concat([Buffer.from("GET /v1/caf"), Buffer.from([0xc3, 0xa9]), Buffer.from(` HTTP/1.1\r\nHost: x\r\n${auth()}Connection: close\r\n\r\n`)]));
      await expectProblemAnswer(`GET /v1/projects?x=${"a".repeat(100 * 1024)} HTTP/1.1\r\nHost: x\r\n\r\n`, 431);
      await expectProblemAnswer(`GET /v1/whoami HTTP/1.1\r\nHost: x\r\nX-Big: ${"b".repeat(40 * 1024)}\r\n\r\n`, 431);
      await expectProblemAnswer(`POST /v1/projects HTTP/1.1\r\nHost: x\r\n${auth()}Content-Type: application/json\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n`, 400);
      await expectProblemAnswer("BREW /v1/whoami HTTP/1.1\r\nHost: x\r\n\r\n", 400);
      await expectProblemAnswer(`POST /v1/projects HTTP/1.1\r\nHost: x\r\n${auth()}Idempotency-Key: k\x7fk\r\nContent-Length: 0\r\n\r\n`, 400);
      await expectProblemAnswer(`GET /v1/whoami HTTP/1.1\r\nHost: x\r\nX-Note: a\x00b\r\n\r\n`, 400);
      await expectProblemAnswer(`CONNECT 127.0.0.1:5432 HTTP/1.1\r\nHost: x\r\n\r\n`);
      await expectProblemAnswer(`GET /v1/projects/%ZZ HTTP/1.1\r\nHost: x\r\n${auth()}Connection: close\r\n\r\n`, 400);
      await expectProblemAnswer(`GET /v1/projects/${"c".repeat(500)} HTTP/1.1\r\nHost: x\r\n${auth()}Connection: close\r\n\r\n`, 404);
      // Latin-1 bytes in the header the API reads: visible ASCII only.
      await expectProblemAnswer(Buffer.concat([Buffer.from(`POST /v1/projects HTTP/1.1\r\nHost: x\r\n${auth()}Idempotency-Key: k`), Buffer.from([0xe9]), Buffer.from("\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")]), 400);
    });

    it("generated request lines and headers: every answer a problem with code and request id, never a 5xx", async () => {
      const byte = fc.integer({ min: 0, max: 255 });
      const raw = fc.record({
        method: fc.oneof(fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "PROPFIND", "CONNECT"), fc.stringMatching(/^[A-Za-z_-]{1,10}$/)),
        path: fc.array(fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 0x21, max: 0x7e }) }, { weight: 1, arbitrary: byte }), { minLength: 1, maxLength: 60 }),
        header: fc.array(fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 0x20, max: 0x7e }) }, { weight: 1, arbitrary: byte }), { maxLength: 40 }),
        version: fc.constantFrom("HTTP/1.1", "HTTP/1.0", "HTTP/9.9", "HTTP/1.1 extra", "FOO"),
      });
      await fc.assert(
        fc.asyncProperty(raw, async (r) => {
          const line = Buffer.concat([Buffer.from(`${r.method} /`), Buffer.from(r.path.filter((b) => b !== 0x0d && b !== 0x0a && b !== 0x20)), Buffer.from(` ${r.version}\r\n`)]);
          const bytes = Buffer.concat([line, Buffer.from("Host: x\r\nX-Fuzz: "), Buffer.from(r.header.filter((b) => b !== 0x0d && b !== 0x0a)), Buffer.from(`\r\nAuthorization: Bearer ${partner}\r\nConnection: close\r\n\r\n`)]);
          const res = await exchange(port, bytes);
          const what = `${JSON.stringify(bytes.toString("latin1").slice(0, 160))} → ${res.head.slice(0, 200)} ${res.body.slice(0, 200)}`;
          expect(res.status, what).toBeGreaterThan(0);
          expect(res.status, what).toBeLessThan(500);
          expect(res.headers["x-request-id"], what).toBeTruthy();
          if (res.status >= 400 && r.method !== "HEAD") {
            expect(res.headers["content-type"], what).toMatch(/^application\/problem\+json/);
            const problem = problemSchema.parse(JSON.parse(res.body));
            expect(problem.requestId, what).toBe(res.headers["x-request-id"]);
          }
        }),
        { seed: SEED, numRuns: PROTOCOL_RUNS },
      );
    }, 120_000);
  });
});

/** The platforms that have a route's level (mostly; the others are generated too, as hostile input). */
function platformsOf(url: string): Platform[] {
  if (url.includes("/adsets")) return ["meta", "meta", "meta", "tiktok"];
  if (url.includes("/keywords")) return ["apple", "apple", "apple", "meta"];
  if (url.includes("/adgroups")) return ["tiktok", "apple", "tiktok", "apple", "meta"];
  return ["meta", "tiktok", "apple"];
}

/** One raw HTTP/1.1 exchange: writes the bytes, reads until the server closes (or 5 s), parses the answer. */
function exchange(port: number, bytes: Buffer): Promise<{ status: number; head: string; headers: Record<string, string>; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => socket.destroy(), 5_000);
    socket.on("data", (c) => chunks.push(c));
    // The server may close while we still write (oversized requests): what it answered is what counts.
    socket.on("error", () => undefined);
    socket.on("close", () => {
      clearTimeout(timer);
      const text = Buffer.concat(chunks).toString("latin1");
      const split = text.indexOf("\r\n\r\n");
      const head = split >= 0 ? text.slice(0, split) : text;
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1] ?? 0);
      const headers: Record<string, string> = {};
      for (const l of head.split("\r\n").slice(1)) {
        const i = l.indexOf(":");
        if (i > 0) headers[l.slice(0, i).trim().toLowerCase()] = l.slice(i + 1).trim();
      }
      let body = split >= 0 ? text.slice(split + 4) : "";
      if (headers["transfer-encoding"] === "chunked") body = dechunk(body);
      if (status === 0 && chunks.length === 0) return reject(new Error(`no answer to ${JSON.stringify(bytes.toString("latin1").slice(0, 120))}`));
      resolve({ status, head, headers, body: Buffer.from(body, "latin1").toString("utf8") });
    });
    socket.write(bytes);
  });
}

function dechunk(s: string): string {
  let out = "";
  let rest = s;
  for (;;) {
    const i = rest.indexOf("\r\n");
    if (i < 0) return out;
    const n = parseInt(rest.slice(0, i), 16);
    if (!n) return out;
    out += rest.slice(i + 2, i + 2 + n);
    rest = rest.slice(i + 2 + n + 2);
  }
}
