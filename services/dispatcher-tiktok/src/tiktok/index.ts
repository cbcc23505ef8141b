export {
  createTikTokClient, MAX_CREATIVES, MAX_FILTER_IDS, MAX_STATUS_IDS, TIKTOK_API_PREFIX, tiktokAdgroupSchema, tiktokAdSchema, tiktokCampaignSchema,
  type AdFilter, type AdgroupFilter, type CampaignFilter, type TikTokAd, type TikTokAdgroup, type TikTokAuth, type TikTokCampaign,
  type TikTokClient, type TikTokClientOptions, type TikTokFields, type TikTokOperationStatus,
} from "./client.ts";
export { classifyNetworkError, classifyTikTokFailure, retryAfterMs, THROTTLE_CODE, TOKEN_CODES, TRANSIENT_CODES, type TikTokFailure } from "./classify.ts";
export { readEnvelope, tiktokEnvelopeSchema, type TikTokEnvelope } from "./envelope.ts";
export {
  isTikTokError, TikTokRequestError, TikTokThrottledError, TikTokTokenError, TikTokTransientError, type TikTokError, type TikTokErrorDetail,
} from "./errors.ts";
export { fromTikTokAmount, toTikTokAmount } from "./money.ts";
export { chunk, encodeQuery, splitFiltering, type WireFiltering } from "./query.ts";
export { isTikTokRequestId, MAX_TIKTOK_REQUEST_ID, tiktokRequestId } from "./request-id.ts";
