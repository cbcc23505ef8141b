import { z } from "zod";
import { platformSchema, type Platform } from "./authority.ts";

/** Connecting customers' ad accounts (issue 9): bodies, answers and the stable codes of the flow. */

/** The platform names of the connect surface (`meta_ads`, …) and the Layers platform each means. */
export const CONNECT_PLATFORMS = { meta_ads: "meta", tiktok_ads: "tiktok", apple_ads: "apple" } as const satisfies Record<string, Platform>;
export type ConnectPlatform = keyof typeof CONNECT_PLATFORMS;
export const connectPlatformSchema = z.enum(Object.keys(CONNECT_PLATFORMS) as [ConnectPlatform, ...ConnectPlatform[]]);

export const AD_ACCOUNT_STATUSES = ["connected", "token_expired", "disconnected"] as const;
export type AdAccountStatus = (typeof AD_ACCOUNT_STATUSES)[number];

/** How long a connection's `state` stays usable. */
export const OAUTH_STATE_TTL_SECONDS = 600;
/** Largest allowlist an org may register. */
export const MAX_RETURN_URLS = 50;

/** `PUT /v1/oauth/return-urls`. */
export const putReturnUrlsBodySchema = z.strictObject({
  urls: z.array(z.string().min(1).max(2048)).max(MAX_RETURN_URLS),
});
export type PutReturnUrlsBody = z.infer<typeof putReturnUrlsBodySchema>;
export const returnUrlsSchema = z.object({ urls: z.array(z.string()) });
export type ReturnUrls = z.infer<typeof returnUrlsSchema>;

/** `POST …/ads/ad-accounts/oauth-url`. */
export const oauthUrlBodySchema = z.strictObject({
  platform: connectPlatformSchema,
  returnUrl: z.string().min(1).max(2048),
  adAccountId: z.string().regex(/^aa_[0-9a-z]{26}$/, "must be an ad account id (aa_…)").optional(),
});
export type OauthUrlBody = z.infer<typeof oauthUrlBodySchema>;
export const oauthUrlResponseSchema = z.object({ url: z.string(), expiresAt: z.iso.datetime() });
export type OauthUrlResponse = z.infer<typeof oauthUrlResponseSchema>;

/** `GET …/ads/ad-accounts[/:id]`: never a token. */
export const adAccountSchema = z.object({
  id: z.string(),
  platform: connectPlatformSchema,
  platformAccountId: z.string(),
  name: z.string().nullable(),
  currency: z.string(),
  status: z.enum(AD_ACCOUNT_STATUSES),
  connectedAt: z.iso.datetime(),
  tokenExpiresAt: z.iso.datetime().optional(),
  layerId: z.string(),
});
export type AdAccountView = z.infer<typeof adAccountSchema>;
export const adAccountListSchema = z.object({ data: z.array(adAccountSchema) });
export type AdAccountList = z.infer<typeof adAccountListSchema>;

/** The Apple connect form (`POST /v1/oauth/apple/connect`, form-encoded). */
export const appleConnectFormSchema = z.object({
  state: z.string().min(1).max(200),
  clientId: z.string().trim().min(1).max(200),
  teamId: z.string().trim().min(1).max(200),
  keyId: z.string().trim().min(1).max(200),
});
export type AppleConnectForm = z.infer<typeof appleConnectFormSchema>;

/**
 * `code` on `returnUrl?status=error&code=…`: stable, so the partner's page can explain it.
 * `access_denied` = the customer pressed Cancel; the others are platform or account faults.
 */
export const CONNECT_ERROR_CODES = [
  "access_denied",
  "platform_error",
  "no_ad_accounts",
  "account_not_granted",
  "invalid_credentials",
] as const;
export type ConnectErrorCode = (typeof CONNECT_ERROR_CODES)[number];

/** `reason` of the 409 a write to an ad account that is not `connected` gets. */
export const AD_ACCOUNT_CONFLICT_REASONS = { disconnected: "ad_account_disconnected", token_expired: "ad_account_token_expired" } as const;

/** `data` of `ads.account.connected` / `ads.account.disconnected` (`platform` as in `ads.account.token_expired`: `meta`, …). */
export const adAccountEventDataSchema = z.looseObject({
  organizationId: z.string(),
  projectId: z.string(),
  layerId: z.string(),
  adAccountId: z.string(),
  platform: platformSchema,
  platformAccountId: z.string(),
  reauthorized: z.boolean().optional(),
});
export type AdAccountEventData = z.infer<typeof adAccountEventDataSchema>;

/** `meta` → `meta_ads`. */
export function connectPlatformOf(platform: Platform): ConnectPlatform {
  return `${platform}_ads` as ConnectPlatform;
}
