import { currencySchema } from "@layers/contracts";
import type { FastifyInstance, FastifyReply } from "fastify";
import { z } from "zod";
import { AppleError } from "./apple-error.ts";
import { formatAppleTime } from "./apple-time.ts";
import type { AppleOrg } from "./apple-types.ts";
import { appleSeedCampaignSchema, buildOrgSeed, type OrgSeed, type SeededAppleCampaign } from "./org-seed.ts";
import { orgKey, type AppleDeps } from "./pipeline.ts";

export const createAppleOrgBodySchema = z.object({
  name: z.string().min(1).optional(),
  currency: currencySchema.default("USD"),
  campaigns: z.array(appleSeedCampaignSchema).default([]),
});
export type CreateAppleOrgBody = z.input<typeof createAppleOrgBodySchema>;

export interface CreateAppleOrgResponse {
  orgId: number;
  accessToken: string;
  name: string;
  currency: string;
  /** Each seeded campaign with the ids of its seeded ad groups and their keywords. */
  campaigns: SeededAppleCampaign[];
}

export const putAppleFaultsBodySchema = z
  .object({
    orgId: z.number().int().positive(),
    latencyMs: z.number().int().min(0).max(120_000).optional(),
    fail5xx: z.number().int().nonnegative().optional(),
    /** Next N requests answer 429. */
    throttle: z.number().int().nonnegative().optional(),
    /** Sent as `Retry-After` (seconds = minutes × 60) on the 429; 0 = no header. */
    throttleRegainMinutes: z.number().min(0).optional(),
    expiredToken: z.boolean().optional(),
    failAfterApply: z.number().int().nonnegative().optional(),
  })
  .strict();
export type PutAppleFaultsBody = z.input<typeof putAppleFaultsBodySchema>;

const deleteAppleFaultsQuerySchema = z.object({ orgId: z.coerce.number().int().positive().optional() });

/** `/_sandbox/apple/*`: seed orgs and arm faults (kept in the shared fault book as platform "apple"). */
export function registerAppleControlRoutes(app: FastifyInstance, deps: AppleDeps): void {
  const now = deps.now ?? (() => new Date());

  app.post("/_sandbox/apple/orgs", async (request, reply) => {
    const body = parse(createAppleOrgBodySchema, request.body ?? {}, reply);
    if (body === undefined) return reply;
    const at = formatAppleTime(now());
    const orgId = deps.store.newId();
    const org: AppleOrg = { orgId, name: body.name ?? `Sandbox org ${orgId}`, currency: body.currency, accessToken: deps.store.newToken(), createdTime: at };
    let seed: OrgSeed;
    try {
      seed = buildOrgSeed(body.campaigns, { orgId, currency: body.currency, at, newId: () => deps.store.newId() });
    } catch (err) {
      if (!(err instanceof AppleError)) throw err;
      const issues = err.items.map((i) => ({ path: i.field ?? "campaigns", message: i.message }));
      return reply.code(400).send({ error: { message: "invalid request", issues } });
    }
    // Parents first, so the store never holds an ad group or keyword whose parent it lacks.
    deps.store.addOrg(org);
    for (const c of seed.campaigns) deps.store.putCampaign(c);
    for (const g of seed.adGroups) deps.store.putAdGroup(g);
    for (const k of seed.keywords) deps.store.putKeyword(k);
    // Not a ledgered mutation: this only schedules the state-file write.
    deps.onMutation();
    const answer: CreateAppleOrgResponse = { orgId, accessToken: org.accessToken, name: org.name, currency: org.currency, campaigns: seed.answer };
    return reply.code(201).send(answer);
  });

  app.get("/_sandbox/apple/orgs", async () => ({
    orgs: deps.store.orgs().map((o) => ({ orgId: o.orgId, accessToken: o.accessToken, name: o.name, currency: o.currency })),
  }));

  app.put("/_sandbox/apple/faults", async (request, reply) => {
    const body = parse(putAppleFaultsBodySchema, request.body ?? {}, reply);
    if (body === undefined) return reply;
    const { orgId, ...spec } = body;
    if (deps.store.org(orgId) === undefined) return reply.code(404).send({ error: { message: `unknown Apple org ${orgId}` } });
    return deps.faults.set("apple", orgKey(orgId), spec);
  });

  app.delete("/_sandbox/apple/faults", async (request, reply) => {
    const q = parse(deleteAppleFaultsQuerySchema, request.query, reply);
    if (q === undefined) return reply;
    const targets = q.orgId === undefined ? deps.faults.list().filter((f) => f.platform === "apple").map((f) => f.account) : [orgKey(q.orgId)];
    let cleared = 0;
    for (const a of targets) if (deps.faults.clear("apple", a)) cleared++;
    return { cleared };
  });
}

function parse<S extends z.ZodType>(schema: S, input: unknown, reply: FastifyReply): z.infer<S> | undefined {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  void reply.code(400).send({
    error: { message: "invalid request", issues: r.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })) },
  });
  return undefined;
}
