import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { createServer as createTcpServer, type Socket } from "node:net";
import { Webhook as StandardWebhook } from "standardwebhooks";
import { Webhook as SvixWebhook } from "svix";

/** One request a receiver got, and what the two off-the-shelf verifiers said about it. */
export interface Received {
  /** Arrival time (Date.now()). */
  at: number;
  path: string;
  method: string;
  headers: Record<string, string>;
  body: string;
  webhookId: string;
  /** The n-th request with this webhook-id (1-based). */
  nth: number;
  /** Per secret the receiver was told to accept, in order: did each library verify the request? */
  verified: Array<{ standard: boolean; svix: boolean }>;
  /** What the receiver answered. */
  answered: number | "hung";
}

export interface Answer {
  status: number;
  headers?: Record<string, string>;
  body?: string;
  delayMs?: number;
}

/** Decides the answer to a request (`hang` = never answer). Default: 200 "ok". */
export type Responder = (r: Omit<Received, "answered">) => Answer | "hang";

export interface Receiver {
  /** `http://127.0.0.1:<port>/hook` */
  url: string;
  port: number;
  received: Received[];
  /** The secrets a verification is tried with, e.g. [current] or [current, previous]. */
  secrets: string[];
  respond: Responder;
  close(): Promise<void>;
}

/** Verifies one request against one secret with both libraries, exactly as a partner would call them. */
export function verifiedWith(secret: string, body: string, headers: Record<string, string>): { standard: boolean; svix: boolean } {
  let standard = false;
  let svix = false;
  try {
    new StandardWebhook(secret).verify(body, headers);
    standard = true;
  } catch {
    /* not signed with this secret */
  }
  try {
    new SvixWebhook(secret).verify(body, headers);
    svix = true;
  } catch {
    /* not signed with this secret */
  }
  return { standard, svix };
}

/**
 * A partner's receiver on 127.0.0.1 and a random port: it reads the raw body, verifies it with the
 * `standardwebhooks` and `svix` packages as a partner would (unchanged, default tolerance), records
 * everything and answers as `respond` says.
 */
export async function startReceiver(opts: { secrets: string[]; respond?: Responder }): Promise<Receiver> {
  const counts = new Map<string, number>();
  const hung = new Set<ServerResponse>();
  const r: Receiver = {
    url: "",
    port: 0,
    received: [],
    secrets: opts.secrets,
    respond: opts.respond ?? (() => ({ status: 200, body: "ok" })),
    async close() {
      for (const res of hung) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers[k] = v;
      const webhookId = headers["webhook-id"] ?? "";
      const nth = (counts.get(webhookId) ?? 0) + 1;
      counts.set(webhookId, nth);
      const base = {
        at: Date.now(),
        path: req.url ?? "",
        method: req.method ?? "",
        headers,
        body,
        webhookId,
        nth,
        verified: r.secrets.map((s) => verifiedWith(s, body, headers)),
      };
      const answer = r.respond(base);
      if (answer === "hang") {
        r.received.push({ ...base, answered: "hung" });
        hung.add(res);
        res.on("close", () => hung.delete(res));
        return;
      }
      r.received.push({ ...base, answered: answer.status });
      const send = () => {
        if (res.destroyed) return;
        res.writeHead(answer.status, { "content-type": "text/plain", ...answer.headers });
        res.end(answer.body ?? "");
      };
      if (answer.delayMs) setTimeout(send, answer.delayMs);
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const addr = server.address();
  r.port = typeof addr === "object" && addr ? addr.port : 0;
  r.url = `http://127.0.0.1:${r.port}/hook`;
  return r;
}

export interface DeadEndpoint {
  url: string;
  /** Connections accepted so far. */
  readonly accepted: number;
  /** The most connections open at once. */
  readonly maxOpen: number;
  close(): Promise<void>;
}

/** Accepts TCP connections and never answers: the worst endpoint there is. */
export async function startDeadEndpoint(): Promise<DeadEndpoint> {
  const sockets = new Set<Socket>();
  let accepted = 0;
  let maxOpen = 0;
  const server = createTcpServer((socket) => {
    accepted++;
    sockets.add(socket);
    maxOpen = Math.max(maxOpen, sockets.size);
    socket.resume(); // read and drop whatever comes; never write
    socket.on("error", () => undefined);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const addr = server.address();
  const port = typeof addr === "object" && addr ? addr.port : 0;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    get accepted() {
      return accepted;
    },
    get maxOpen() {
      return maxOpen;
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
