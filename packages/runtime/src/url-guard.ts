import { lookup } from "node:dns/promises";
import { isIP } from "node:net";

/**
 * SSRF guard for partner-supplied URLs (webhook endpoints). A URL must be https, carry no
 * credentials, and resolve only to public addresses — unless its host is on the configured
 * allowlist (dev and tests allowlist 127.0.0.1 and localhost, which may then use http).
 * The check runs at registration and again before every delivery (DNS can change: rebinding).
 */
export type UrlVerdict = { ok: true; url: URL } | { ok: false; reason: string };

export interface UrlGuardOptions {
  /** Hostnames (lower case) exempt from the https and public-address rules. */
  allowHosts: readonly string[];
}

export function checkUrlSyntax(raw: string, opts: UrlGuardOptions): UrlVerdict {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: "not an absolute URL" };
  }
  const host = hostOf(url);
  const allowed = opts.allowHosts.includes(host);
  if (url.protocol !== "https:" && !(allowed && url.protocol === "http:")) return { ok: false, reason: "must use https" };
  if (url.username || url.password) return { ok: false, reason: "must not carry credentials" };
  if (url.hash) return { ok: false, reason: "must not have a fragment" };
  if (!allowed && isIP(host) && !isPublicAddress(host)) return { ok: false, reason: `${host} is not a public address` };
  if (!allowed && (host === "localhost" || host.endsWith(".localhost") || host.endsWith(".internal") || host.endsWith(".local"))) {
    return { ok: false, reason: `${host} is not a public host` };
  }
  return { ok: true, url };
}

/** Syntax check, then every address the host resolves to must be public (allowlisted hosts skip this). */
export async function checkUrlResolves(raw: string, opts: UrlGuardOptions, resolve: (host: string) => Promise<string[]> = resolveAll): Promise<UrlVerdict> {
  const syntax = checkUrlSyntax(raw, opts);
  if (!syntax.ok) return syntax;
  const host = hostOf(syntax.url);
  if (opts.allowHosts.includes(host) || isIP(host)) return syntax;
  let addresses: string[];
  try {
    addresses = await resolve(host);
  } catch {
    return { ok: false, reason: `${host} does not resolve` };
  }
  if (addresses.length === 0) return { ok: false, reason: `${host} does not resolve` };
  const bad = addresses.find((a) => !isPublicAddress(a));
  return bad ? { ok: false, reason: `${host} resolves to ${bad}, which is not a public address` } : syntax;
}

async function resolveAll(host: string): Promise<string[]> {
  return (await lookup(host, { all: true, verbatim: true })).map((r) => r.address);
}

function hostOf(url: URL): string {
  return url.hostname.toLowerCase().replace(/^\[|\]$/g, "");
}

/** False for loopback, private, link-local (incl. cloud metadata 169.254.169.254), CGNAT, unspecified, multicast, reserved and their IPv6 forms. */
export function isPublicAddress(address: string): boolean {
  const kind = isIP(address);
  if (kind === 4) return isPublicV4(address);
  if (kind === 6) return isPublicV6(address.toLowerCase());
  return false;
}

function isPublicV4(a: string): boolean {
  const [p0, p1] = a.split(".").map(Number) as [number, number];
  if (p0 === 0 || p0 === 10 || p0 === 127) return false; // unspecified, private, loopback
  if (p0 === 169 && p1 === 254) return false; // link-local, metadata
  if (p0 === 172 && p1 >= 16 && p1 <= 31) return false;
  if (p0 === 192 && p1 === 168) return false;
  if (p0 === 100 && p1 >= 64 && p1 <= 127) return false; // CGNAT
  if (p0 === 192 && p1 === 0 && a.split(".")[2] === "0") return false; // IETF protocol assignments
  if (p0 === 198 && (p1 === 18 || p1 === 19)) return false; // benchmarking
  if (p0 >= 224) return false; // multicast, reserved, broadcast
  return true;
}

function isPublicV6(a: string): boolean {
  if (a === "::" || a === "::1") return false;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(a);
  if (mapped) return isPublicV4(mapped[1]!);
  const first = parseInt(a.split(":")[0] || "0", 16);
  if ((first & 0xfe00) === 0xfc00) return false; // unique local fc00::/7
  if ((first & 0xffc0) === 0xfe80) return false; // link-local fe80::/10
  if ((first & 0xff00) === 0xff00) return false; // multicast
  if (a.startsWith("64:ff9b:")) return false; // NAT64 can reach private v4
  if (a.startsWith("2001:db8:")) return false; // documentation
  return true;
}
