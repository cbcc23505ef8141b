export {
  createMetaClient,
  metaCampaignSchema,
  type ListOptions,
  type MetaAd,
  type MetaAdCreative,
  type MetaAdSet,
  type MetaAuth,
  type MetaCampaign,
  type MetaClient,
  type MetaClientOptions,
  type MetaFields,
} from "./client.ts";
export { classifyGraphFailure, classifyNetworkError, regainAccessMs, type GraphFailure } from "./classify.ts";
export { isMetaError, MetaRequestError, MetaThrottledError, MetaTokenError, MetaTransientError, type MetaError, type MetaErrorDetail } from "./errors.ts";
export { actId, encodeForm } from "./form.ts";
export { fromMetaAmount, metaOffset, toMetaAmount } from "./money.ts";
export { metaObjectStorySpec } from "./creative.ts";
export { metaTargeting } from "./targeting.ts";
export { fieldsToVerify, metaHolds } from "./holds.ts";
export { parseBusinessUsage, type BusinessUsage } from "./usage.ts";
