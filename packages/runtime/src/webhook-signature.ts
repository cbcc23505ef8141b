import { createHmac, randomBytes } from "node:crypto";

/**
 * Standard Webhooks (v1, symmetric): secrets are `whsec_` + base64 of random bytes; the signature is
 * `v1,` + base64 HMAC-SHA256, keyed by the decoded secret, over `<webhook-id>.<webhook-timestamp>.<body>`.
 * During a rotation overlap the header carries one signature per secret, space-separated.
 */
const PREFIX = "whsec_";

export function newWebhookSecret(bytes = 32): string {
  if (bytes < 24 || bytes > 64) throw new RangeError("a webhook secret has 24 to 64 bytes");
  return PREFIX + randomBytes(bytes).toString("base64");
}

function keyOf(secret: string): Buffer {
  const raw = secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : secret;
  const key = Buffer.from(raw, "base64");
  if (key.length === 0) throw new RangeError("empty webhook secret");
  return key;
}

/** `v1,<base64>` for one secret. `body` must be the exact bytes sent. */
export function signWebhook(secret: string, id: string, timestampSeconds: number, body: string | Buffer): string {
  const mac = createHmac("sha256", keyOf(secret));
  mac.update(`${id}.${timestampSeconds}.`);
  mac.update(body);
  return `v1,${mac.digest("base64")}`;
}

/** The `webhook-signature` header value: one signature per active secret, space-separated. */
export function webhookSignatureHeader(secrets: readonly string[], id: string, timestampSeconds: number, body: string | Buffer): string {
  if (secrets.length === 0) throw new RangeError("no secret to sign with");
  return secrets.map((s) => signWebhook(s, id, timestampSeconds, body)).join(" ");
}
