import { z } from "zod";
import {
  adAccountSchema,
  adEntitySchema,
  apiKeySchema,
  apiKeyWithSecretSchema,
  approveAnswerSchema,
  auditEntrySchema,
  budgetBodySchema,
  campaignAuthoritySchema,
  campaignSchema,
  createAdBodySchema,
  createAdGroupBodySchema,
  createKeywordBodySchema,
  createProjectBodySchema,
  defaultsViewSchema,
  jobSchema,
  killSwitchViewSchema,
  layerSchema,
  optimizerRunSchema,
  organizationSchema,
  patchProjectBodySchema,
  pendingActionSchema,
  policyViewSchema,
  problemSchema,
  projectSchema,
  projectWithLayersSchema,
  webhookDeliverySchema,
  webhookEndpointSchema,
  webhookEndpointWithSecretSchema,
  whoamiSchema,
  writeAcceptedSchema,
} from "@layers/contracts";

/**
 * The contract schemas that become named components (`#/components/schemas/Campaign`), so the
 * reference lists them as models and a generated client gets named types. Each is used on one
 * side only (an answer, or a request body): the document builder refuses a name whose request and
 * response forms differ.
 */
export const schemaNames = z.registry<{ id: string }>();

const NAMES: ReadonlyArray<[z.ZodType, string]> = [
  [problemSchema, "Problem"],
  [whoamiSchema, "Whoami"],
  [projectSchema, "Project"],
  [projectWithLayersSchema, "ProjectWithLayers"],
  [layerSchema, "Layer"],
  [campaignSchema, "Campaign"],
  [adEntitySchema, "AdEntity"],
  [writeAcceptedSchema, "WriteAccepted"],
  [approveAnswerSchema, "ApproveAnswer"],
  [jobSchema, "Job"],
  [pendingActionSchema, "PendingAction"],
  [auditEntrySchema, "AuditEntry"],
  [campaignAuthoritySchema, "CampaignAuthority"],
  [defaultsViewSchema, "DefaultsView"],
  [policyViewSchema, "PolicyView"],
  [killSwitchViewSchema, "KillSwitchView"],
  [webhookEndpointSchema, "WebhookEndpoint"],
  [webhookEndpointWithSecretSchema, "WebhookEndpointWithSecret"],
  [webhookDeliverySchema, "WebhookDelivery"],
  [adAccountSchema, "AdAccount"],
  [organizationSchema, "Organization"],
  [apiKeySchema, "ApiKey"],
  [apiKeyWithSecretSchema, "ApiKeyWithSecret"],
  [optimizerRunSchema, "OptimizerRun"],
  [createProjectBodySchema, "CreateProjectBody"],
  [patchProjectBodySchema, "PatchProjectBody"],
  [budgetBodySchema, "BudgetBody"],
  [createAdGroupBodySchema, "CreateAdGroupBody"],
  [createAdBodySchema, "CreateAdBody"],
  [createKeywordBodySchema, "CreateKeywordBody"],
];
for (const [schema, id] of NAMES) schemaNames.add(schema, { id });
