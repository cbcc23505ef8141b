import { DEV_TOKEN_KEY } from "@layers/runtime";

/**
 * Where each platform's consent and token endpoints live and the app credentials Layers uses with
 * them. Production points at the platforms; the dev stack and tests point at the sandbox.
 */
export interface ConnectSettings {
  /** http return URLs to loopback hosts allowed (dev stack); production: https only. */
  allowLoopbackHttp: boolean;
  /** Absolute base of the callback / Apple page URLs (PUBLIC_BASE_URL); unset → the request's own origin. */
  publicBaseUrl: string | undefined;
  /** Seals tokens and keys at rest (a key ring, see packages/runtime/src/seal.ts). */
  tokenKey: string;
  meta: { appId: string; appSecret: string; dialogUrl: string; graphUrl: string; apiVersion: string };
  tiktok: { appId: string; appSecret: string; authUrl: string; apiUrl: string };
  /** `api`: which Apple API lists the accounts a connection reaches (the Ads Platform API by default; v5 until it is turned off on 2027-01-26). */
  apple: { tokenUrl: string; apiUrl: string; api: "platform" | "v5" };
  /** Platform HTTP calls (tests may count or fail them). */
  fetch: typeof fetch;
  /** How long one platform call may take before the connection fails with `platform_error`. */
  timeoutMs: number;
  /** How often tokens nearing expiry are renewed (Meta long-lived, Apple access tokens); 0 disables. */
  renewEveryMs: number;
}

export type ConnectSettingsInput = Partial<Omit<ConnectSettings, "meta" | "tiktok" | "apple">> & {
  meta?: Partial<ConnectSettings["meta"]>;
  tiktok?: Partial<ConnectSettings["tiktok"]>;
  apple?: Partial<ConnectSettings["apple"]>;
  /** One base URL for every platform endpoint (the sandbox): fills whatever is not set explicitly. */
  sandboxUrl?: string;
};

/** Defaults are the real platforms' endpoints and dev app credentials (the sandbox accepts any). */
export function connectSettings(input: ConnectSettingsInput = {}): ConnectSettings {
  const sb = input.sandboxUrl?.replace(/\/$/, "");
  return {
    allowLoopbackHttp: input.allowLoopbackHttp ?? false,
    publicBaseUrl: input.publicBaseUrl?.replace(/\/$/, ""),
    tokenKey: input.tokenKey ?? DEV_TOKEN_KEY,
    meta: {
      appId: input.meta?.appId ?? "layers-dev-meta-app",
      appSecret: input.meta?.appSecret ?? "layers-dev-meta-secret",
      dialogUrl: (input.meta?.dialogUrl ?? sb ?? "https://www.facebook.com").replace(/\/$/, ""),
      graphUrl: (input.meta?.graphUrl ?? sb ?? "https://graph.facebook.com").replace(/\/$/, ""),
      apiVersion: input.meta?.apiVersion ?? "v21.0",
    },
    tiktok: {
      appId: input.tiktok?.appId ?? "layers-dev-tiktok-app",
      appSecret: input.tiktok?.appSecret ?? "layers-dev-tiktok-secret",
      authUrl: input.tiktok?.authUrl ?? (sb ? `${sb}/portal/auth` : "https://business-api.tiktok.com/portal/auth"),
      apiUrl: (input.tiktok?.apiUrl ?? sb ?? "https://business-api.tiktok.com").replace(/\/$/, ""),
    },
    apple: {
      tokenUrl: input.apple?.tokenUrl ?? (sb ? `${sb}/auth/oauth2/token` : "https://appleid.apple.com/auth/oauth2/token"),
      apiUrl: (input.apple?.apiUrl ?? sb ?? ((input.apple?.api ?? "platform") === "platform" ? "https://api.ads.apple.com" : "https://api.searchads.apple.com")).replace(/\/$/, ""),
      api: input.apple?.api ?? "platform",
    },
    fetch: input.fetch ?? fetch,
    timeoutMs: input.timeoutMs ?? 10_000,
    renewEveryMs: input.renewEveryMs ?? 60_000,
  };
}
