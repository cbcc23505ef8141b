import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { ApiClient } from "./api.ts";

/**
 * A partner's web app: a page with a "Connect" link per platform; its backend calls `oauth-url`
 * with the partner key and sends the browser there; the return URL shows the outcome.
 */
export interface PartnerSite {
  url: string;
  stop(): Promise<void>;
}

export async function startPartnerSite(partner: ApiClient, projectId: string): Promise<PartnerSite> {
  let base = "";
  const server: Server = createServer((req, res) => {
    const u = new URL(req.url ?? "/", base);
    if (u.pathname === "/partner/") {
      res.writeHead(200, { "content-type": "text/html" });
      res.end(`<h1>Acme ads</h1>${["meta_ads", "tiktok_ads", "apple_ads"].map((p) => `<a id="connect-${p}" href="/partner/connect?platform=${p}">Connect ${p}</a>`).join(" ")}`);
      return;
    }
    if (u.pathname === "/partner/connect") {
      const body: Record<string, string> = { platform: u.searchParams.get("platform") ?? "", returnUrl: `${base}/partner/connected?customer=acme` };
      const reauth = u.searchParams.get("adAccountId");
      if (reauth) body.adAccountId = reauth;
      partner.post(`/v1/projects/${projectId}/ads/ad-accounts/oauth-url`, body).then(
        (r) => {
          if (r.status !== 200) {
            res.writeHead(500).end(JSON.stringify(r.body));
            return;
          }
          res.writeHead(302, { location: r.body.url }).end();
        },
        (err: unknown) => res.writeHead(500).end(String(err)),
      );
      return;
    }
    if (u.pathname === "/partner/connected") {
      res.writeHead(200, { "content-type": "text/html" });
      res.end(`<h1 id="outcome">${u.searchParams.get("status") === "connected" ? "Connected" : "Not connected"}</h1>`);
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url: base, stop: () => new Promise<void>((r) => server.close(() => r())) };
}
