import { z } from "zod";
import { idSchema } from "./ids.ts";
import { rateTierSchema } from "./rate-limits.ts";
import { grantedScopeSchema } from "./scopes.ts";

/** The header an `org:admin` parent key sends to act inside one of its direct children. */
export const ACTING_ORG_HEADER = "x-layers-organization";

/** Stripe-shaped metadata bounds (SPEC §5, issue 15). */
export const METADATA_MAX_KEYS = 50;
export const METADATA_KEY_MAX = 40;
export const METADATA_VALUE_MAX = 500;

export const orgStatusSchema = z.enum(["active", "suspended", "archived"]);
export type OrgStatus = z.infer<typeof orgStatusSchema>;

const metadataKey = z.string().min(1).max(METADATA_KEY_MAX);
/** Stored metadata: string → string, at most 50 keys. */
export const metadataSchema = z
  .record(metadataKey, z.string().min(1).max(METADATA_VALUE_MAX))
  .refine((m) => Object.keys(m).length <= METADATA_MAX_KEYS, { message: `at most ${METADATA_MAX_KEYS} keys` });
/** A PATCH of metadata: merged key by key, `""` unsets a key; `null` (the whole field) clears it. */
export const metadataPatchSchema = z.record(metadataKey, z.string().max(METADATA_VALUE_MAX));

export const createOrganizationBodySchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  metadata: metadataSchema.optional(),
});
export const patchOrganizationBodySchema = z
  .strictObject({
    name: z.string().trim().min(1).max(200).optional(),
    metadata: metadataPatchSchema.nullable().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: "at least one field is required" });

export const organizationSchema = z.object({
  id: idSchema("organization"),
  name: z.string(),
  parentOrganizationId: idSchema("organization").nullable(),
  status: orgStatusSchema,
  metadata: z.record(z.string(), z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Organization = z.infer<typeof organizationSchema>;

export const createChildApiKeyBodySchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  scopes: z.array(grantedScopeSchema).min(1).max(50),
  tier: rateTierSchema.optional(),
});

export const apiKeySchema = z.object({
  id: idSchema("apiKey"),
  organizationId: idSchema("organization"),
  name: z.string(),
  scopes: z.array(z.string()),
  tier: z.string(),
  last4: z.string(),
  status: z.enum(["active", "revoked"]),
  /** While a rotated-out secret still authenticates, when it stops. */
  previousSecretExpiresAt: z.string().nullable(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});
export type ApiKeyBody = z.infer<typeof apiKeySchema>;
/** Mint and rotate answers carry the secret, shown this once. */
export const apiKeyWithSecretSchema = apiKeySchema.extend({ secret: z.string() });
