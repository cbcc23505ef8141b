/** One Server-Sent Event as a client sees it (WHATWG HTML §9.2.6, the parts this API uses). */
export interface SseEvent {
  id: string | undefined;
  event: string;
  data: string;
}

export interface SseStream {
  status: number;
  headers: Headers;
  /** The next event; null once the server closed the stream. */
  next(): Promise<SseEvent | null>;
  /** Every event left until the server closes the stream. */
  rest(): Promise<SseEvent[]>;
  /** Comment lines seen so far (heartbeats). */
  comments: string[];
  close(): Promise<void>;
}

/**
 * A minimal SSE reader over fetch: splits the body into events at blank lines and reads the `id`,
 * `event` and `data` fields; `:` lines are comments. Enough to check what the gateway sends, byte
 * for byte, without a client that reconnects on its own.
 */
export async function openSse(url: string, headers: Record<string, string>): Promise<SseStream> {
  const ctl = new AbortController();
  const res = await fetch(url, { headers: { accept: "text/event-stream", ...headers }, signal: ctl.signal });
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  const comments: string[] = [];
  let buffer = "";
  let done = false;

  const parse = (block: string): SseEvent | null => {
    let id: string | undefined;
    let event = "message";
    const data: string[] = [];
    let fields = 0;
    for (const line of block.split("\n")) {
      if (line.startsWith(":")) {
        comments.push(line.slice(1).trim());
        continue;
      }
      const at = line.indexOf(":");
      const name = at < 0 ? line : line.slice(0, at);
      const value = at < 0 ? "" : line.slice(at + 1).replace(/^ /, "");
      if (name === "id") id = value;
      else if (name === "event") event = value;
      else if (name === "data") data.push(value);
      else continue;
      fields++;
    }
    return fields > 0 && data.length > 0 ? { id, event, data: data.join("\n") } : null;
  };

  const next = async (): Promise<SseEvent | null> => {
    for (;;) {
      const end = buffer.indexOf("\n\n");
      if (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const e = parse(block);
        if (e) return e;
        continue;
      }
      if (done) return null;
      const r = await reader.read();
      if (r.done) done = true;
      else buffer += r.value;
    }
  };

  return {
    status: res.status,
    headers: res.headers,
    next,
    async rest() {
      const out: SseEvent[] = [];
      for (let e = await next(); e; e = await next()) out.push(e);
      return out;
    },
    comments,
    async close() {
      ctl.abort();
      await reader.cancel().catch(() => undefined);
    },
  };
}
