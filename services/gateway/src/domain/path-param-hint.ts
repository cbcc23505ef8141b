import { ID_PREFIXES, PLATFORMS, type PathParamKind } from "@layers/contracts";

/** The Layers id prefix of each prefixed path parameter (`campaignId` → `cmp`). */
const PREFIX_OF: Partial<Record<PathParamKind, string>> = {
  campaignId: ID_PREFIXES.campaign,
  adSetId: ID_PREFIXES.adSet,
  adGroupId: ID_PREFIXES.adGroup,
  adId: ID_PREFIXES.ad,
  keywordId: ID_PREFIXES.keyword,
  pendingActionId: ID_PREFIXES.pendingAction,
  jobId: ID_PREFIXES.job,
  endpointId: ID_PREFIXES.webhookEndpoint,
  deliveryId: ID_PREFIXES.webhookDelivery,
  orgId: ID_PREFIXES.organization,
  keyId: ID_PREFIXES.apiKey,
  adAccountId: ID_PREFIXES.adAccount,
  runId: ID_PREFIXES.optimizerRun,
  creativeId: "crv",
};

/** Meta, TikTok and Apple ids are numeric (Meta ad accounts `act_<digits>`): someone pasted the platform's id. */
const PLATFORM_ID_RE = /^(act_)?\d{3,}$/;

/**
 * The 404 detail for a path parameter that cannot be an id of its kind, saying what would be: the
 * valid platforms, the id's prefix, and — when the value looks like a Meta / TikTok / Apple id — to
 * use the Layers id instead. The value itself is not echoed (it may be anything).
 */
export function pathParamNotFoundDetail(kind: PathParamKind, label: string, value: string | undefined): string {
  if (kind === "platform") return `platform not found: the platforms are ${PLATFORMS.join(", ")}`;
  if (kind === "projectId") return `${label} not found: project ids are UUIDs (e.g. 3f2b8c1e-6a4d-4e0f-9b7a-2c5d8e1f0a3b)`;
  const prefix = PREFIX_OF[kind];
  if (!prefix) return `${label} not found`;
  const shape = kind === "creativeId" ? `${prefix}_ followed by 24 hex characters` : `${prefix}_ followed by 26 characters (e.g. ${prefix}_01jd8x3k5m2n4p6q8r0s2t4v6w)`;
  const base = `${label} not found: ${label} ids look like ${prefix}_… (${shape})`;
  if (value !== undefined && PLATFORM_ID_RE.test(value)) return `${base}; this looks like the platform's own id: use the Layers id (${prefix}_…) the API answered with`;
  return base;
}
