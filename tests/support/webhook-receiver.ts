import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export interface ReceivedWebhook {
  path: string;
  headers: Record<string, string>;
  /** The raw body, exactly as received (signatures are over these bytes). */
  body: string;
  at: number;
  /** The status this receiver answered. */
  answered: number;
}

export interface WebhookReceiver {
  /** e.g. http://127.0.0.1:43121 */
  url: string;
  received: ReceivedWebhook[];
  /** Decides the status of each request (default 204). */
  respond: (req: { path: string; headers: Record<string, string>; body: string }) => number;
  close(): Promise<void>;
}

function flat(h: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(", ") : v;
  return out;
}

/** A partner's receiver on this machine: records every POST with its raw body and headers. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const r: WebhookReceiver = {
    url: "",
    received: [],
    respond: () => 204,
    close: async () => undefined,
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const entry = { path: req.url ?? "/", headers: flat(req.headers), body: Buffer.concat(chunks).toString("utf8") };
      const status = r.respond(entry);
      r.received.push({ ...entry, at: Date.now(), answered: status });
      res.statusCode = status;
      res.end(status >= 400 ? "nope" : "");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  r.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  r.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return r;
}
