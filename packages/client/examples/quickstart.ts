// Create a Meta campaign, approve it, wait for it to land, then see a refused write as a typed error.
// LAYERS_API_URL=… LAYERS_API_KEY=… LAYERS_PROJECT_ID=… LAYERS_AD_ACCOUNT_ID=… node quickstart.ts
import { createLayersClient, LayersApiError } from "@layers/client";

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`set ${name}`);
  return value;
};
const layers = createLayersClient({ baseUrl: env("LAYERS_API_URL"), apiKey: env("LAYERS_API_KEY") });
const projectId = env("LAYERS_PROJECT_ID");

const me = await layers.get("/v1/whoami");
console.log("organization", me.organizationId);

// New layers default to draft, so the create queues for approval. POSTs get an Idempotency-Key
// (a random UUID) unless you pass `idempotencyKey`; 429 and 503 are retried after Retry-After.
const created = await layers.post("/v1/projects/{projectId}/ads/{platform}/campaigns", {
  params: { projectId, platform: "meta" },
  body: {
    adAccountId: env("LAYERS_AD_ACCOUNT_ID"),
    name: "Q3 prospecting",
    outcome: "conversions",
    dailyBudgetCents: 5000,
    campaignManagementMode: "draft",
    creativeMode: "autopilot",
  },
});
console.log("create", created.status, created.jobId);
if (created.status === "pending_approval" && created.pendingActionId) {
  await layers.post("/v1/projects/{projectId}/ads/{platform}/pending/{pendingActionId}/approve", {
    params: { projectId, platform: "meta", pendingActionId: created.pendingActionId },
    body: { comment: "Looks good" },
  });
}
const job = await layers.waitForJob(created.jobId, { timeoutMs: 30_000 });
console.log("job", job.status, job.result);

const campaign = await layers.get("/v1/projects/{projectId}/ads/{platform}/campaigns/{campaignId}", {
  params: { projectId, platform: "meta", campaignId: created.campaignId ?? "" },
});
console.log("campaign", campaign.platformCampaignId, campaign.status, campaign.dailyBudgetCents);

// Every refusal is a LayersApiError: status, stable code, request id, field errors.
let refused: LayersApiError | undefined;
try {
  await layers.patch("/v1/projects/{projectId}/ads/{platform}/campaigns/{campaignId}/budget", {
    params: { projectId, platform: "meta", campaignId: campaign.id },
    body: { dailyBudgetCents: -100 },
  });
} catch (err) {
  if (!(err instanceof LayersApiError)) throw err;
  refused = err;
  console.log("refused", err.status, err.code, err.requestId, err.errors);
}

console.log(JSON.stringify({ campaignId: campaign.id, platformCampaignId: campaign.platformCampaignId, jobStatus: job.status, refusedCode: refused?.code }));
