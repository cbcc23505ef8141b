import { createPrivateKey, createPublicKey, generateKeyPairSync, sign } from "node:crypto";

/**
 * Apple Ads API credentials: the customer's API user holds a public key Layers generated for the
 * connection; Layers keeps the private key (sealed) and signs client secrets with it (ES256).
 */
export interface AppleCredentials {
  clientId: string;
  teamId: string;
  keyId: string;
  /** PKCS#8 PEM of the P-256 private key. */
  privateKeyPem: string;
}

/** A fresh P-256 key pair for one connection. */
export function newAppleKeyPair(): { privateKeyPem: string; publicKeyPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
  return {
    privateKeyPem: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
  };
}

export function publicKeyOf(privateKeyPem: string): string {
  return createPublicKey(createPrivateKey(privateKeyPem)).export({ type: "spki", format: "pem" }).toString();
}

/** How long a signed client secret is valid (Apple allows up to 180 days; Layers signs a fresh one per token). */
const CLIENT_SECRET_TTL_SECONDS = 3600;

/**
 * The client secret Apple's token endpoint takes: a JWT, header `{alg: ES256, kid: keyId}`, claims
 * `sub` = clientId, `iss` = teamId, `aud` = https://appleid.apple.com, `iat`, `exp`; the signature in
 * JOSE's raw r‖s form (not DER).
 */
export function appleClientSecret(c: AppleCredentials, nowSeconds = Math.floor(Date.now() / 1000)): string {
  const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
  const input = `${enc({ alg: "ES256", kid: c.keyId, typ: "JWT" })}.${enc({
    sub: c.clientId,
    iss: c.teamId,
    aud: "https://appleid.apple.com",
    iat: nowSeconds,
    exp: nowSeconds + CLIENT_SECRET_TTL_SECONDS,
  })}`;
  const sig = sign("sha256", Buffer.from(input), { key: createPrivateKey(c.privateKeyPem), dsaEncoding: "ieee-p1363" });
  return `${input}.${sig.toString("base64url")}`;
}
