import { checkUrlResolves } from "@layers/runtime";
import type { AttemptResult } from "./domain/outcome.ts";

/** Longest response excerpt kept per attempt. */
export const EXCERPT_MAX_BYTES = 1024;

export interface HttpAttemptInput {
  url: string;
  /** Builds the body and headers; called once the address passed the guard, just before sending. */
  prepare: () => { body: string; headers: Record<string, string> };
  timeoutMs: number;
  allowHosts: readonly string[];
  fetch: typeof fetch;
  /** Resolves a host to its addresses (tests may stub DNS); the guard's default otherwise. */
  resolve?: (host: string) => Promise<string[]>;
}

export interface HttpAttempt {
  result: AttemptResult;
  statusCode: number | null;
  /** Time to the response headers (or to the failure). Null when nothing was sent. */
  latencyMs: number | null;
  responseExcerpt: string | null;
}

/**
 * One POST under one deadline that covers the address check, the connection, the headers and the
 * first KB of the answer. The address check runs before every attempt (DNS can change between
 * attempts); redirects are never followed.
 */
export async function httpAttempt(input: HttpAttemptInput): Promise<HttpAttempt> {
  const deadline = Date.now() + input.timeoutMs;
  const verdict = await withDeadline(checkUrlResolves(input.url, { allowHosts: input.allowHosts }, input.resolve), deadline);
  if (verdict === TIMED_OUT) return notSent(`the address check of the endpoint URL took longer than ${input.timeoutMs} ms`);
  if (!verdict.ok) return notSent(`the endpoint URL was refused: ${verdict.reason}`);

  let prepared: { body: string; headers: Record<string, string> };
  try {
    prepared = input.prepare();
  } catch (err) {
    return notSent(`the request could not be prepared: ${(err as Error).message}`);
  }

  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), Math.max(0, deadline - Date.now()));
  const sentAt = performance.now();
  let latencyMs: number | null = null;
  try {
    const res = await input.fetch(verdict.url, {
      method: "POST",
      body: prepared.body,
      headers: prepared.headers,
      redirect: "manual",
      signal: controller.signal,
    });
    latencyMs = Math.round(performance.now() - sentAt);
    const retryAfter = res.headers.get("retry-after");
    const excerpt = await readExcerpt(res).catch(() => null);
    return { result: { kind: "response", status: res.status, retryAfter }, statusCode: res.status, latencyMs, responseExcerpt: excerpt };
  } catch (err) {
    latencyMs ??= Math.round(performance.now() - sentAt);
    if (controller.signal.aborted) return { result: { kind: "timeout", timeoutMs: input.timeoutMs }, statusCode: null, latencyMs, responseExcerpt: null };
    return { result: { kind: "network", detail: networkDetail(err) }, statusCode: null, latencyMs, responseExcerpt: null };
  } finally {
    clearTimeout(timer);
  }
}

function notSent(reason: string): HttpAttempt {
  return { result: { kind: "not_sent", reason }, statusCode: null, latencyMs: null, responseExcerpt: null };
}

const TIMED_OUT = Symbol("timed out");

async function withDeadline<T>(p: Promise<T>, deadline: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), Math.max(0, deadline - Date.now()));
  });
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The first KB of the answer as UTF-8 text (a character split at the cut is left out; NUL, which
 * Postgres text cannot hold, is dropped), then the rest is discarded unread.
 */
async function readExcerpt(res: Response): Promise<string | null> {
  if (!res.body) return null;
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < EXCERPT_MAX_BYTES) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  if (size === 0) return null;
  let text = new TextDecoder("utf-8").decode(Buffer.concat(chunks).subarray(0, EXCERPT_MAX_BYTES), { stream: true }).replaceAll("\u0000", "");
  // Bytes that are not UTF-8 decode to U+FFFD (three bytes each): trim back under the limit.
  while (Buffer.byteLength(text) > EXCERPT_MAX_BYTES) text = text.slice(0, -1);
  return text;
}

/** `fetch failed` hides the reason in `cause` (ECONNREFUSED, ECONNRESET, ENOTFOUND, a TLS code…). */
function networkDetail(err: unknown): string {
  const cause = (err as { cause?: { code?: unknown; message?: unknown } })?.cause;
  if (cause && typeof cause.code === "string") return cause.code;
  if (cause && typeof cause.message === "string") return cause.message.slice(0, 200);
  return err instanceof Error ? err.message.slice(0, 200) : String(err).slice(0, 200);
}
