import { lookup } from "node:dns/promises";
import { checkUrlResolves, DEV_TOKEN_KEY } from "@layers/runtime";
import { ApiError } from "../errors.ts";

/** What the webhook endpoint routes need besides the database. */
export interface WebhookSettings {
  /** Hosts (lower case) exempt from the https and public-address rules: `127.0.0.1,localhost` in dev. */
  allowedHosts: readonly string[];
  /** Seals signing secrets at rest; the webhooks service opens them with the same key. */
  tokenEncryptionKey: string;
  /** DNS seam (tests): every address a host resolves to. Default: the system resolver. */
  resolveHost: (host: string) => Promise<string[]>;
  /** Longest a registration waits for DNS before refusing the URL. */
  resolveTimeoutMs: number;
}

export interface WebhookSettingsInput {
  allowedHosts?: readonly string[] | undefined;
  tokenEncryptionKey?: string | undefined;
  resolveHost?: ((host: string) => Promise<string[]>) | undefined;
  resolveTimeoutMs?: number | undefined;
}

export function webhookSettings(input: WebhookSettingsInput = {}): WebhookSettings {
  return {
    allowedHosts: (input.allowedHosts ?? []).map((h) => h.trim().toLowerCase()).filter((h) => h.length > 0),
    tokenEncryptionKey: input.tokenEncryptionKey ?? DEV_TOKEN_KEY,
    resolveHost: input.resolveHost ?? systemResolve,
    resolveTimeoutMs: input.resolveTimeoutMs ?? 3000,
  };
}

async function systemResolve(host: string): Promise<string[]> {
  return (await lookup(host, { all: true, verbatim: true })).map((r) => r.address);
}

/**
 * SSRF rules for a partner-supplied endpoint URL (registration and every URL change): https, no
 * credentials or fragment, and every address the host resolves to public — unless the host is
 * allowlisted. Refusals are 422 at `/url` with the guard's reason. Returns the normalized URL.
 */
export async function deliverableUrl(settings: WebhookSettings, raw: string): Promise<string> {
  const verdict = await checkUrlResolves(raw, { allowHosts: settings.allowedHosts }, (host) => withTimeout(settings.resolveHost(host), settings.resolveTimeoutMs));
  if (!verdict.ok) {
    throw new ApiError("VALIDATION", `the endpoint URL is not allowed: ${verdict.reason}`, { errors: [{ pointer: "/url", detail: verdict.reason }] });
  }
  return verdict.url.href;
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("DNS lookup timed out")), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}
