import type { FastifyInstance } from "fastify";

/**
 * Plays the customer's browser through a sandbox consent page without a real browser (the
 * Chromium test in tests/ does it for real): keeps the sandbox's session cookie, reads the page's
 * form, and submits Allow or Cancel. Answers where the consent page sends the browser back.
 */
export interface ConsentBrowser {
  /** Opens the consent URL and answers the page's HTML and the accounts it offers (all checked). */
  open(url: string): Promise<{ html: string; pending: string; accounts: string[] }>;
  /** Submits the page: the redirect target (the Layers callback with code and state, or an error). */
  decide(pending: string, decision: "allow" | "cancel", accounts: string[]): Promise<string>;
}

export function consentBrowser(sandboxUrl: string): ConsentBrowser {
  let cookie = "";
  return {
    async open(url) {
      const res = await fetch(url, { headers: cookie ? { cookie } : {}, redirect: "manual" });
      const set = res.headers.get("set-cookie");
      if (set) cookie = set.split(";")[0]!;
      const html = await res.text();
      if (res.status !== 200) throw new Error(`consent page answered ${res.status}: ${html}`);
      const pending = /name="pending" value="([^"]+)"/.exec(html)?.[1];
      if (!pending) throw new Error(`no consent form in: ${html}`);
      const accounts = [...html.matchAll(/name="account" value="([^"]+)" checked/g)].map((m) => m[1]!);
      return { html, pending, accounts };
    },
    async decide(pending, decision, accounts) {
      const form = new URLSearchParams({ pending, decision });
      for (const a of accounts) form.append("account", a);
      const res = await fetch(`${sandboxUrl}/_sandbox/oauth/consent`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", ...(cookie ? { cookie } : {}) },
        body: form,
        redirect: "manual",
      });
      const location = res.headers.get("location");
      await res.arrayBuffer();
      if (res.status !== 302 || !location) throw new Error(`consent submit answered ${res.status}`);
      return location;
    },
  };
}

/** Follows a Layers URL (callback or Apple page) through `inject`, answering the status and Location. */
export async function followLayers(app: FastifyInstance, absolute: string): Promise<{ status: number; location: string | undefined; body: string }> {
  const u = new URL(absolute);
  const res = await app.inject({ method: "GET", url: u.pathname + u.search });
  return { status: res.statusCode, location: res.headers.location as string | undefined, body: res.body };
}
