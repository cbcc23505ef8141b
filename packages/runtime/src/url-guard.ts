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
  const h = hextets(a);
  if (!h) return false;
  const v4 = (hi: number, lo: number) => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  const zeros = (n: number) => h.slice(0, n).every((x) => x === 0);
  // ::ffff:a.b.c.d (mapped; the WHATWG URL parser prints it as ::ffff:7f00:1) and ::ffff:0:a.b.c.d
  // (translated) reach the embedded IPv4 address; ::a.b.c.d (compatible), :: and ::1 are never public.
  if (zeros(5) && h[5] === 0xffff) return isPublicV4(v4(h[6]!, h[7]!));
  if (zeros(4) && h[4] === 0xffff && h[5] === 0) return isPublicV4(v4(h[6]!, h[7]!));
  if (zeros(6)) return false;
  if (h[0] === 0x2002) return isPublicV4(v4(h[1]!, h[2]!)); // 6to4 embeds an IPv4 address
  if ((h[0]! & 0xfe00) === 0xfc00) return false; // unique local fc00::/7
  if ((h[0]! & 0xffc0) === 0xfe80 || (h[0]! & 0xffc0) === 0xfec0) return false; // link-local, old site-local
  if ((h[0]! & 0xff00) === 0xff00) return false; // multicast
  if (h[0] === 0x64 && h[1] === 0xff9b) return false; // NAT64 can reach private v4
  if (h[0] === 0x2001 && (h[1] === 0 || h[1] === 0xdb8)) return false; // Teredo, documentation
  if (h[0] === 0x100 && h[1] === 0 && h[2] === 0 && h[3] === 0) return false; // discard-only 100::/64
  return true;
}

/** The eight 16-bit groups of an IPv6 address (zone dropped, embedded dotted IPv4 allowed), or null. */
function hextets(address: string): number[] | null {
  let a = address.toLowerCase().replace(/%.*$/, "");
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(a);
  if (dotted) {
    const p = dotted[1]!.split(".").map(Number);
    if (p.some((x) => x > 255)) return null;
    a = a.slice(0, -dotted[1]!.length) + `${((p[0]! << 8) | p[1]!).toString(16)}:${((p[2]! << 8) | p[3]!).toString(16)}`;
  }
  const halves = a.split("::");
  if (halves.length > 2) return null;
  const part = (s: string) => (s === "" ? [] : s.split(":").map((x) => (/^[0-9a-f]{1,4}$/.test(x) ? parseInt(x, 16) : NaN)));
  const head = part(halves[0]!);
  const tail = halves.length === 2 ? part(halves[1]!) : [];
  const fill = 8 - head.length - tail.length;
  if ((halves.length === 2 ? fill < 1 : fill !== 0) || [...head, ...tail].some(Number.isNaN)) return null;
  return [...head, ...new Array<number>(halves.length === 2 ? fill : 0).fill(0), ...tail];
}
