/**
 * GENERATED from packages/client/openapi.json by `pnpm client:generate`
 * (tools/openapi/src/emit-client-schema.ts, openapi-typescript). Do not edit by hand.
 */
export interface paths {
    "/v1/jobs/{jobId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["getJob"];
        put?: never;
        post?: never;
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
        get: operations["listProjects"];
        put?: never;
        post: operations["createProject"];
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
        get?: never;
        put?: never;
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
        get: operations["getCampaign"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
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
        patch: operations["patchCampaignBudget"];
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
        post: operations["approvePending"];
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
        get: operations["listLayers"];
        put?: never;
        post?: never;
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
        Problem: {
            /** @enum {string} */
            code: "UNAUTHENTICATED" | "INSUFFICIENT_SCOPE" | "CUSTOMER_ONLY" | "AUTHORITY_DENIED" | "KILL_SWITCH" | "ORG_SUSPENDED" | "ORG_ARCHIVED" | "NOT_FOUND" | "CONFLICT" | "IDEMPOTENCY_CONFLICT" | "VALIDATION" | "UNSUPPORTED_ON_PLATFORM" | "RATE_LIMITED" | "UNAVAILABLE" | "INTERNAL";
            detail: string;
            errors?: {
                detail: string;
                pointer: string;
            }[];
            reason?: string;
            requestId: string;
            status: number;
            title: string;
            type: string;
            verdictId?: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getJob: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                jobId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description ok */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
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
                };
            };
            /** @description problem */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description problem */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listProjects: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description ok */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
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
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description problem */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description problem */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createProject: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    customerExternalId?: string;
                    name: string;
                    primaryLanguage?: string;
                    timezone?: string;
                };
            };
        };
        responses: {
            /** @description created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        createdAt: string;
                        customerExternalId: string | null;
                        /** Format: uuid */
                        id: string;
                        layers: {
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
                        }[];
                        name: string;
                        organizationId: string;
                        primaryLanguage: string | null;
                        /** @enum {string} */
                        status: "active" | "archived";
                        timezone: string | null;
                        updatedAt: string;
                    };
                };
            };
            /** @description problem */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description problem */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description problem */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description problem */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createCampaign: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path: {
                platform: "meta" | "tiktok" | "apple";
                projectId: string;
            };
            cookie?: never;
        };
        requestBody: {
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
            /** @description accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
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
            };
            /** @description problem */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description problem */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description problem */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description problem */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description problem */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description problem */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description problem */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCampaign: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                campaignId: string;
                platform: "meta" | "tiktok" | "apple";
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description ok */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
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
                };
            };
            /** @description problem */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description problem */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description problem */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    patchCampaignBudget: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                campaignId: string;
                platform: "meta" | "tiktok" | "apple";
                projectId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    dailyBudgetCents?: number;
                    lifetimeBudgetCents?: number;
                };
            };
        };
        responses: {
            /** @description accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
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
            };
            /** @description problem */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description problem */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description problem */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description problem */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description problem */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description problem */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description problem */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    approvePending: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
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
            /** @description accepted */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        campaignId?: string;
                        entityId?: string;
                        jobId: string;
                        pendingActionId: string;
                        /** @enum {string} */
                        status: "dispatching" | "pending_approval" | "accepted";
                        /** Format: uuid */
                        verdictId?: string;
                    };
                };
            };
            /** @description problem */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description problem */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description problem */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description problem */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description problem */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description problem */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description problem */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listLayers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description ok */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
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
                        }[];
                    };
                };
            };
            /** @description problem */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description problem */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description problem */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getWhoami: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description ok */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
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
                };
            };
            /** @description problem */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
}
