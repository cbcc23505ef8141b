export {
  createAppleClient,
  type AppleAdGroupCreate,
  type AppleAdGroupUpdate,
  type AppleAuth,
  type AppleCampaignCreate,
  type AppleCampaignUpdate,
  type AppleClient,
  type AppleClientOptions,
  type AppleKeywordCreate,
  type AppleKeywordStatus,
  type AppleKeywordUpdate,
  type AppleMatchType,
  type AppleStatus,
} from "./client.ts";
export { audienceDimensions, audienceOf, sameAudience, withAudience, type AppleAudience, type AppleGender } from "./audience.ts";
export { classifyAppleFailure, classifyNetworkError, retryAfterMs, type AppleFailure } from "./classify.ts";
export { appleErrorItems, readAppleData, type AppleData, type AppleErrorItem } from "./envelope.ts";
export {
  AppleRequestError,
  AppleThrottledError,
  AppleTokenError,
  AppleTransientError,
  isAppleError,
  type AppleError,
  type AppleErrorDetail,
} from "./errors.ts";
export { pickLiveByName } from "./find.ts";
export { assertAppleId, isAppleId, parseAppleJson, wireId } from "./ids.ts";
export { fromAppleMoney, toAppleMoney } from "./money.ts";
export {
  appleAdGroupSchema,
  appleCampaignSchema,
  appleKeywordSchema,
  appleMoneySchema,
  type AppleAdGroup,
  type AppleCampaign,
  type AppleKeyword,
  type AppleMoney,
  type ApplePagination,
} from "./schemas.ts";
export { fromAppleTime, toAppleTime } from "./time.ts";
