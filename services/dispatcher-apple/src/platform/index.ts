export { createPlatformClient, type AppsReportLevel, type AppsReportRequest, type PlatformAdAccount, type PlatformClient } from "./client.ts";
export { classifyPlatformFailure, type PlatformFailure } from "./classify.ts";
export { platformErrorOf, readPlatformResult, type PlatformErrorItem } from "./envelope.ts";
export { type V1ReportRow } from "./schemas.ts";
export {
  adGroupCreateBody,
  adGroupFromV1,
  adGroupUpdateBody,
  campaignCreateBody,
  campaignFromV1,
  campaignUpdateBody,
  dimensionsOfTargeting,
  keywordCreateBody,
  keywordFromV1,
  keywordUpdateBody,
  targetingOfDimensions,
} from "./translate.ts";
