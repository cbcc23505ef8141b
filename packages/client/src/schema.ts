/**
 * GENERATED from packages/client/openapi.json by `pnpm client:generate`
 * (tools/openapi/src/emit-client-schema.ts, openapi-typescript). Do not edit by hand.
 */
export interface paths {
    "/docs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The interactive API reference (works offline) */
        get: operations["getDocs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/docs/start.js": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Script of the reference page */
        get: operations["getDocsScript"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/docs/swagger-ui-bundle.js": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Asset of the reference page (swagger-ui-bundle.js) */
        get: operations["getDocsBundle"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/docs/swagger-ui.css": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Asset of the reference page (swagger-ui.css) */
        get: operations["getDocsStyles"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics */
        get: operations["getMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This OpenAPI 3.1 document */
        get: operations["getOpenApiDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: Postgres and NATS answer */
        get: operations["getReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Gate decisions, newest first */
        get: operations["listAuditLog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List jobs, newest first */
        get: operations["listJobs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/jobs/{jobId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Follow a write: its job */
        get: operations["getJob"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/jobs/{jobId}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a job whose write has not reached a dispatcher
         * @description Queued, waiting for approval or for its turn behind an earlier write to the same entity: the job becomes `canceled` and nothing reaches the platform. Dispatching or finished: 409 CONFLICT with `jobStatus`.
         */
        post: operations["cancelJob"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/jobs/{jobId}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Follow a job as Server-Sent Events
         * @description One event per status change: `id:` the job's change sequence, `event:` the status, `data:` the job as after the change. Resume with `Last-Event-ID`; the stream ends after `completed`, `failed` or `canceled`. Heartbeat comments keep it open.
         */
        get: operations["streamJobEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/oauth/apple/connect": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The Apple Ads connect page the customer fills in (not called by partners) */
        get: operations["appleConnectPage"];
        put?: never;
        /** The Apple Ads connect form's submission (not called by partners) */
        post: operations["appleConnectSubmit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/oauth/callback/{platform}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where Meta's and TikTok's consent dialogs send the browser back (not called by partners) */
        get: operations["oauthCallback"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/oauth/return-urls": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organization's allowed connect return URL prefixes */
        get: operations["getReturnUrls"];
        /** Replace the allowed connect return URL prefixes */
        put: operations["setReturnUrls"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List child organizations, newest first */
        get: operations["listOrganizations"];
        put?: never;
        /** Create a child organization */
        post: operations["createOrganization"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations/{orgId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a child organization */
        get: operations["getOrganization"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Rename a child organization or change its metadata */
        patch: operations["updateOrganization"];
        trace?: never;
    };
    "/v1/organizations/{orgId}/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a child organization's API keys */
        get: operations["listApiKeys"];
        put?: never;
        /** Mint an API key for a child organization (its secret is shown once) */
        post: operations["createApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations/{orgId}/api-keys/{keyId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API key */
        delete: operations["revokeApiKey"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations/{orgId}/api-keys/{keyId}/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rotate an API key's secret (the old one works for a grace period) */
        post: operations["rotateApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations/{orgId}/archive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Archive a child organization */
        post: operations["archiveOrganization"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations/{orgId}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resume a child organization */
        post: operations["resumeOrganization"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organizations/{orgId}/suspend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Suspend a child organization */
        post: operations["suspendOrganization"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/projects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List projects, newest first */
        get: operations["listProjects"];
        put?: never;
        /** Create a project with its meta, tiktok and apple layers */
        post: operations["createProject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/projects/{projectId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a project */
        get: operations["getProject"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Rename a project or change its settings */
        patch: operations["updateProject"];
        trace?: never;
    };
    "/v1/projects/{projectId}/ads-content": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The project's creative pool */
        get: operations["listAdsContent"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/projects/{projectId}/ads-content/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Include or exclude a creative from the optimizer's pool */
        patch: operations["updateAdsContent"];
        trace?: never;
    };
    "/v1/projects/{projectId}/ads-metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Metrics of the project's ads */
        get: operations["getAdsMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/projects/{projectId}/ads/{platform}/adgroups/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a adgroup */
        get: operations["getAdGroup"];
        put?: never;
        post?: never;
        /** Delete (adgroup) */
        delete: operations["deleteAdGroup"];
        options?: never;
        head?: never;
        /** Rename (adgroup) */
        patch: operations["renameAdGroup"];
        trace?: never;
    };
    "/v1/projects/{projectId}/ads/{platform}/adgroups/{id}/ads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the ads of a adgroup, newest first */
        get: operations["listAdGroupAds"];
        put?: never;
        /** Create a ad under the adgroup */
        post: operations["createAdGroupAd"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/projects/{projectId}/ads/{platform}/adgroups/{id}/archive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Archive (adgroup) */
        post: operations["archiveAdGroup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/projects/{projectId}/ads/{platform}/adgroups/{id}/bid": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change the bid (adgroup) */
        patch: operations["updateAdGroupBid"];
        trace?: never;
    };
    "/v1/projects/{projectId}/ads/{platform}/adgroups/{id}/budget": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change the budget (adgroup) */
        patch: operations["updateAdGroupBudget"];
        trace?: never;
    };
    "/v1/projects/{projectId}/ads/{platform}/adgroups/{id}/creatives": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Push a creative (a new ad) into the adgroup */
        post: operations["pushAdGroupCreative"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/projects/{projectId}/ads/{platform}/adgroups/{id}/keywords": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the keywords of a adgroup, newest first */
        get: operations["listAdGroupKeywords"];
        put?: never;
        /** Create a keyword under the adgroup */
        post: operations["createKeyword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/projects/{projectId}/ads/{platform}/adgroups/{id}/keywords/{keywordId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a keyword */
        get: operations["getKeyword"];
        put?: never;
        post?: never;
        /** Delete (keyword) */
        delete: operations["deleteKeyword"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/projects/{projectId}/ads/{platform}/adgroups/{id}/keywords/{keywordId}/archive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Archive (keyword) */
        post: operations["archiveKeyword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/projects/{projectId}/ads/{platform}/adgroups/{id}/keywords/{keywordId}/bid": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change the bid (keyword) */
        patch: operations["updateKeywordBid"];
        trace?: never;
    };
    "/v1/projects/{projectId}/ads/{platform}/adgroups/{id}/keywords/{keywordId}/budget": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change the budget (keyword) */
        patch: operations["updateKeywordBudget"];
        trace?: never;
    };
    "/v1/projects/{projectId}/ads/{platform}/adgroups/{id}/keywords/{keywordId}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Pause (keyword) */
        post: operations["pauseKeyword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/projects/{projectId}/ads/{platform}/adgroups/{id}/keywords/{keywordId}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resume (keyword) */
        post: operations["resumeKeyword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/projects/{projectId}/ads/{platform}/adgroups/{id}/keywords/{keywordId}/schedule": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change the schedule (keyword) */
        patch: operations["updateKeywordSchedule"];
        trace?: never;
    };
    "/v1/projects/{projectId}/ads/{platform}/adgroups/{id}/keywords/{keywordId}/targeting": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Replace the targeting (keyword) */
        patch: operations["updateKeywordTargeting"];
        trace?: never;
    };
    "/v1/projects/{projectId}/ads/{platform}/adgroups/{id}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Pause (adgroup) */
        post: operations["pauseAdGroup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/projects/{projectId}/ads/{platform}/adgroups/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resume (adgroup) */
        post: operations["resumeAdGroup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/projects/{projectId}/ads/{platform}/adgroups/{id}/schedule": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change the schedule (adgroup) */
        patch: operations["updateAdGroupSchedule"];
        trace?: never;
    };
    "/v1/projects/{projectId}/ads/{platform}/adgroups/{id}/targeting": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Replace the targeting (adgroup) */
        patch: operations["updateAdGroupTargeting"];
        trace?: never;
    };
    "/v1/projects/{projectId}/ads/{platform}/ads/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a ad */
        get: operations["getAd"];
        put?: never;
        post?: never;
        /** Delete (ad) */
        delete: operations["deleteAd"];
        options?: never;
        head?: never;
        /** Rename (ad) */
        patch: operations["renameAd"];
        trace?: never;
    };
    "/v1/projects/{projectId}/ads/{platform}/ads/{id}/archive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Archive (ad) */
        post: operations["archiveAd"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/projects/{projectId}/ads/{platform}/ads/{id}/bid": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change the bid (ad) */
        patch: operations["updateAdBid"];
        trace?: never;
    };
    "/v1/projects/{projectId}/ads/{platform}/ads/{id}/budget": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change the budget (ad) */
        patch: operations["updateAdBudget"];
        trace?: never;
    };
    "/v1/projects/{projectId}/ads/{platform}/ads/{id}/creative": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Replace the creative (ad) */
        put: operations["replaceAdCreative"];
        post?: never;
        /** Remove the creative (ad) */
        delete: operations["pruneAdCreative"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/projects/{projectId}/ads/{platform}/ads/{id}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Pause (ad) */
        post: operations["pauseAd"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/projects/{projectId}/ads/{platform}/ads/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resume (ad) */
        post: operations["resumeAd"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/projects/{projectId}/ads/{platform}/ads/{id}/schedule": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change the schedule (ad) */
        patch: operations["updateAdSchedule"];
        trace?: never;
    };
    "/v1/projects/{projectId}/ads/{platform}/ads/{id}/targeting": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Replace the targeting (ad) */
        patch: operations["updateAdTargeting"];
        trace?: never;
    };
    "/v1/projects/{projectId}/ads/{platform}/adsets/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a adset */
        get: operations["getAdSet"];
        put?: never;
        post?: never;
        /** Delete (adset) */
        delete: operations["deleteAdSet"];
        options?: never;
        head?: never;
        /** Rename (adset) */
        patch: operations["renameAdSet"];
        trace?: never;
    };
    "/v1/projects/{projectId}/ads/{platform}/adsets/{id}/ads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the ads of a adset, newest first */
        get: operations["listAdSetAds"];
        put?: never;
        /** Create a ad under the adset */
        post: operations["createAdSetAd"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/projects/{projectId}/ads/{platform}/adsets/{id}/archive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Archive (adset) */
        post: operations["archiveAdSet"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/projects/{projectId}/ads/{platform}/adsets/{id}/bid": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change the bid (adset) */
        patch: operations["updateAdSetBid"];
        trace?: never;
    };
    "/v1/projects/{projectId}/ads/{platform}/adsets/{id}/budget": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change the budget (adset) */
        patch: operations["updateAdSetBudget"];
        trace?: never;
    };
    "/v1/projects/{projectId}/ads/{platform}/adsets/{id}/creatives": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Push a creative (a new ad) into the adset */
        post: operations["pushAdSetCreative"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/projects/{projectId}/ads/{platform}/adsets/{id}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Pause (adset) */
        post: operations["pauseAdSet"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/projects/{projectId}/ads/{platform}/adsets/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resume (adset) */
        post: operations["resumeAdSet"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/projects/{projectId}/ads/{platform}/adsets/{id}/schedule": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change the schedule (adset) */
        patch: operations["updateAdSetSchedule"];
        trace?: never;
    };
    "/v1/projects/{projectId}/ads/{platform}/adsets/{id}/targeting": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Replace the targeting (adset) */
        patch: operations["updateAdSetTargeting"];
        trace?: never;
    };
    "/v1/projects/{projectId}/ads/{platform}/authority/evaluate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** What the gate would decide for a write (nothing is written) */
        post: operations["evaluateAuthority"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/projects/{projectId}/ads/{platform}/campaigns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a platform's campaigns, newest first */
        get: operations["listCampaigns"];
        put?: never;
        /**
         * Create a campaign (starts PAUSED unless asked)
         * @description The body is the one of the path's platform (`meta`, `tiktok`, `apple`); each adds its own extras.
         */
        post: operations["createCampaign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/projects/{projectId}/ads/{platform}/campaigns/{campaignId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a campaign */
        get: operations["getCampaign"];
        put?: never;
        post?: never;
        /** Delete (campaign) */
        delete: operations["deleteCampaign"];
        options?: never;
        head?: never;
        /** Rename (campaign) */
        patch: operations["renameCampaign"];
        trace?: never;
    };
    "/v1/projects/{projectId}/ads/{platform}/campaigns/{campaignId}/adgroups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the adgroups of a campaign, newest first */
        get: operations["listCampaignAdGroups"];
        put?: never;
        /** Create a adgroup under the campaign */
        post: operations["createAdGroup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/projects/{projectId}/ads/{platform}/campaigns/{campaignId}/adsets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the adsets of a campaign, newest first */
        get: operations["listCampaignAdSets"];
        put?: never;
        /** Create a adset under the campaign */
        post: operations["createAdSet"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/projects/{projectId}/ads/{platform}/campaigns/{campaignId}/archive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Archive (campaign) */
        post: operations["archiveCampaign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/projects/{projectId}/ads/{platform}/campaigns/{campaignId}/authority": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The campaign's effective authority and where it comes from */
        get: operations["getCampaignAuthority"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change the campaign's authority (within the customer's ceiling) */
        patch: operations["updateCampaignAuthority"];
        trace?: never;
    };
    "/v1/projects/{projectId}/ads/{platform}/campaigns/{campaignId}/bid": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change the bid (campaign) */
        patch: operations["updateCampaignBid"];
        trace?: never;
    };
    "/v1/projects/{projectId}/ads/{platform}/campaigns/{campaignId}/budget": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change the budget (campaign) */
        patch: operations["updateCampaignBudget"];
        trace?: never;
    };
    "/v1/projects/{projectId}/ads/{platform}/campaigns/{campaignId}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Pause (campaign) */
        post: operations["pauseCampaign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/projects/{projectId}/ads/{platform}/campaigns/{campaignId}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resume (campaign) */
        post: operations["resumeCampaign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/projects/{projectId}/ads/{platform}/campaigns/{campaignId}/schedule": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change the schedule (campaign) */
        patch: operations["updateCampaignSchedule"];
        trace?: never;
    };
    "/v1/projects/{projectId}/ads/{platform}/campaigns/{campaignId}/targeting": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Replace the targeting (campaign) */
        patch: operations["updateCampaignTargeting"];
        trace?: never;
    };
    "/v1/projects/{projectId}/ads/{platform}/defaults": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The layer's default authority */
        get: operations["getDefaults"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change the layer's default authority */
        patch: operations["updateDefaults"];
        trace?: never;
    };
    "/v1/projects/{projectId}/ads/{platform}/kill-switch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Stop (or release) every write to the layer's platform */
        put: operations["setKillSwitch"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/projects/{projectId}/ads/{platform}/pending": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List pending actions, newest first */
        get: operations["listPendingActions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/projects/{projectId}/ads/{platform}/pending/{pendingActionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a pending action */
        get: operations["getPendingAction"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/projects/{projectId}/ads/{platform}/pending/{pendingActionId}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve a pending action: its write is decided again and dispatched */
        post: operations["approvePendingAction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/projects/{projectId}/ads/{platform}/pending/{pendingActionId}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject a pending action (its job is canceled) */
        post: operations["rejectPendingAction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/projects/{projectId}/ads/{platform}/policy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What partners may do on the layer (customer only) */
        get: operations["getPolicy"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change what partners may do on the layer (a partner gets 403 CUSTOMER_ONLY) */
        patch: operations["updatePolicy"];
        trace?: never;
    };
    "/v1/projects/{projectId}/ads/ad-accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The project's connected ad accounts */
        get: operations["listAdAccounts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/projects/{projectId}/ads/ad-accounts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an ad account */
        get: operations["getAdAccount"];
        put?: never;
        post?: never;
        /** Disconnect an ad account (its token is dropped) */
        delete: operations["disconnectAdAccount"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/projects/{projectId}/ads/ad-accounts/oauth-url": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A consent URL that connects the customer's ad account */
        post: operations["createOauthUrl"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/projects/{projectId}/ads/campaigns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the campaigns of every platform, newest first */
        get: operations["listAllCampaigns"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/projects/{projectId}/ads/optimizer/run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start an optimizer run */
        post: operations["runOptimizer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/projects/{projectId}/ads/optimizer/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List optimizer runs, newest first */
        get: operations["listOptimizerRuns"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/projects/{projectId}/ads/optimizer/runs/{runId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an optimizer run and its proposals */
        get: operations["getOptimizerRun"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/projects/{projectId}/archive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Archive a project (read-only afterwards) */
        post: operations["archiveProject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/projects/{projectId}/layers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The project's layers (one per platform) */
        get: operations["listLayers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/endpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List webhook endpoints, newest first */
        get: operations["listWebhookEndpoints"];
        put?: never;
        /** Register a webhook endpoint (its signing secret is shown once) */
        post: operations["createWebhookEndpoint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/endpoints/{endpointId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a webhook endpoint */
        get: operations["getWebhookEndpoint"];
        put?: never;
        post?: never;
        /** Delete a webhook endpoint */
        delete: operations["deleteWebhookEndpoint"];
        options?: never;
        head?: never;
        /** Change a webhook endpoint (URL, events, enabled) */
        patch: operations["updateWebhookEndpoint"];
        trace?: never;
    };
    "/v1/webhooks/endpoints/{endpointId}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List an endpoint's deliveries, newest first */
        get: operations["listWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/endpoints/{endpointId}/deliveries/{deliveryId}/resend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send one delivery again */
        post: operations["resendWebhookDelivery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/endpoints/{endpointId}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Deliver the events of a time range again */
        post: operations["replayWebhookEvents"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/endpoints/{endpointId}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rotate the signing secret (the old one is honoured for an overlap) */
        post: operations["rotateWebhookSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/endpoints/{endpointId}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a test event to the endpoint */
        post: operations["testWebhookEndpoint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/whoami": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who the credential speaks for */
        get: operations["getWhoami"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AdAccount: {
            /** Format: date-time */
            connectedAt: string;
            currency: string;
            id: string;
            layerId: string;
            name: string | null;
            /** @enum {string} */
            platform: "meta_ads" | "tiktok_ads" | "apple_ads";
            platformAccountId: string;
            /** @enum {string} */
            status: "connected" | "token_expired" | "disconnected";
            /** Format: date-time */
            tokenExpiresAt?: string;
        };
        AdEntity: {
            adAccountId: string;
            bidCents: number | null;
            bidStrategy: string | null;
            campaignId: string;
            createdAt: string;
            creative: {
                [key: string]: unknown;
            } | null;
            currency: string;
            dailyBudgetCents: number | null;
            endTime: string | null;
            id: string;
            /** @enum {string} */
            kind: "campaign" | "adset" | "adgroup" | "ad" | "keyword";
            layerId: string;
            lifetimeBudgetCents: number | null;
            matchType: ("BROAD" | "EXACT") | null;
            name: string;
            /** @enum {string} */
            origin: "layers" | "platform";
            parentId: string | null;
            /** @enum {string} */
            platform: "meta" | "tiktok" | "apple";
            platformId: string | null;
            /** Format: uuid */
            projectId: string;
            startTime: string | null;
            status: string;
            targeting: {
                [key: string]: unknown;
            } | null;
            updatedAt: string;
        };
        ApiKey: {
            createdAt: string;
            id: string;
            last4: string;
            lastUsedAt: string | null;
            name: string;
            organizationId: string;
            previousSecretExpiresAt: string | null;
            revokedAt: string | null;
            scopes: string[];
            /** @enum {string} */
            status: "active" | "revoked";
            tier: string;
        };
        ApiKeyWithSecret: {
            createdAt: string;
            id: string;
            last4: string;
            lastUsedAt: string | null;
            name: string;
            organizationId: string;
            previousSecretExpiresAt: string | null;
            revokedAt: string | null;
            scopes: string[];
            secret: string;
            /** @enum {string} */
            status: "active" | "revoked";
            tier: string;
        };
        ApproveAnswer: {
            campaignId?: string;
            entityId?: string;
            jobId: string;
            pendingActionId: string;
            /** @enum {string} */
            status: "dispatching" | "pending_approval" | "accepted";
            /** Format: uuid */
            verdictId?: string;
        };
        AuditEntry: {
            actorApiKeyId: string | null;
            actorOnBehalfOf: string | null;
            actorOrganizationId: string | null;
            /** @enum {string} */
            actorType: "partner" | "customer" | "optimizer" | "system";
            actorUserId: string | null;
            /** @enum {string} */
            axis: "creative" | "tactical" | "structural" | "policy";
            /** @enum {string} */
            decision: "allow" | "queue_for_approval" | "deny" | "cancel";
            intent: {
                /** Format: date-time */
                acceptedAt: string;
                actor: {
                    apiKeyId?: string;
                    onBehalfOf?: string;
                    organizationId: string;
                    /** @enum {string} */
                    type: "partner" | "customer" | "optimizer" | "system";
                    userId?: string;
                };
                entityKey: string;
                entitySeq: number;
                intentId: string;
                jobId: string;
                layerId: string;
                /** @enum {string} */
                operation: "create_campaign" | "update_campaign" | "pause_campaign" | "resume_campaign" | "archive_campaign" | "delete_campaign" | "create_adset" | "update_adset" | "pause_adset" | "resume_adset" | "archive_adset" | "delete_adset" | "create_adgroup" | "update_adgroup" | "pause_adgroup" | "resume_adgroup" | "archive_adgroup" | "delete_adgroup" | "create_ad" | "update_ad" | "pause_ad" | "resume_ad" | "archive_ad" | "delete_ad" | "create_keyword" | "pause_keyword" | "resume_keyword" | "archive_keyword" | "delete_keyword" | "update_budget" | "update_bid" | "update_schedule" | "update_targeting" | "push_creative" | "replace_creative" | "prune_creative" | "update_authority" | "update_defaults" | "set_kill_switch" | "update_policy";
                organizationId: string;
                params: {
                    [key: string]: unknown;
                };
                pendingActionId?: string;
                /** @enum {string} */
                platform: "meta" | "tiktok" | "apple";
                /** Format: uuid */
                projectId: string;
                proposal?: {
                    currentValue?: {
                        [key: string]: unknown;
                    } | null;
                    evidence: {
                        [key: string]: unknown;
                    };
                    newValue?: {
                        [key: string]: unknown;
                    } | null;
                    rationale: string;
                };
                requestId: string;
                /** @enum {string} */
                source: "api" | "approval" | "optimizer";
            };
            layerId: string | null;
            /** Format: date-time */
            occurredAt: string;
            /** @enum {string} */
            operation: "create_campaign" | "update_campaign" | "pause_campaign" | "resume_campaign" | "archive_campaign" | "delete_campaign" | "create_adset" | "update_adset" | "pause_adset" | "resume_adset" | "archive_adset" | "delete_adset" | "create_adgroup" | "update_adgroup" | "pause_adgroup" | "resume_adgroup" | "archive_adgroup" | "delete_adgroup" | "create_ad" | "update_ad" | "pause_ad" | "resume_ad" | "archive_ad" | "delete_ad" | "create_keyword" | "pause_keyword" | "resume_keyword" | "archive_keyword" | "delete_keyword" | "update_budget" | "update_bid" | "update_schedule" | "update_targeting" | "push_creative" | "replace_creative" | "prune_creative" | "update_authority" | "update_defaults" | "set_kill_switch" | "update_policy";
            pendingActionId: string | null;
            platform: ("meta" | "tiktok" | "apple") | null;
            projectId: string | null;
            reason: ("not_partner_writable" | "kill_switch_active" | "partner_consent_missing" | "exceeds_customer_policy" | "apple_adgroup_grain_violation" | "authority_axis_off" | "budget_cap_exceeded") | null;
            requestId: string | null;
            /** Format: uuid */
            verdictId: string;
        };
        BudgetBody: {
            dailyBudgetCents?: number;
            lifetimeBudgetCents?: number;
        };
        Campaign: {
            adAccountId: string;
            attributes: {
                [key: string]: unknown;
            };
            authority: {
                /** @enum {string} */
                creative: "off" | "draft" | "auto";
                /** @enum {string} */
                structural: "off" | "draft" | "auto";
                /** @enum {string} */
                tactical: "off" | "draft" | "auto";
            };
            /** @enum {string} */
            authoritySource: "campaign" | "defaults";
            bidStrategy: string | null;
            createdAt: string;
            currency: string;
            dailyBudgetCents: number | null;
            endTime: string | null;
            id: string;
            layerId: string;
            lifetimeBudgetCents: number | null;
            name: string;
            objective: string | null;
            /** @enum {string} */
            origin: "layers" | "platform";
            outcome: string | null;
            /** @enum {string} */
            platform: "meta" | "tiktok" | "apple";
            platformCampaignId: string | null;
            /** Format: uuid */
            projectId: string;
            startTime: string | null;
            status: string;
            targeting: {
                [key: string]: unknown;
            } | null;
            updatedAt: string;
        };
        CampaignAuthority: {
            authority: {
                /** @enum {string} */
                creative: "off" | "draft" | "auto";
                /** @enum {string} */
                structural: "off" | "draft" | "auto";
                /** @enum {string} */
                tactical: "off" | "draft" | "auto";
            };
            campaignId: string;
            modes: {
                campaignManagementMode: ("manual" | "draft" | "autopilot") | null;
                /** @enum {string} */
                creativeMode: "manual" | "draft" | "autopilot";
            };
            /** @enum {string} */
            source: "campaign" | "defaults";
        };
        CreateAdBody: {
            creative: {
                /** @enum {string} */
                callToAction?: "LEARN_MORE" | "SHOP_NOW" | "SIGN_UP" | "DOWNLOAD" | "INSTALL_MOBILE_APP" | "CONTACT_US" | "BOOK_TRAVEL" | "SUBSCRIBE";
                headline?: string;
                /** Format: uri */
                imageUrl?: string;
                /** Format: uri */
                linkUrl: string;
                pageId?: string;
                primaryText: string;
                videoId?: string;
            };
            name: string;
            /** @enum {string} */
            status?: "ACTIVE" | "PAUSED";
        };
        CreateAdGroupBody: {
            automatedKeywordsOptIn?: boolean;
            bidCents?: number;
            bidStrategy?: string;
            billingEvent?: string;
            dailyBudgetCents?: number;
            /** Format: date-time */
            endTime?: string;
            lifetimeBudgetCents?: number;
            name: string;
            optimizationGoal?: string;
            /** @enum {string} */
            pacing?: "PACING_MODE_SMOOTH" | "PACING_MODE_FAST";
            /** @enum {string} */
            pricingModel?: "CPC" | "CPM";
            /** Format: date-time */
            startTime?: string;
            /** @enum {string} */
            status?: "ACTIVE" | "PAUSED";
            targeting?: {
                ageMax?: number;
                ageMin?: number;
                countries?: string[];
                genders?: ("male" | "female")[];
                locationIds?: string[];
            };
        };
        CreateKeywordBody: {
            bidCents?: number;
            /** @enum {string} */
            matchType: "BROAD" | "EXACT";
            /** @enum {string} */
            status?: "ACTIVE" | "PAUSED";
            text: string;
        };
        CreateProjectBody: {
            customerExternalId?: string;
            name: string;
            primaryLanguage?: string;
            timezone?: string;
        };
        DefaultsView: {
            authority: {
                /** @enum {string} */
                creative: "off" | "draft" | "auto";
                /** @enum {string} */
                structural: "off" | "draft" | "auto";
                /** @enum {string} */
                tactical: "off" | "draft" | "auto";
            };
            kill_switch_active: boolean;
            layerId: string;
            /** @enum {string} */
            platform: "meta" | "tiktok" | "apple";
        };
        Job: {
            completedAt: string | null;
            createdAt: string;
            error: {
                code: string;
                message: string;
                reason?: string;
            } | null;
            id: string;
            kind: string;
            organizationId: string;
            pendingActionId: string | null;
            projectId: string | null;
            result: {
                [key: string]: unknown;
            } | null;
            /** @enum {string} */
            status: "queued" | "running" | "completed" | "failed" | "canceled";
            updatedAt: string;
            verdict: {
                /** @enum {string} */
                decision: "allow" | "queue_for_approval" | "deny";
                reason: string | null;
                /** Format: uuid */
                verdictId: string;
            } | null;
        };
        Layer: {
            ceiling: {
                /** @enum {string} */
                creative: "off" | "draft" | "auto";
                /** @enum {string} */
                structural: "off" | "draft" | "auto";
                /** @enum {string} */
                tactical: "off" | "draft" | "auto";
            };
            createdAt: string;
            currency: string;
            defaults: {
                /** @enum {string} */
                creative: "off" | "draft" | "auto";
                /** @enum {string} */
                structural: "off" | "draft" | "auto";
                /** @enum {string} */
                tactical: "off" | "draft" | "auto";
            };
            id: string;
            killSwitchActive: boolean;
            maxDailyBudgetCents: number | null;
            partnerWritesEnabled: boolean;
            /** @enum {string} */
            platform: "meta" | "tiktok" | "apple";
            /** Format: uuid */
            projectId: string;
            writerPreset: ("END_TO_END" | "ADGROUP_GRAIN") | null;
        };
        OptimizerRun: {
            completedAt: string | null;
            dryRun: boolean;
            error: {
                code: string;
                message: string;
            } | null;
            id: string;
            jobId: string | null;
            layerId: string;
            /** @enum {string} */
            platform: "meta_ads" | "tiktok_ads" | "apple_ads";
            proposals: {
                actionType: string;
                currentValue: unknown;
                entity: {
                    id: string;
                    /** @enum {string} */
                    level: "campaign" | "adset" | "adgroup" | "ad" | "keyword";
                    name: string;
                };
                evidence: {
                    [key: string]: unknown;
                };
                id: string;
                jobId?: string;
                newValue: unknown;
                pendingActionId?: string;
                rationale: string;
                /** @enum {string} */
                rule: "pause_without_results" | "move_budget" | "replace_fatigued_creative";
                verdict: {
                    decision: ("allow" | "queue_for_approval" | "deny") | null;
                    /** @enum {string} */
                    reason?: "not_partner_writable" | "kill_switch_active" | "partner_consent_missing" | "exceeds_customer_policy" | "apple_adgroup_grain_violation" | "authority_axis_off" | "budget_cap_exceeded";
                    verdictId?: string;
                };
            }[];
            startedAt: string | null;
            /** @enum {string} */
            status: "queued" | "running" | "completed" | "failed";
            summary: {
                allowed: number;
                changes: string[];
                denied: number;
                held: {
                    actionType: string;
                    entityId: string;
                    reason: string;
                }[];
                metrics: {
                    rows: number;
                    unknownObjects: number;
                };
                notes: string[];
                proposals: number;
                queued: number;
            } | null;
            /** @enum {string} */
            trigger: "api" | "schedule";
            window: {
                since: string;
                until: string;
            };
        };
        Organization: {
            createdAt: string;
            id: string;
            metadata: {
                [key: string]: string;
            };
            name: string;
            parentOrganizationId: string | null;
            /** @enum {string} */
            status: "active" | "suspended" | "archived";
            updatedAt: string;
        };
        PatchProjectBody: {
            customerExternalId?: string | null;
            name?: string;
            primaryLanguage?: string;
            timezone?: string;
        };
        PendingAction: {
            /** @enum {string} */
            actionType: "create_campaign" | "update_campaign" | "pause_campaign" | "resume_campaign" | "archive_campaign" | "delete_campaign" | "create_adset" | "update_adset" | "pause_adset" | "resume_adset" | "archive_adset" | "delete_adset" | "create_adgroup" | "update_adgroup" | "pause_adgroup" | "resume_adgroup" | "archive_adgroup" | "delete_adgroup" | "create_ad" | "update_ad" | "pause_ad" | "resume_ad" | "archive_ad" | "delete_ad" | "create_keyword" | "pause_keyword" | "resume_keyword" | "archive_keyword" | "delete_keyword" | "update_budget" | "update_bid" | "update_schedule" | "update_targeting" | "push_creative" | "replace_creative" | "prune_creative" | "update_authority" | "update_defaults" | "set_kill_switch" | "update_policy";
            actor: {
                apiKeyId?: string;
                organizationId: string | null;
                /** @enum {string} */
                type: "partner" | "customer" | "optimizer" | "system";
                userId?: string;
            };
            campaignId: string | null;
            /** Format: date-time */
            createdAt: string;
            currentValue: {
                [key: string]: unknown;
            } | null;
            dispatchedAt: string | null;
            dispatchedFailureReason: string | null;
            entityName: string | null;
            id: string;
            jobId: string;
            newValue: {
                [key: string]: unknown;
            } | null;
            proposedAction: {
                detail: unknown;
            };
            rationale: string | null;
            rejectReason: string | null;
            /** @enum {string} */
            status: "pending" | "approved" | "rejected" | "dispatched" | "dispatch_failed" | "expired" | "canceled";
            /** Format: date-time */
            updatedAt: string;
        };
        PolicyView: {
            ceiling: {
                /** @enum {string} */
                creative: "off" | "draft" | "auto";
                /** @enum {string} */
                structural: "off" | "draft" | "auto";
                /** @enum {string} */
                tactical: "off" | "draft" | "auto";
            };
            killSwitchActive: boolean;
            layerId: string;
            maxDailyBudgetCents: number | null;
            partnerWritesEnabled: boolean;
            /** @enum {string} */
            platform: "meta" | "tiktok" | "apple";
            writerPreset: ("END_TO_END" | "ADGROUP_GRAIN") | null;
        };
        Problem: {
            /** @enum {string} */
            code: "UNAUTHENTICATED" | "INSUFFICIENT_SCOPE" | "CUSTOMER_ONLY" | "AUTHORITY_DENIED" | "KILL_SWITCH" | "ORG_SUSPENDED" | "ORG_ARCHIVED" | "NOT_FOUND" | "CONFLICT" | "IDEMPOTENCY_CONFLICT" | "VALIDATION" | "UNSUPPORTED_ON_PLATFORM" | "RATE_LIMITED" | "UNAVAILABLE" | "INTERNAL";
            detail: string;
            errors?: {
                detail: string;
                pointer: string;
            }[];
            jobStatus?: string;
            reason?: string;
            requestId: string;
            runId?: string;
            status: number;
            title: string;
            type: string;
            verdictId?: string;
        };
        Project: {
            createdAt: string;
            customerExternalId: string | null;
            /** Format: uuid */
            id: string;
            name: string;
            organizationId: string;
            primaryLanguage: string | null;
            /** @enum {string} */
            status: "active" | "archived";
            timezone: string | null;
            updatedAt: string;
        };
        ProjectWithLayers: {
            createdAt: string;
            customerExternalId: string | null;
            /** Format: uuid */
            id: string;
            layers: components["schemas"]["Layer"][];
            name: string;
            organizationId: string;
            primaryLanguage: string | null;
            /** @enum {string} */
            status: "active" | "archived";
            timezone: string | null;
            updatedAt: string;
        };
        WebhookDelivery: {
            attemptCount: number;
            attempts: {
                at: string;
                attempt: number;
                error: string | null;
                latencyMs: number | null;
                responseExcerpt: string | null;
                statusCode: number | null;
            }[];
            createdAt: string;
            endpointId: string;
            eventId: string;
            eventType: string;
            id: string;
            lastError: string | null;
            lastStatusCode: number | null;
            nextAttemptAt: string | null;
            /** @enum {string} */
            origin: "event" | "test" | "replay";
            /** @enum {string} */
            status: "pending" | "succeeded" | "failed";
        };
        WebhookEndpoint: {
            createdAt: string;
            description: string | null;
            disabledAt: string | null;
            disabledReason: string | null;
            enabled: boolean;
            events: string[] | null;
            failingSince: string | null;
            id: string;
            previousSecretExpiresAt: string | null;
            /** @enum {string} */
            scope: "own" | "all_children";
            updatedAt: string;
            url: string;
        };
        WebhookEndpointWithSecret: {
            createdAt: string;
            description: string | null;
            disabledAt: string | null;
            disabledReason: string | null;
            enabled: boolean;
            events: string[] | null;
            failingSince: string | null;
            id: string;
            previousSecretExpiresAt: string | null;
            /** @enum {string} */
            scope: "own" | "all_children";
            secret: string;
            updatedAt: string;
            url: string;
        };
        Whoami: {
            actor: {
                apiKeyId: string;
                onBehalfOf?: string;
                /** @constant */
                type: "partner";
            };
            organizationId: string;
            parentOrganizationId: string | null;
            scopes: string[];
        } | {
            actor: {
                /** @constant */
                type: "customer";
                userId: string;
            };
            organizationId: string;
            parentOrganizationId: string | null;
            /** Format: uuid */
            projectId: string;
            scopes: string[];
        };
        WriteAccepted: {
            campaignId?: string;
            entityId?: string;
            jobId: string;
            pendingActionId?: string;
            /** @enum {string} */
            status: "dispatching" | "pending_approval" | "accepted";
            /** Format: uuid */
            verdictId?: string;
        };
    };
    responses: {
        /** @description A header the API reads holds characters it does not accept */
        Problem400: {
            headers: {
                RateLimit: components["headers"]["RateLimit"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Missing or invalid credentials (`UNAUTHENTICATED`) */
        Problem401: {
            headers: {
                "WWW-Authenticate"?: string;
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Not allowed: missing scope, customer-only control, authority gate, kill switch, suspended organization */
        Problem403: {
            headers: {
                RateLimit: components["headers"]["RateLimit"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Not found (a foreign id is not found too) */
        Problem404: {
            headers: {
                RateLimit: components["headers"]["RateLimit"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Conflict: the resource's state, or an `Idempotency-Key` reused with another request */
        Problem409: {
            headers: {
                RateLimit: components["headers"]["RateLimit"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Body too large */
        Problem413: {
            headers: {
                RateLimit: components["headers"]["RateLimit"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Body is not JSON */
        Problem415: {
            headers: {
                RateLimit: components["headers"]["RateLimit"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Invalid request (`VALIDATION`, `UNSUPPORTED_ON_PLATFORM`); `errors[]` points at each bad field */
        Problem422: {
            headers: {
                RateLimit: components["headers"]["RateLimit"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Rate limited (`RATE_LIMITED`); retry after `Retry-After` seconds */
        Problem429: {
            headers: {
                RateLimit: components["headers"]["RateLimit"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                "Retry-After": components["headers"]["Retry-After"];
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Internal error */
        Problem500: {
            headers: {
                RateLimit: components["headers"]["RateLimit"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Temporarily unavailable (`UNAVAILABLE`); retry after `Retry-After` seconds when given */
        Problem503: {
            headers: {
                RateLimit: components["headers"]["RateLimit"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                "Retry-After": components["headers"]["Retry-After"];
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description A header the API reads holds characters it does not accept */
        PublicProblem400: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Not found (a foreign id is not found too) */
        PublicProblem404: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Body too large */
        PublicProblem413: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Body is not JSON */
        PublicProblem415: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Invalid request (`VALIDATION`, `UNSUPPORTED_ON_PLATFORM`); `errors[]` points at each bad field */
        PublicProblem422: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Internal error */
        PublicProblem500: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
    };
    parameters: {
        /** @description A parent organization's key acts inside one of its child organizations. */
        ActingOrganization: string;
        /** @description Makes a retry safe: the same key with the same request replays the first answer; with another request it is 409 IDEMPOTENCY_CONFLICT. */
        IdempotencyKey: string;
        /** @description Echoed back; a fresh one is made when absent or unusable. */
        RequestId: string;
    };
    requestBodies: never;
    headers: {
        /** @description What is left in the current window. */
        RateLimit: string;
        /** @description The quota of this key's tier and request class (IETF RateLimit headers). */
        "RateLimit-Policy": string;
        /** @description Seconds to wait before retrying. */
        "Retry-After": string;
        /** @description The request id (also in every problem body). */
        "X-Request-Id": string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getDocs: {
        parameters: {
            query?: never;
            header?: {
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            400: components["responses"]["PublicProblem400"];
            404: components["responses"]["PublicProblem404"];
            422: components["responses"]["PublicProblem422"];
            500: components["responses"]["PublicProblem500"];
        };
    };
    getDocsScript: {
        parameters: {
            query?: never;
            header?: {
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "text/javascript": string;
                };
            };
            400: components["responses"]["PublicProblem400"];
            404: components["responses"]["PublicProblem404"];
            422: components["responses"]["PublicProblem422"];
            500: components["responses"]["PublicProblem500"];
        };
    };
    getDocsBundle: {
        parameters: {
            query?: never;
            header?: {
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "text/javascript": string;
                };
            };
            400: components["responses"]["PublicProblem400"];
            404: components["responses"]["PublicProblem404"];
            422: components["responses"]["PublicProblem422"];
            500: components["responses"]["PublicProblem500"];
        };
    };
    getDocsStyles: {
        parameters: {
            query?: never;
            header?: {
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "text/css": string;
                };
            };
            400: components["responses"]["PublicProblem400"];
            404: components["responses"]["PublicProblem404"];
            422: components["responses"]["PublicProblem422"];
            500: components["responses"]["PublicProblem500"];
        };
    };
    getHealth: {
        parameters: {
            query?: never;
            header?: {
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        ok: true;
                    };
                };
            };
            400: components["responses"]["PublicProblem400"];
            404: components["responses"]["PublicProblem404"];
            422: components["responses"]["PublicProblem422"];
            500: components["responses"]["PublicProblem500"];
        };
    };
    getMetrics: {
        parameters: {
            query?: never;
            header?: {
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            400: components["responses"]["PublicProblem400"];
            404: components["responses"]["PublicProblem404"];
            422: components["responses"]["PublicProblem422"];
            500: components["responses"]["PublicProblem500"];
        };
    };
    getOpenApiDocument: {
        parameters: {
            query?: never;
            header?: {
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            400: components["responses"]["PublicProblem400"];
            404: components["responses"]["PublicProblem404"];
            422: components["responses"]["PublicProblem422"];
            500: components["responses"]["PublicProblem500"];
        };
    };
    getReadiness: {
        parameters: {
            query?: never;
            header?: {
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        checks: {
                            nats: boolean;
                            postgres: boolean;
                        };
                        ok: boolean;
                    };
                };
            };
            400: components["responses"]["PublicProblem400"];
            404: components["responses"]["PublicProblem404"];
            422: components["responses"]["PublicProblem422"];
            500: components["responses"]["PublicProblem500"];
            /** @description A dependency does not answer */
            503: {
                headers: {
                    "Retry-After": components["headers"]["Retry-After"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        checks: {
                            nats: boolean;
                            postgres: boolean;
                        };
                        ok: boolean;
                    };
                };
            };
        };
    };
    listAuditLog: {
        parameters: {
            query?: {
                actorType?: "partner" | "customer" | "optimizer" | "system";
                cursor?: string;
                decision?: "allow" | "queue_for_approval" | "deny" | "cancel";
                limit?: number;
                operation?: "create_campaign" | "update_campaign" | "pause_campaign" | "resume_campaign" | "archive_campaign" | "delete_campaign" | "create_adset" | "update_adset" | "pause_adset" | "resume_adset" | "archive_adset" | "delete_adset" | "create_adgroup" | "update_adgroup" | "pause_adgroup" | "resume_adgroup" | "archive_adgroup" | "delete_adgroup" | "create_ad" | "update_ad" | "pause_ad" | "resume_ad" | "archive_ad" | "delete_ad" | "create_keyword" | "pause_keyword" | "resume_keyword" | "archive_keyword" | "delete_keyword" | "update_budget" | "update_bid" | "update_schedule" | "update_targeting" | "push_creative" | "replace_creative" | "prune_creative" | "update_authority" | "update_defaults" | "set_kill_switch" | "update_policy";
                projectId?: string;
                since?: string;
                until?: string;
            };
            header?: {
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["AuditEntry"][];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    listJobs: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                projectId?: string;
                status?: "queued" | "running" | "completed" | "failed" | "canceled";
            };
            header?: {
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Job"][];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    getJob: {
        parameters: {
            query?: never;
            header?: {
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                jobId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Job"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    cancelJob: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request replays the first answer; with another request it is 409 IDEMPOTENCY_CONFLICT. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                jobId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Job"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    streamJobEvents: {
        parameters: {
            query?: never;
            header?: {
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                jobId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An event stream (text/event-stream) */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    appleConnectPage: {
        parameters: {
            query?: {
                state?: string;
            };
            header?: {
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description A header the API reads holds characters it does not accept */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/html": string;
                };
            };
            404: components["responses"]["PublicProblem404"];
            422: components["responses"]["PublicProblem422"];
            500: components["responses"]["PublicProblem500"];
        };
    };
    appleConnectSubmit: {
        parameters: {
            query?: never;
            header?: {
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/x-www-form-urlencoded": {
                    clientId: string;
                    keyId: string;
                    state: string;
                    teamId: string;
                };
            };
        };
        responses: {
            /** @description To the partner's return URL */
            303: {
                headers: {
                    Location?: string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A header the API reads holds characters it does not accept */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/html": string;
                };
            };
            404: components["responses"]["PublicProblem404"];
            413: components["responses"]["PublicProblem413"];
            415: components["responses"]["PublicProblem415"];
            /** @description Invalid request (`VALIDATION`, `UNSUPPORTED_ON_PLATFORM`); `errors[]` points at each bad field */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/html": string;
                };
            };
            500: components["responses"]["PublicProblem500"];
        };
    };
    oauthCallback: {
        parameters: {
            query?: {
                auth_code?: string;
                code?: string;
                error?: string;
                state?: string;
            };
            header?: {
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                platform: "meta" | "tiktok" | "apple";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description To the partner's return URL with `status=connected` or `status=error` */
            302: {
                headers: {
                    Location?: string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An unknown or used state */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/html": string;
                };
            };
            404: components["responses"]["PublicProblem404"];
            422: components["responses"]["PublicProblem422"];
            500: components["responses"]["PublicProblem500"];
        };
    };
    getReturnUrls: {
        parameters: {
            query?: never;
            header?: {
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        urls: string[];
                    };
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    setReturnUrls: {
        parameters: {
            query?: never;
            header?: {
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    urls: string[];
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        urls: string[];
                    };
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    listOrganizations: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                status?: "active" | "suspended" | "archived";
            };
            header?: {
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Organization"][];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    createOrganization: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request replays the first answer; with another request it is 409 IDEMPOTENCY_CONFLICT. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    metadata?: {
                        [key: string]: string;
                    };
                    name: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    Location?: string;
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Organization"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    getOrganization: {
        parameters: {
            query?: never;
            header?: {
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                orgId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Organization"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    updateOrganization: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request replays the first answer; with another request it is 409 IDEMPOTENCY_CONFLICT. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                orgId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    metadata?: {
                        [key: string]: string;
                    } | null;
                    name?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Organization"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    listApiKeys: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: {
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                orgId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["ApiKey"][];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    createApiKey: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request replays the first answer; with another request it is 409 IDEMPOTENCY_CONFLICT. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                orgId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    name: string;
                    scopes: string[];
                    /** @enum {string} */
                    tier?: "standard" | "scale" | "enterprise" | "internal";
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    Location?: string;
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyWithSecret"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    revokeApiKey: {
        parameters: {
            query?: never;
            header?: {
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                keyId: string;
                orgId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKey"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    rotateApiKey: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request replays the first answer; with another request it is 409 IDEMPOTENCY_CONFLICT. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                keyId: string;
                orgId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyWithSecret"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    archiveOrganization: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request replays the first answer; with another request it is 409 IDEMPOTENCY_CONFLICT. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                orgId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Organization"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    resumeOrganization: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request replays the first answer; with another request it is 409 IDEMPOTENCY_CONFLICT. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                orgId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Organization"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    suspendOrganization: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request replays the first answer; with another request it is 409 IDEMPOTENCY_CONFLICT. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                orgId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Organization"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    listProjects: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                status?: "active" | "archived";
            };
            header?: {
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Project"][];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    createProject: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request replays the first answer; with another request it is 409 IDEMPOTENCY_CONFLICT. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["CreateProjectBody"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    Location?: string;
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectWithLayers"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    getProject: {
        parameters: {
            query?: never;
            header?: {
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Project"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    updateProject: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request replays the first answer; with another request it is 409 IDEMPOTENCY_CONFLICT. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["PatchProjectBody"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Project"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    listAdsContent: {
        parameters: {
            query?: never;
            header?: {
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            adIds: string[];
                            clicks: number;
                            creative: {
                                /** @enum {string} */
                                callToAction?: "LEARN_MORE" | "SHOP_NOW" | "SIGN_UP" | "DOWNLOAD" | "INSTALL_MOBILE_APP" | "CONTACT_US" | "BOOK_TRAVEL" | "SUBSCRIBE";
                                headline?: string;
                                /** Format: uri */
                                imageUrl?: string;
                                /** Format: uri */
                                linkUrl: string;
                                pageId?: string;
                                primaryText: string;
                                videoId?: string;
                            };
                            id: string;
                            impressions: number;
                            override: ("include" | "exclude") | null;
                            /** @enum {string} */
                            platform: "meta" | "tiktok" | "apple";
                            score: number | null;
                        }[];
                    };
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    updateAdsContent: {
        parameters: {
            query?: never;
            header?: {
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    override: ("include" | "exclude") | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        adIds: string[];
                        clicks: number;
                        creative: {
                            /** @enum {string} */
                            callToAction?: "LEARN_MORE" | "SHOP_NOW" | "SIGN_UP" | "DOWNLOAD" | "INSTALL_MOBILE_APP" | "CONTACT_US" | "BOOK_TRAVEL" | "SUBSCRIBE";
                            headline?: string;
                            /** Format: uri */
                            imageUrl?: string;
                            /** Format: uri */
                            linkUrl: string;
                            pageId?: string;
                            primaryText: string;
                            videoId?: string;
                        };
                        id: string;
                        impressions: number;
                        override: ("include" | "exclude") | null;
                        /** @enum {string} */
                        platform: "meta" | "tiktok" | "apple";
                        score: number | null;
                    };
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    getAdsMetrics: {
        parameters: {
            query?: {
                entityId?: string;
                level?: "campaign" | "adset" | "adgroup" | "ad" | "keyword";
                platform?: "meta" | "tiktok" | "apple" | "meta_ads" | "tiktok_ads" | "apple_ads";
                since?: string;
                until?: string;
            };
            header?: {
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            clicks: number;
                            conversions: number;
                            date: string;
                            entityId: string;
                            impressions: number;
                            /** @enum {string} */
                            level: "campaign" | "adset" | "adgroup" | "ad" | "keyword";
                            spendCents: number;
                        }[];
                        totals: {
                            clicks: number;
                            conversions: number;
                            impressions: number;
                            spendCents: number;
                        };
                    };
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    getAdGroup: {
        parameters: {
            query?: never;
            header?: {
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
                platform: "meta" | "tiktok" | "apple";
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdEntity"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    deleteAdGroup: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request replays the first answer; with another request it is 409 IDEMPOTENCY_CONFLICT. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
                platform: "meta" | "tiktok" | "apple";
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Accepted (the write is queued or waiting for approval; follow the job) */
            202: {
                headers: {
                    Location?: string;
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteAccepted"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    renameAdGroup: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request replays the first answer; with another request it is 409 IDEMPOTENCY_CONFLICT. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
                platform: "meta" | "tiktok" | "apple";
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    name: string;
                };
            };
        };
        responses: {
            /** @description Accepted (the write is queued or waiting for approval; follow the job) */
            202: {
                headers: {
                    Location?: string;
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteAccepted"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    listAdGroupAds: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: {
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
                platform: "meta" | "tiktok" | "apple";
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["AdEntity"][];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    createAdGroupAd: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request replays the first answer; with another request it is 409 IDEMPOTENCY_CONFLICT. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
                platform: "meta" | "tiktok" | "apple";
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["CreateAdBody"];
            };
        };
        responses: {
            /** @description Accepted (the write is queued or waiting for approval; follow the job) */
            202: {
                headers: {
                    Location?: string;
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteAccepted"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    archiveAdGroup: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request replays the first answer; with another request it is 409 IDEMPOTENCY_CONFLICT. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
                platform: "meta" | "tiktok" | "apple";
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description Accepted (the write is queued or waiting for approval; follow the job) */
            202: {
                headers: {
                    Location?: string;
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteAccepted"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    updateAdGroupBid: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request replays the first answer; with another request it is 409 IDEMPOTENCY_CONFLICT. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
                platform: "meta" | "tiktok" | "apple";
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    bidCents?: number;
                    bidStrategy?: string;
                };
            };
        };
        responses: {
            /** @description Accepted (the write is queued or waiting for approval; follow the job) */
            202: {
                headers: {
                    Location?: string;
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteAccepted"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    updateAdGroupBudget: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request replays the first answer; with another request it is 409 IDEMPOTENCY_CONFLICT. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
                platform: "meta" | "tiktok" | "apple";
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["BudgetBody"];
            };
        };
        responses: {
            /** @description Accepted (the write is queued or waiting for approval; follow the job) */
            202: {
                headers: {
                    Location?: string;
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteAccepted"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    pushAdGroupCreative: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request replays the first answer; with another request it is 409 IDEMPOTENCY_CONFLICT. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
                platform: "meta" | "tiktok" | "apple";
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["CreateAdBody"];
            };
        };
        responses: {
            /** @description Accepted (the write is queued or waiting for approval; follow the job) */
            202: {
                headers: {
                    Location?: string;
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteAccepted"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    listAdGroupKeywords: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: {
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
                platform: "meta" | "tiktok" | "apple";
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["AdEntity"][];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    createKeyword: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request replays the first answer; with another request it is 409 IDEMPOTENCY_CONFLICT. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
                platform: "meta" | "tiktok" | "apple";
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["CreateKeywordBody"];
            };
        };
        responses: {
            /** @description Accepted (the write is queued or waiting for approval; follow the job) */
            202: {
                headers: {
                    Location?: string;
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteAccepted"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    getKeyword: {
        parameters: {
            query?: never;
            header?: {
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
                keywordId: string;
                platform: "meta" | "tiktok" | "apple";
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdEntity"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    deleteKeyword: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request replays the first answer; with another request it is 409 IDEMPOTENCY_CONFLICT. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
                keywordId: string;
                platform: "meta" | "tiktok" | "apple";
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Accepted (the write is queued or waiting for approval; follow the job) */
            202: {
                headers: {
                    Location?: string;
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteAccepted"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    archiveKeyword: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request replays the first answer; with another request it is 409 IDEMPOTENCY_CONFLICT. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
                keywordId: string;
                platform: "meta" | "tiktok" | "apple";
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description Accepted (the write is queued or waiting for approval; follow the job) */
            202: {
                headers: {
                    Location?: string;
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteAccepted"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    updateKeywordBid: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request replays the first answer; with another request it is 409 IDEMPOTENCY_CONFLICT. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
                keywordId: string;
                platform: "meta" | "tiktok" | "apple";
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    bidCents?: number;
                    bidStrategy?: string;
                };
            };
        };
        responses: {
            /** @description Accepted (the write is queued or waiting for approval; follow the job) */
            202: {
                headers: {
                    Location?: string;
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteAccepted"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    updateKeywordBudget: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request replays the first answer; with another request it is 409 IDEMPOTENCY_CONFLICT. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
                keywordId: string;
                platform: "meta" | "tiktok" | "apple";
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["BudgetBody"];
            };
        };
        responses: {
            /** @description Accepted (the write is queued or waiting for approval; follow the job) */
            202: {
                headers: {
                    Location?: string;
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteAccepted"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    pauseKeyword: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request replays the first answer; with another request it is 409 IDEMPOTENCY_CONFLICT. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
                keywordId: string;
                platform: "meta" | "tiktok" | "apple";
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description Accepted (the write is queued or waiting for approval; follow the job) */
            202: {
                headers: {
                    Location?: string;
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteAccepted"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    resumeKeyword: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request replays the first answer; with another request it is 409 IDEMPOTENCY_CONFLICT. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
                keywordId: string;
                platform: "meta" | "tiktok" | "apple";
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description Accepted (the write is queued or waiting for approval; follow the job) */
            202: {
                headers: {
                    Location?: string;
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteAccepted"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    updateKeywordSchedule: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request replays the first answer; with another request it is 409 IDEMPOTENCY_CONFLICT. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
                keywordId: string;
                platform: "meta" | "tiktok" | "apple";
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** Format: date-time */
                    endTime?: string;
                    /** Format: date-time */
                    startTime?: string;
                };
            };
        };
        responses: {
            /** @description Accepted (the write is queued or waiting for approval; follow the job) */
            202: {
                headers: {
                    Location?: string;
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteAccepted"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    updateKeywordTargeting: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request replays the first answer; with another request it is 409 IDEMPOTENCY_CONFLICT. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
                keywordId: string;
                platform: "meta" | "tiktok" | "apple";
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    ageMax?: number;
                    ageMin?: number;
                    countries?: string[];
                    genders?: ("male" | "female")[];
                    locationIds?: string[];
                };
            };
        };
        responses: {
            /** @description Accepted (the write is queued or waiting for approval; follow the job) */
            202: {
                headers: {
                    Location?: string;
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteAccepted"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    pauseAdGroup: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request replays the first answer; with another request it is 409 IDEMPOTENCY_CONFLICT. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
                platform: "meta" | "tiktok" | "apple";
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description Accepted (the write is queued or waiting for approval; follow the job) */
            202: {
                headers: {
                    Location?: string;
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteAccepted"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    resumeAdGroup: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request replays the first answer; with another request it is 409 IDEMPOTENCY_CONFLICT. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
                platform: "meta" | "tiktok" | "apple";
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description Accepted (the write is queued or waiting for approval; follow the job) */
            202: {
                headers: {
                    Location?: string;
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteAccepted"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    updateAdGroupSchedule: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request replays the first answer; with another request it is 409 IDEMPOTENCY_CONFLICT. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
                platform: "meta" | "tiktok" | "apple";
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** Format: date-time */
                    endTime?: string;
                    /** Format: date-time */
                    startTime?: string;
                };
            };
        };
        responses: {
            /** @description Accepted (the write is queued or waiting for approval; follow the job) */
            202: {
                headers: {
                    Location?: string;
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteAccepted"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    updateAdGroupTargeting: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request replays the first answer; with another request it is 409 IDEMPOTENCY_CONFLICT. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
                platform: "meta" | "tiktok" | "apple";
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    ageMax?: number;
                    ageMin?: number;
                    countries?: string[];
                    genders?: ("male" | "female")[];
                    locationIds?: string[];
                };
            };
        };
        responses: {
            /** @description Accepted (the write is queued or waiting for approval; follow the job) */
            202: {
                headers: {
                    Location?: string;
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteAccepted"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    getAd: {
        parameters: {
            query?: never;
            header?: {
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
                platform: "meta" | "tiktok" | "apple";
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdEntity"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    deleteAd: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request replays the first answer; with another request it is 409 IDEMPOTENCY_CONFLICT. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
                platform: "meta" | "tiktok" | "apple";
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Accepted (the write is queued or waiting for approval; follow the job) */
            202: {
                headers: {
                    Location?: string;
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteAccepted"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    renameAd: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request replays the first answer; with another request it is 409 IDEMPOTENCY_CONFLICT. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
                platform: "meta" | "tiktok" | "apple";
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    name: string;
                };
            };
        };
        responses: {
            /** @description Accepted (the write is queued or waiting for approval; follow the job) */
            202: {
                headers: {
                    Location?: string;
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteAccepted"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    archiveAd: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request replays the first answer; with another request it is 409 IDEMPOTENCY_CONFLICT. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
                platform: "meta" | "tiktok" | "apple";
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description Accepted (the write is queued or waiting for approval; follow the job) */
            202: {
                headers: {
                    Location?: string;
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteAccepted"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    updateAdBid: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request replays the first answer; with another request it is 409 IDEMPOTENCY_CONFLICT. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
                platform: "meta" | "tiktok" | "apple";
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    bidCents?: number;
                    bidStrategy?: string;
                };
            };
        };
        responses: {
            /** @description Accepted (the write is queued or waiting for approval; follow the job) */
            202: {
                headers: {
                    Location?: string;
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteAccepted"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    updateAdBudget: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request replays the first answer; with another request it is 409 IDEMPOTENCY_CONFLICT. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
                platform: "meta" | "tiktok" | "apple";
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["BudgetBody"];
            };
        };
        responses: {
            /** @description Accepted (the write is queued or waiting for approval; follow the job) */
            202: {
                headers: {
                    Location?: string;
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteAccepted"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    replaceAdCreative: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request replays the first answer; with another request it is 409 IDEMPOTENCY_CONFLICT. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
                platform: "meta" | "tiktok" | "apple";
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    creative: {
                        /** @enum {string} */
                        callToAction?: "LEARN_MORE" | "SHOP_NOW" | "SIGN_UP" | "DOWNLOAD" | "INSTALL_MOBILE_APP" | "CONTACT_US" | "BOOK_TRAVEL" | "SUBSCRIBE";
                        headline?: string;
                        /** Format: uri */
                        imageUrl?: string;
                        /** Format: uri */
                        linkUrl: string;
                        pageId?: string;
                        primaryText: string;
                        videoId?: string;
                    };
                };
            };
        };
        responses: {
            /** @description Accepted (the write is queued or waiting for approval; follow the job) */
            202: {
                headers: {
                    Location?: string;
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteAccepted"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    pruneAdCreative: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request replays the first answer; with another request it is 409 IDEMPOTENCY_CONFLICT. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
                platform: "meta" | "tiktok" | "apple";
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Accepted (the write is queued or waiting for approval; follow the job) */
            202: {
                headers: {
                    Location?: string;
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteAccepted"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    pauseAd: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request replays the first answer; with another request it is 409 IDEMPOTENCY_CONFLICT. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
                platform: "meta" | "tiktok" | "apple";
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description Accepted (the write is queued or waiting for approval; follow the job) */
            202: {
                headers: {
                    Location?: string;
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteAccepted"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    resumeAd: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request replays the first answer; with another request it is 409 IDEMPOTENCY_CONFLICT. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
                platform: "meta" | "tiktok" | "apple";
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description Accepted (the write is queued or waiting for approval; follow the job) */
            202: {
                headers: {
                    Location?: string;
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteAccepted"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    updateAdSchedule: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request replays the first answer; with another request it is 409 IDEMPOTENCY_CONFLICT. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
                platform: "meta" | "tiktok" | "apple";
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** Format: date-time */
                    endTime?: string;
                    /** Format: date-time */
                    startTime?: string;
                };
            };
        };
        responses: {
            /** @description Accepted (the write is queued or waiting for approval; follow the job) */
            202: {
                headers: {
                    Location?: string;
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteAccepted"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    updateAdTargeting: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request replays the first answer; with another request it is 409 IDEMPOTENCY_CONFLICT. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
                platform: "meta" | "tiktok" | "apple";
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    ageMax?: number;
                    ageMin?: number;
                    countries?: string[];
                    genders?: ("male" | "female")[];
                    locationIds?: string[];
                };
            };
        };
        responses: {
            /** @description Accepted (the write is queued or waiting for approval; follow the job) */
            202: {
                headers: {
                    Location?: string;
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteAccepted"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    getAdSet: {
        parameters: {
            query?: never;
            header?: {
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
                platform: "meta" | "tiktok" | "apple";
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdEntity"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    deleteAdSet: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request replays the first answer; with another request it is 409 IDEMPOTENCY_CONFLICT. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
                platform: "meta" | "tiktok" | "apple";
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Accepted (the write is queued or waiting for approval; follow the job) */
            202: {
                headers: {
                    Location?: string;
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteAccepted"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    renameAdSet: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request replays the first answer; with another request it is 409 IDEMPOTENCY_CONFLICT. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
                platform: "meta" | "tiktok" | "apple";
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    name: string;
                };
            };
        };
        responses: {
            /** @description Accepted (the write is queued or waiting for approval; follow the job) */
            202: {
                headers: {
                    Location?: string;
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteAccepted"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    listAdSetAds: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: {
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
                platform: "meta" | "tiktok" | "apple";
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["AdEntity"][];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    createAdSetAd: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request replays the first answer; with another request it is 409 IDEMPOTENCY_CONFLICT. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
                platform: "meta" | "tiktok" | "apple";
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["CreateAdBody"];
            };
        };
        responses: {
            /** @description Accepted (the write is queued or waiting for approval; follow the job) */
            202: {
                headers: {
                    Location?: string;
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteAccepted"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    archiveAdSet: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request replays the first answer; with another request it is 409 IDEMPOTENCY_CONFLICT. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
                platform: "meta" | "tiktok" | "apple";
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description Accepted (the write is queued or waiting for approval; follow the job) */
            202: {
                headers: {
                    Location?: string;
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteAccepted"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    updateAdSetBid: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request replays the first answer; with another request it is 409 IDEMPOTENCY_CONFLICT. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
                platform: "meta" | "tiktok" | "apple";
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    bidCents?: number;
                    bidStrategy?: string;
                };
            };
        };
        responses: {
            /** @description Accepted (the write is queued or waiting for approval; follow the job) */
            202: {
                headers: {
                    Location?: string;
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteAccepted"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    updateAdSetBudget: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request replays the first answer; with another request it is 409 IDEMPOTENCY_CONFLICT. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
                platform: "meta" | "tiktok" | "apple";
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["BudgetBody"];
            };
        };
        responses: {
            /** @description Accepted (the write is queued or waiting for approval; follow the job) */
            202: {
                headers: {
                    Location?: string;
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteAccepted"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    pushAdSetCreative: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request replays the first answer; with another request it is 409 IDEMPOTENCY_CONFLICT. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
                platform: "meta" | "tiktok" | "apple";
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["CreateAdBody"];
            };
        };
        responses: {
            /** @description Accepted (the write is queued or waiting for approval; follow the job) */
            202: {
                headers: {
                    Location?: string;
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteAccepted"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    pauseAdSet: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request replays the first answer; with another request it is 409 IDEMPOTENCY_CONFLICT. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
                platform: "meta" | "tiktok" | "apple";
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description Accepted (the write is queued or waiting for approval; follow the job) */
            202: {
                headers: {
                    Location?: string;
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteAccepted"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    resumeAdSet: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request replays the first answer; with another request it is 409 IDEMPOTENCY_CONFLICT. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
                platform: "meta" | "tiktok" | "apple";
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description Accepted (the write is queued or waiting for approval; follow the job) */
            202: {
                headers: {
                    Location?: string;
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteAccepted"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    updateAdSetSchedule: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request replays the first answer; with another request it is 409 IDEMPOTENCY_CONFLICT. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
                platform: "meta" | "tiktok" | "apple";
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** Format: date-time */
                    endTime?: string;
                    /** Format: date-time */
                    startTime?: string;
                };
            };
        };
        responses: {
            /** @description Accepted (the write is queued or waiting for approval; follow the job) */
            202: {
                headers: {
                    Location?: string;
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteAccepted"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    updateAdSetTargeting: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request replays the first answer; with another request it is 409 IDEMPOTENCY_CONFLICT. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
                platform: "meta" | "tiktok" | "apple";
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    ageMax?: number;
                    ageMin?: number;
                    countries?: string[];
                    genders?: ("male" | "female")[];
                    locationIds?: string[];
                };
            };
        };
        responses: {
            /** @description Accepted (the write is queued or waiting for approval; follow the job) */
            202: {
                headers: {
                    Location?: string;
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteAccepted"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    evaluateAuthority: {
        parameters: {
            query?: never;
            header?: {
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                platform: "meta" | "tiktok" | "apple";
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    campaignId?: string;
                    /** @enum {string} */
                    operation: "create_campaign" | "update_campaign" | "pause_campaign" | "resume_campaign" | "archive_campaign" | "delete_campaign" | "create_adset" | "update_adset" | "pause_adset" | "resume_adset" | "archive_adset" | "delete_adset" | "create_adgroup" | "update_adgroup" | "pause_adgroup" | "resume_adgroup" | "archive_adgroup" | "delete_adgroup" | "create_ad" | "update_ad" | "pause_ad" | "resume_ad" | "archive_ad" | "delete_ad" | "create_keyword" | "pause_keyword" | "resume_keyword" | "archive_keyword" | "delete_keyword" | "update_budget" | "update_bid" | "update_schedule" | "update_targeting" | "push_creative" | "replace_creative" | "prune_creative" | "update_authority" | "update_defaults" | "set_kill_switch" | "update_policy";
                    params?: {
                        authority?: {
                            /** @enum {string} */
                            creative?: "off" | "draft" | "auto";
                            /** @enum {string} */
                            structural?: "off" | "draft" | "auto";
                            /** @enum {string} */
                            tactical?: "off" | "draft" | "auto";
                        };
                        /** @enum {string} */
                        campaignManagementMode?: "manual" | "draft" | "autopilot";
                        /** @enum {string} */
                        creativeMode?: "manual" | "draft" | "autopilot";
                        dailyBudgetCents?: number;
                        lifetimeBudgetCents?: number;
                    };
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        axis: "creative" | "tactical" | "structural" | "policy";
                        /** @enum {string} */
                        decision: "allow" | "queue_for_approval" | "deny";
                        /** @enum {string} */
                        reason?: "not_partner_writable" | "kill_switch_active" | "partner_consent_missing" | "exceeds_customer_policy" | "apple_adgroup_grain_violation" | "authority_axis_off" | "budget_cap_exceeded";
                    };
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    listCampaigns: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: {
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                platform: "meta" | "tiktok" | "apple";
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Campaign"][];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    createCampaign: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request replays the first answer; with another request it is 409 IDEMPOTENCY_CONFLICT. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                platform: "meta" | "tiktok" | "apple";
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    adAccountId: string;
                    /** @enum {string} */
                    bidStrategy?: "LOWEST_COST_WITHOUT_CAP" | "LOWEST_COST_WITH_BID_CAP" | "COST_CAP" | "LOWEST_COST_WITH_MIN_ROAS";
                    /** @enum {string} */
                    campaignManagementMode: "manual" | "draft" | "autopilot";
                    /** @enum {string} */
                    creativeMode: "manual" | "draft" | "autopilot";
                    dailyBudgetCents?: number;
                    lifetimeBudgetCents?: number;
                    name: string;
                    /** @enum {string} */
                    outcome: "conversions" | "traffic" | "app_installs" | "awareness" | "engagement" | "leads" | "sales";
                    specialAdCategories?: ("EMPLOYMENT" | "HOUSING" | "CREDIT" | "FINANCIAL_PRODUCTS_SERVICES" | "ISSUES_ELECTIONS_POLITICS" | "ONLINE_GAMBLING_AND_GAMING")[];
                    /** Format: date-time */
                    startTime?: string;
                    /** @enum {string} */
                    status?: "ACTIVE" | "PAUSED";
                    /** Format: date-time */
                    stopTime?: string;
                } | {
                    adAccountId: string;
                    budgetOptimizeOn?: boolean;
                    /** @enum {string} */
                    campaignManagementMode: "manual" | "draft" | "autopilot";
                    /** @enum {string} */
                    creativeMode: "manual" | "draft" | "autopilot";
                    dailyBudgetCents?: number;
                    lifetimeBudgetCents?: number;
                    name: string;
                    /** @enum {string} */
                    outcome: "conversions" | "traffic" | "app_installs" | "awareness" | "engagement" | "leads" | "sales";
                    specialIndustries?: ("HOUSING" | "EMPLOYMENT" | "CREDIT")[];
                    /** @enum {string} */
                    status?: "ACTIVE" | "PAUSED";
                } | {
                    adAccountId: string;
                    adamId: string | number;
                    /** @enum {string} */
                    adChannelType?: "SEARCH" | "DISPLAY";
                    /** @enum {string} */
                    billingEvent?: "TAPS" | "IMPRESSIONS";
                    /** @enum {string} */
                    campaignManagementMode: "manual" | "draft" | "autopilot";
                    countriesOrRegions: string[];
                    /** @enum {string} */
                    creativeMode: "manual" | "draft" | "autopilot";
                    dailyBudgetCents?: number;
                    lifetimeBudgetCents?: number;
                    name: string;
                    /** @enum {string} */
                    outcome: "conversions" | "traffic" | "app_installs" | "awareness" | "engagement" | "leads" | "sales";
                    /** Format: date-time */
                    startTime?: string;
                    /** @enum {string} */
                    status?: "ACTIVE" | "PAUSED";
                    /** Format: date-time */
                    stopTime?: string;
                    supplySources?: ("APPSTORE_SEARCH_RESULTS" | "APPSTORE_SEARCH_TAB" | "APPSTORE_TODAY_TAB" | "APPSTORE_PRODUCT_PAGES_BROWSE")[];
                };
            };
        };
        responses: {
            /** @description Accepted (the write is queued or waiting for approval; follow the job) */
            202: {
                headers: {
                    Location?: string;
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteAccepted"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    getCampaign: {
        parameters: {
            query?: never;
            header?: {
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                campaignId: string;
                platform: "meta" | "tiktok" | "apple";
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Campaign"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    deleteCampaign: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request replays the first answer; with another request it is 409 IDEMPOTENCY_CONFLICT. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                campaignId: string;
                platform: "meta" | "tiktok" | "apple";
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Accepted (the write is queued or waiting for approval; follow the job) */
            202: {
                headers: {
                    Location?: string;
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteAccepted"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    renameCampaign: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request replays the first answer; with another request it is 409 IDEMPOTENCY_CONFLICT. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                campaignId: string;
                platform: "meta" | "tiktok" | "apple";
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    name: string;
                };
            };
        };
        responses: {
            /** @description Accepted (the write is queued or waiting for approval; follow the job) */
            202: {
                headers: {
                    Location?: string;
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteAccepted"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    listCampaignAdGroups: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: {
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                campaignId: string;
                platform: "meta" | "tiktok" | "apple";
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["AdEntity"][];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    createAdGroup: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request replays the first answer; with another request it is 409 IDEMPOTENCY_CONFLICT. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                campaignId: string;
                platform: "meta" | "tiktok" | "apple";
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["CreateAdGroupBody"];
            };
        };
        responses: {
            /** @description Accepted (the write is queued or waiting for approval; follow the job) */
            202: {
                headers: {
                    Location?: string;
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteAccepted"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    listCampaignAdSets: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: {
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                campaignId: string;
                platform: "meta" | "tiktok" | "apple";
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["AdEntity"][];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    createAdSet: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request replays the first answer; with another request it is 409 IDEMPOTENCY_CONFLICT. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                campaignId: string;
                platform: "meta" | "tiktok" | "apple";
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["CreateAdGroupBody"];
            };
        };
        responses: {
            /** @description Accepted (the write is queued or waiting for approval; follow the job) */
            202: {
                headers: {
                    Location?: string;
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteAccepted"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    archiveCampaign: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request replays the first answer; with another request it is 409 IDEMPOTENCY_CONFLICT. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                campaignId: string;
                platform: "meta" | "tiktok" | "apple";
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description Accepted (the write is queued or waiting for approval; follow the job) */
            202: {
                headers: {
                    Location?: string;
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteAccepted"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    getCampaignAuthority: {
        parameters: {
            query?: never;
            header?: {
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                campaignId: string;
                platform: "meta" | "tiktok" | "apple";
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignAuthority"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    updateCampaignAuthority: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request replays the first answer; with another request it is 409 IDEMPOTENCY_CONFLICT. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                campaignId: string;
                platform: "meta" | "tiktok" | "apple";
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    authority: {
                        /** @enum {string} */
                        creative?: "off" | "draft" | "auto";
                        /** @enum {string} */
                        structural?: "off" | "draft" | "auto";
                        /** @enum {string} */
                        tactical?: "off" | "draft" | "auto";
                    };
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        authority: {
                            /** @enum {string} */
                            creative: "off" | "draft" | "auto";
                            /** @enum {string} */
                            structural: "off" | "draft" | "auto";
                            /** @enum {string} */
                            tactical: "off" | "draft" | "auto";
                        };
                        campaignId: string;
                        modes: {
                            campaignManagementMode: ("manual" | "draft" | "autopilot") | null;
                            /** @enum {string} */
                            creativeMode: "manual" | "draft" | "autopilot";
                        };
                        /** @enum {string} */
                        source: "campaign" | "defaults";
                        /** Format: uuid */
                        verdictId: string;
                    };
                };
            };
            /** @description Accepted (the write is queued or waiting for approval; follow the job) */
            202: {
                headers: {
                    Location?: string;
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteAccepted"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    updateCampaignBid: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request replays the first answer; with another request it is 409 IDEMPOTENCY_CONFLICT. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                campaignId: string;
                platform: "meta" | "tiktok" | "apple";
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    bidCents?: number;
                    bidStrategy?: string;
                };
            };
        };
        responses: {
            /** @description Accepted (the write is queued or waiting for approval; follow the job) */
            202: {
                headers: {
                    Location?: string;
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteAccepted"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    updateCampaignBudget: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request replays the first answer; with another request it is 409 IDEMPOTENCY_CONFLICT. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                campaignId: string;
                platform: "meta" | "tiktok" | "apple";
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["BudgetBody"];
            };
        };
        responses: {
            /** @description Accepted (the write is queued or waiting for approval; follow the job) */
            202: {
                headers: {
                    Location?: string;
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteAccepted"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    pauseCampaign: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request replays the first answer; with another request it is 409 IDEMPOTENCY_CONFLICT. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                campaignId: string;
                platform: "meta" | "tiktok" | "apple";
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description Accepted (the write is queued or waiting for approval; follow the job) */
            202: {
                headers: {
                    Location?: string;
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteAccepted"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    resumeCampaign: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request replays the first answer; with another request it is 409 IDEMPOTENCY_CONFLICT. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                campaignId: string;
                platform: "meta" | "tiktok" | "apple";
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description Accepted (the write is queued or waiting for approval; follow the job) */
            202: {
                headers: {
                    Location?: string;
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteAccepted"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    updateCampaignSchedule: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request replays the first answer; with another request it is 409 IDEMPOTENCY_CONFLICT. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                campaignId: string;
                platform: "meta" | "tiktok" | "apple";
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** Format: date-time */
                    endTime?: string;
                    /** Format: date-time */
                    startTime?: string;
                };
            };
        };
        responses: {
            /** @description Accepted (the write is queued or waiting for approval; follow the job) */
            202: {
                headers: {
                    Location?: string;
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteAccepted"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    updateCampaignTargeting: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request replays the first answer; with another request it is 409 IDEMPOTENCY_CONFLICT. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                campaignId: string;
                platform: "meta" | "tiktok" | "apple";
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    ageMax?: number;
                    ageMin?: number;
                    countries?: string[];
                    genders?: ("male" | "female")[];
                    locationIds?: string[];
                };
            };
        };
        responses: {
            /** @description Accepted (the write is queued or waiting for approval; follow the job) */
            202: {
                headers: {
                    Location?: string;
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteAccepted"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    getDefaults: {
        parameters: {
            query?: never;
            header?: {
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                platform: "meta" | "tiktok" | "apple";
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DefaultsView"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    updateDefaults: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request replays the first answer; with another request it is 409 IDEMPOTENCY_CONFLICT. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                platform: "meta" | "tiktok" | "apple";
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    authority: {
                        /** @enum {string} */
                        creative?: "off" | "draft" | "auto";
                        /** @enum {string} */
                        structural?: "off" | "draft" | "auto";
                        /** @enum {string} */
                        tactical?: "off" | "draft" | "auto";
                    };
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        authority: {
                            /** @enum {string} */
                            creative: "off" | "draft" | "auto";
                            /** @enum {string} */
                            structural: "off" | "draft" | "auto";
                            /** @enum {string} */
                            tactical: "off" | "draft" | "auto";
                        };
                        kill_switch_active: boolean;
                        layerId: string;
                        /** @enum {string} */
                        platform: "meta" | "tiktok" | "apple";
                        /** Format: uuid */
                        verdictId: string;
                    };
                };
            };
            /** @description Accepted (the write is queued or waiting for approval; follow the job) */
            202: {
                headers: {
                    Location?: string;
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteAccepted"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    setKillSwitch: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request replays the first answer; with another request it is 409 IDEMPOTENCY_CONFLICT. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                platform: "meta" | "tiktok" | "apple";
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    active: boolean;
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        active: boolean;
                        layerId: string;
                        /** @enum {string} */
                        platform: "meta" | "tiktok" | "apple";
                        reason: string | null;
                        /** Format: uuid */
                        verdictId: string;
                    };
                };
            };
            /** @description Accepted (the write is queued or waiting for approval; follow the job) */
            202: {
                headers: {
                    Location?: string;
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteAccepted"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    listPendingActions: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                status?: "pending" | "approved" | "rejected" | "dispatched" | "dispatch_failed" | "expired" | "canceled";
            };
            header?: {
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                platform: "meta" | "tiktok" | "apple";
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["PendingAction"][];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    getPendingAction: {
        parameters: {
            query?: never;
            header?: {
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                pendingActionId: string;
                platform: "meta" | "tiktok" | "apple";
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PendingAction"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    approvePendingAction: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request replays the first answer; with another request it is 409 IDEMPOTENCY_CONFLICT. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                pendingActionId: string;
                platform: "meta" | "tiktok" | "apple";
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    comment?: string;
                };
            };
        };
        responses: {
            /** @description Accepted (the write is queued or waiting for approval; follow the job) */
            202: {
                headers: {
                    Location?: string;
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApproveAnswer"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    rejectPendingAction: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request replays the first answer; with another request it is 409 IDEMPOTENCY_CONFLICT. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                pendingActionId: string;
                platform: "meta" | "tiktok" | "apple";
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    reason: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PendingAction"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    getPolicy: {
        parameters: {
            query?: never;
            header?: {
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                platform: "meta" | "tiktok" | "apple";
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PolicyView"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    updatePolicy: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request replays the first answer; with another request it is 409 IDEMPOTENCY_CONFLICT. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                platform: "meta" | "tiktok" | "apple";
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    ceiling?: {
                        /** @enum {string} */
                        creative?: "off" | "draft" | "auto";
                        /** @enum {string} */
                        structural?: "off" | "draft" | "auto";
                        /** @enum {string} */
                        tactical?: "off" | "draft" | "auto";
                    };
                    maxDailyBudgetCents?: number | null;
                    partnerWritesEnabled?: boolean;
                    /** @enum {string} */
                    writerPreset?: "END_TO_END" | "ADGROUP_GRAIN";
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        ceiling: {
                            /** @enum {string} */
                            creative: "off" | "draft" | "auto";
                            /** @enum {string} */
                            structural: "off" | "draft" | "auto";
                            /** @enum {string} */
                            tactical: "off" | "draft" | "auto";
                        };
                        killSwitchActive: boolean;
                        layerId: string;
                        maxDailyBudgetCents: number | null;
                        partnerWritesEnabled: boolean;
                        /** @enum {string} */
                        platform: "meta" | "tiktok" | "apple";
                        /** Format: uuid */
                        verdictId: string;
                        writerPreset: ("END_TO_END" | "ADGROUP_GRAIN") | null;
                    };
                };
            };
            /** @description Accepted (the write is queued or waiting for approval; follow the job) */
            202: {
                headers: {
                    Location?: string;
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WriteAccepted"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    listAdAccounts: {
        parameters: {
            query?: never;
            header?: {
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["AdAccount"][];
                    };
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    getAdAccount: {
        parameters: {
            query?: never;
            header?: {
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdAccount"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    disconnectAdAccount: {
        parameters: {
            query?: never;
            header?: {
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                id: string;
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdAccount"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    createOauthUrl: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request replays the first answer; with another request it is 409 IDEMPOTENCY_CONFLICT. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    adAccountId?: string;
                    /** @enum {string} */
                    platform: "meta_ads" | "tiktok_ads" | "apple_ads";
                    returnUrl: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        expiresAt: string;
                        url: string;
                    };
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    listAllCampaigns: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: {
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Campaign"][];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    runOptimizer: {
        parameters: {
            query?: never;
            header?: {
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @default false */
                    dryRun?: boolean;
                    layerId: string;
                    /** @enum {string} */
                    platform: "meta_ads" | "tiktok_ads" | "apple_ads";
                };
            };
        };
        responses: {
            /** @description Accepted (the write is queued or waiting for approval; follow the job) */
            202: {
                headers: {
                    Location?: string;
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        jobId: string;
                        runId: string;
                    };
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    listOptimizerRuns: {
        parameters: {
            query?: {
                layerId?: string;
                limit?: number;
            };
            header?: {
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["OptimizerRun"][];
                    };
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    getOptimizerRun: {
        parameters: {
            query?: never;
            header?: {
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                projectId: string;
                runId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OptimizerRun"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    archiveProject: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request replays the first answer; with another request it is 409 IDEMPOTENCY_CONFLICT. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Project"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    listLayers: {
        parameters: {
            query?: never;
            header?: {
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["Layer"][];
                    };
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    listWebhookEndpoints: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: {
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["WebhookEndpoint"][];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    createWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request replays the first answer; with another request it is 409 IDEMPOTENCY_CONFLICT. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    description?: string;
                    events?: string[];
                    /** @enum {string} */
                    scope?: "own" | "all_children";
                    url: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    Location?: string;
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointWithSecret"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    getWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: {
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                endpointId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpoint"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    deleteWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: {
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                endpointId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    updateWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request replays the first answer; with another request it is 409 IDEMPOTENCY_CONFLICT. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                endpointId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    description?: string | null;
                    enabled?: boolean;
                    events?: string[] | null;
                    url?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpoint"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    listWebhookDeliveries: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                status?: "pending" | "succeeded" | "failed";
            };
            header?: {
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                endpointId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["WebhookDelivery"][];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    resendWebhookDelivery: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request replays the first answer; with another request it is 409 IDEMPOTENCY_CONFLICT. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                deliveryId: string;
                endpointId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description Accepted (the write is queued or waiting for approval; follow the job) */
            202: {
                headers: {
                    Location?: string;
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDelivery"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    replayWebhookEvents: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request replays the first answer; with another request it is 409 IDEMPOTENCY_CONFLICT. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                endpointId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** Format: date-time */
                    since: string;
                    /** Format: date-time */
                    until?: string;
                };
            };
        };
        responses: {
            /** @description Accepted (the write is queued or waiting for approval; follow the job) */
            202: {
                headers: {
                    Location?: string;
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        deliveries: number;
                    };
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    rotateWebhookSecret: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request replays the first answer; with another request it is 409 IDEMPOTENCY_CONFLICT. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                endpointId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    overlapSeconds?: number;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpointWithSecret"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    testWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key with the same request replays the first answer; with another request it is 409 IDEMPOTENCY_CONFLICT. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path: {
                endpointId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": Record<string, never>;
            };
        };
        responses: {
            /** @description Accepted (the write is queued or waiting for approval; follow the job) */
            202: {
                headers: {
                    Location?: string;
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        deliveryId: string;
                        eventId: string;
                    };
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            409: components["responses"]["Problem409"];
            413: components["responses"]["Problem413"];
            415: components["responses"]["Problem415"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
    getWhoami: {
        parameters: {
            query?: never;
            header?: {
                /** @description A parent organization's key acts inside one of its child organizations. */
                "x-layers-organization"?: components["parameters"]["ActingOrganization"];
                /** @description Echoed back; a fresh one is made when absent or unusable. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    RateLimit: components["headers"]["RateLimit"];
                    "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Whoami"];
                };
            };
            400: components["responses"]["Problem400"];
            401: components["responses"]["Problem401"];
            403: components["responses"]["Problem403"];
            404: components["responses"]["Problem404"];
            422: components["responses"]["Problem422"];
            429: components["responses"]["Problem429"];
            500: components["responses"]["Problem500"];
            503: components["responses"]["Problem503"];
        };
    };
}
