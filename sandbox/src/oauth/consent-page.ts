/** The platforms' consent pages, as plain HTML forms (Allow / Cancel), one checkbox per account. */

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

export interface ConsentPageInput {
  platform: "meta" | "tiktok";
  pendingId: string;
  appId: string;
  accounts: Array<{ id: string; label: string; name: string; currency: string }>;
}

const TITLE = { meta: "Facebook — Log in with Facebook (sandbox)", tiktok: "TikTok for Business — Authorize (sandbox)" } as const;
const ASK = {
  meta: "wants to manage your ad accounts: ads_management, ads_read, business_management.",
  tiktok: "is requesting access to your TikTok for Business advertiser accounts: Ad Account Management, Ads Management, Reporting.",
} as const;

export function consentPage(p: ConsentPageInput): string {
  const rows = p.accounts
    .map((a) => `<label><input type="checkbox" name="account" value="${escapeHtml(a.id)}" checked> ${escapeHtml(a.name)} (${escapeHtml(a.label)}, ${escapeHtml(a.currency)})</label>`)
    .join("\n");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${TITLE[p.platform]}</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem}label{display:block;margin:.3rem 0}button{font:inherit;padding:.4rem 1.2rem;margin-right:.5rem}</style>
</head><body>
<h1>${TITLE[p.platform]}</h1>
<p><b>App ${escapeHtml(p.appId)}</b> ${ASK[p.platform]}</p>
<form method="post" action="/_sandbox/oauth/consent">
<input type="hidden" name="pending" value="${escapeHtml(p.pendingId)}">
<fieldset><legend>Choose the accounts this app may use</legend>
${rows}
</fieldset>
<p><button type="submit" name="decision" value="allow">Allow</button>
<button type="submit" name="decision" value="cancel">Cancel</button></p>
</form></body></html>`;
}
