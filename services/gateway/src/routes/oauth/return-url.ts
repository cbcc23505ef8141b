/**
 * The return URL allowlist (issue 9 §1), as pure functions. A return URL is where Layers sends the
 * customer's browser after a connection, with the outcome in its query: an open redirect there
 * would hand attackers a trusted-looking hop, so matching is strict.
 */

export interface ReturnUrlRules {
  /** http to loopback hosts (127.0.0.1, ::1, localhost) is allowed: the dev stack; production keeps https only. */
  allowLoopbackHttp: boolean;
}

export type Checked = { ok: true; url: URL } | { ok: false; detail: string };

const LOOPBACK = new Set(["127.0.0.1", "[::1]", "localhost"]);

/** Parses and checks one URL (a registered prefix or a returnUrl): scheme, user info, fragment. */
export function checkUrl(raw: string, rules: ReturnUrlRules): Checked {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, detail: "must be an absolute URL" };
  }
  if (url.username !== "" || url.password !== "" || /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*@/i.test(raw.trim())) {
    return { ok: false, detail: "must not contain user info (user@host)" };
  }
  if (url.hash !== "" || raw.includes("#")) return { ok: false, detail: "must not contain a fragment (#…)" };
  if (url.protocol === "https:") return { ok: true, url };
  if (url.protocol === "http:" && rules.allowLoopbackHttp && LOOPBACK.has(url.hostname)) return { ok: true, url };
  return { ok: false, detail: rules.allowLoopbackHttp ? "must use https (http only to a loopback host)" : "must use https" };
}

/**
 * The canonical form a prefix is stored in: scheme and host lower-cased, default port dropped (the
 * WHATWG parser does both), the path as given (a bare origin becomes `/`), no query.
 */
export function normalizePrefix(raw: string, rules: ReturnUrlRules): { ok: true; prefix: string } | { ok: false; detail: string } {
  const c = checkUrl(raw, rules);
  if (!c.ok) return c;
  if (c.url.search !== "" || raw.includes("?")) return { ok: false, detail: "a prefix must not contain a query (?…)" };
  return { ok: true, prefix: `${c.url.origin}${c.url.pathname}` };
}

/**
 * Whether `url` lies under the normalized `prefix`: same origin (scheme, host and port), and the
 * path equals the prefix's path or continues it after a segment boundary — `/customers` covers
 * `/customers` and `/customers/acme` but not `/customersX`; `/customers/` covers what starts with it.
 */
export function underPrefix(url: URL, prefix: string): boolean {
  const p = new URL(prefix);
  if (url.origin !== p.origin) return false;
  const path = url.pathname;
  if (p.pathname.endsWith("/")) return path.startsWith(p.pathname);
  return path === p.pathname || path.startsWith(`${p.pathname}/`);
}

/** A returnUrl is allowed when it passes `checkUrl` and lies under one registered prefix. */
export function matchReturnUrl(raw: string, prefixes: readonly string[], rules: ReturnUrlRules): Checked {
  const c = checkUrl(raw, rules);
  if (!c.ok) return c;
  if (!prefixes.some((p) => underPrefix(c.url, p))) return { ok: false, detail: "is not under any registered return URL prefix (PUT /v1/oauth/return-urls)" };
  return c;
}

/** `returnUrl` with the outcome appended to its query (existing parameters are kept). */
export function outcomeUrl(returnUrl: string, outcome: Record<string, string>): string {
  const url = new URL(returnUrl);
  for (const [k, v] of Object.entries(outcome)) url.searchParams.set(k, v);
  return url.toString();
}
