export { createMetaClient, metaCampaignSchema, type MetaAuth, type MetaCampaign, type MetaClient, type MetaClientOptions, type MetaFields } from "./client.ts";
export { classifyGraphFailure, classifyNetworkError, regainAccessMs, type GraphFailure } from "./classify.ts";
export { isMetaError, MetaRequestError, MetaThrottledError, MetaTokenError, MetaTransientError, type MetaError, type MetaErrorDetail } from "./errors.ts";
export { actId, encodeForm } from "./form.ts";
export { fromMetaAmount, metaOffset, toMetaAmount } from "./money.ts";
