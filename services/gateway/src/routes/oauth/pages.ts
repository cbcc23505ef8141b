import type { FastifyReply } from "fastify";

/**
 * The few HTML pages the connect flow serves to the customer's browser. No scripts; the headers
 * keep the page out of frames and keep the state-bearing URL out of Referer headers.
 */
const HEADERS = {
  "content-type": "text/html; charset=utf-8",
  "cache-control": "no-store",
  "referrer-policy": "no-referrer",
  "x-frame-options": "DENY",
  "x-content-type-options": "nosniff",
  "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
};

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:44rem;margin:2rem auto;padding:0 1rem;color:#1d1d1f}
pre{background:#f5f5f7;padding:.75rem;overflow:auto;font-size:12px}label{display:block;margin:.5rem 0}
input{font:inherit;width:100%;padding:.35rem}button{font:inherit;padding:.4rem 1.2rem;margin-right:.5rem}
.err{color:#b00020}</style></head><body>${body}</body></html>`;
}

/**
 * A bad, expired or replayed `state`: it cannot be trusted to name a return URL, so the browser
 * gets this page instead of a redirect, and nothing is connected.
 */
export function sendBadStatePage(reply: FastifyReply, requestId: string): FastifyReply {
  return reply
    .code(400)
    .headers(HEADERS)
    .send(
      page(
        "Connection link not valid",
        `<h1>This connection link is not valid</h1><p>It has expired, was already used, or was altered. Nothing was connected.
Go back to the app you came from and start the connection again.</p><p><small>Request ${escapeHtml(requestId)}</small></p>`,
      ),
    );
}

export interface ApplePageInput {
  state: string;
  publicKeyPem: string;
  action: string;
  error?: string;
  values?: { clientId?: string; teamId?: string; keyId?: string };
}

/** Layers' Apple Ads connect page: the public key to upload, the steps, and the three fields Apple shows back. */
export function sendApplePage(reply: FastifyReply, p: ApplePageInput, status = 200): FastifyReply {
  const v = p.values ?? {};
  const field = (name: "clientId" | "teamId" | "keyId", label: string) =>
    `<label>${label}<input name="${name}" value="${escapeHtml(v[name] ?? "")}" autocomplete="off" required></label>`;
  return reply
    .code(status)
    .headers(HEADERS)
    .send(
      page(
        "Connect Apple Ads",
        `<h1>Connect your Apple Ads account</h1>
<p>Apple Ads gives API access through an API user with a public key. Layers made a key pair for this connection;
its private key never leaves Layers.</p>
<ol>
<li>In Apple Ads, open <b>Account Settings › User Management</b> and invite a user with an <b>API</b> role (for example API Account Manager) for the account(s) to connect, or use an existing API user.</li>
<li>Signed in as that API user, open <b>Account Settings › API</b> and paste this public key:</li>
</ol>
<pre id="public-key">${escapeHtml(p.publicKeyPem)}</pre>
<ol start="3">
<li>Apple then shows a <b>clientId</b>, <b>teamId</b> and <b>keyId</b>. Copy them here and press Connect.</li>
</ol>
${p.error ? `<p class="err" role="alert">${escapeHtml(p.error)}</p>` : ""}
<form method="post" action="${escapeHtml(p.action)}">
<input type="hidden" name="state" value="${escapeHtml(p.state)}">
${field("clientId", "clientId")}${field("teamId", "teamId")}${field("keyId", "keyId")}
<button type="submit" name="action" value="connect">Connect</button>
<button type="submit" name="action" value="cancel" formnovalidate>Cancel</button>
</form>`,
      ),
    );
}
