import { createCipheriv, randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { json } from "@layers/db";
import { currentKeyId, openToken, sealedKeyId, sealToken } from "@layers/runtime";
import { createTestEnv, type TestEnv } from "@layers/testkit";
import { rotateTokenKey } from "./rotate-token-key.ts";

const OLD = Buffer.alloc(32, 11).toString("base64");
const NEW = Buffer.alloc(32, 12).toString("base64");
const GONE = Buffer.alloc(32, 13).toString("base64");
const RING = `${NEW},${OLD}`;

/** The format before key ids, as rows written by an older release hold it. */
function sealV1(plaintext: string, keyB64: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", Buffer.from(keyB64, "base64"), iv);
  const ct = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), ct.toString("base64url")].join(".");
}

let env: TestEnv;
const plain = { token: "EAAS-meta-token", creds: '{"clientId":"SEARCHADS.x","privateKeyPem":"-----BEGIN PRIVATE KEY-----"}', legacy: "tt-legacy-token", secret: "whsec_abc", prev: "whsec_prev", answer: '{"secret":"whsec_shown_once"}' };
const ids = { org: `org_${randomUUID().replaceAll("-", "").slice(0, 26)}`, project: randomUUID(), layer: `lyr_${randomUUID()}`, meta: "aa_00000000000000000000000001", tiktok: "aa_00000000000000000000000002", unreadable: "aa_00000000000000000000000003", endpoint: "ep_00000000000000000000000001" };

beforeAll(async () => {
  env = await createTestEnv();
  const db = env.db;
  await db.insertInto("organizations").values({ id: ids.org, name: "rot", parent_id: null }).execute();
  await db.insertInto("projects").values({ id: ids.project, organization_id: ids.org, name: "p", customer_external_id: null, timezone: null, primary_language: null }).execute();
  await db.insertInto("layers").values({ id: ids.layer, project_id: ids.project, platform: "meta", defaults: json({}), ceiling: json({}), writer_preset: null, kill_switch_reason: null }).execute();
  const acct = (id: string, platformAccountId: string, token: string, creds: string | null) => ({
    id, project_id: ids.project, layer_id: ids.layer, platform: "meta", platform_account_id: platformAccountId, name: null, currency: "USD", access_token_enc: token, credentials_enc: creds,
  });
  await db.insertInto("ad_accounts").values([
    acct(ids.meta, "1", sealToken(plain.token, OLD), sealToken(plain.creds, OLD)),
    acct(ids.tiktok, "2", sealV1(plain.legacy, OLD), null),
    acct(ids.unreadable, "3", sealToken("lost", GONE), null),
  ]).execute();
  await db.insertInto("webhook_endpoints").values({
    id: ids.endpoint, organization_id: ids.org, url: "https://r.example.com/h", description: null, events: null,
    disabled_reason: null, secret_enc: sealToken(plain.secret, OLD), previous_secret_enc: sealToken(plain.prev, OLD),
  }).execute();
  await db.insertInto("idempotency_keys").values([
    { organization_id: ids.org, principal: "key:k", idem_key: "a", method: "POST", path: "/v1/webhooks/endpoints", fingerprint: "f", state: "done", status_code: 201, response_body: JSON.stringify(`sealed:${sealToken(plain.answer, OLD)}`), response_headers: JSON.stringify({}) },
    { organization_id: ids.org, principal: "key:k", idem_key: "b", method: "POST", path: "/v1/projects", fingerprint: "f", state: "done", status_code: 201, response_body: JSON.stringify('{"id":"x"}'), response_headers: JSON.stringify({}) },
  ]).execute();
});
afterAll(async () => env?.cleanup());

describe("ops rotate-token-key", () => {
  it("--dry-run counts what it would re-seal and changes nothing", async () => {
    const before = await env.db.selectFrom("ad_accounts").select(["id", "access_token_enc"]).orderBy("id").execute();
    const r = await rotateTokenKey(env.db, RING, { dryRun: true });
    expect(r.resealed).toMatchObject({ "ad_accounts.access_token_enc": 2, "ad_accounts.credentials_enc": 1, "webhook_endpoints.secret_enc": 1, "idempotency_keys.response_body": 1 });
    expect(await env.db.selectFrom("ad_accounts").select(["id", "access_token_enc"]).orderBy("id").execute()).toEqual(before);
  });

  it("re-seals every sealed column under the new key; values stay the same; the old key is no longer needed", async () => {
    const r = await rotateTokenKey(env.db, RING, { batchSize: 1 });
    expect(r.keyId).toBe(currentKeyId(NEW));
    expect(r.resealed).toEqual({
      "ad_accounts.access_token_enc": 2,
      "ad_accounts.credentials_enc": 1,
      "oauth_states.pkce_verifier_enc": 0,
      "oauth_states.apple_private_key_enc": 0,
      "webhook_endpoints.secret_enc": 1,
      "webhook_endpoints.previous_secret_enc": 1,
      "idempotency_keys.response_body": 1,
    });
    // The value sealed under a key nobody holds is reported, not lost or overwritten.
    expect(r.unreadable).toEqual([{ table: "ad_accounts", column: "access_token_enc", row: ids.unreadable, keyId: currentKeyId(GONE) }]);

    const a = await env.db.selectFrom("ad_accounts").selectAll().where("id", "in", [ids.meta, ids.tiktok]).orderBy("id").execute();
    expect(a.map((x) => sealedKeyId(x.access_token_enc))).toEqual([currentKeyId(NEW), currentKeyId(NEW)]);
    expect(openToken(a[0]!.access_token_enc, NEW)).toBe(plain.token);
    expect(openToken(a[0]!.credentials_enc!, NEW)).toBe(plain.creds);
    expect(openToken(a[1]!.access_token_enc, NEW)).toBe(plain.legacy);
    const ep = await env.db.selectFrom("webhook_endpoints").selectAll().where("id", "=", ids.endpoint).executeTakeFirstOrThrow();
    expect(openToken(ep.secret_enc, NEW)).toBe(plain.secret);
    expect(openToken(ep.previous_secret_enc!, NEW)).toBe(plain.prev);
    const idem = await env.db.selectFrom("idempotency_keys").select(["idem_key", "response_body"]).orderBy("idem_key").execute();
    const sealedAnswer = idem[0]!.response_body as string;
    expect(sealedAnswer.startsWith("sealed:v2.")).toBe(true);
    expect(openToken(sealedAnswer.slice("sealed:".length), NEW)).toBe(plain.answer);
    expect(idem[1]!.response_body).toBe('{"id":"x"}');
  });

  it("is idempotent: a second run re-seals nothing", async () => {
    const r = await rotateTokenKey(env.db, RING);
    expect(Object.values(r.resealed).every((n) => n === 0)).toBe(true);
  });
});
