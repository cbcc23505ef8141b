import { currencySchema } from "@layers/contracts";
import type { FastifyInstance, FastifyReply } from "fastify";
import { z } from "zod";
import { formatAppleTime } from "./apple-time.ts";
import type { AppleCampaign, AppleOrg } from "./apple-types.ts";
import { AD_CHANNEL_TYPES, BILLING_EVENTS, CAMPAIGN_STATUSES, SUPPLY_SOURCES } from "./campaign-input.ts";
import { parseMoney } from "./money.ts";
import { orgKey, type AppleDeps } from "./pipeline.ts";

/** A campaign the org already has when Layers first sees it; never ledgered, any state. */
export const appleSeedCampaignSchema = z.object({
  name: z.string().min(1).max(200),
  adamId: z.number().int().positive().default(1_234_567_890),
  countriesOrRegions: z.array(z.string().regex(/^[A-Z]{2}$/)).min(1).default(["US"]),
  /** Decimal string in the org currency, e.g. "100" or "25.50". */
  dailyBudgetAmount: z.string().default("100"),
  supplySources: z.array(z.enum(SUPPLY_SOURCES)).min(1).default(["APPSTORE_SEARCH_RESULTS"]),
  adChannelType: z.enum(AD_CHANNEL_TYPES).default("SEARCH"),
  billingEvent: z.enum(BILLING_EVENTS).default("TAPS"),
  status: z.enum(CAMPAIGN_STATUSES).default("ENABLED"),
  deleted: z.boolean().default(false),
});

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
  campaigns: Array<{ id: number; name: string }>;
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
    let seeded: AppleCampaign[];
    try {
      seeded = body.campaigns.map(({ dailyBudgetAmount, ...s }) => ({
        ...s,
        id: 0,
        orgId,
        dailyBudgetCents: parseMoney({ amount: dailyBudgetAmount, currency: body.currency }, "dailyBudgetAmount", body.currency),
        biddingStrategy: "MANUAL_CPT",
        startTime: at,
        creationTime: at,
        modificationTime: at,
      }));
    } catch (err) {
      return reply.code(400).send({ error: { message: "invalid request", issues: [{ path: "campaigns.dailyBudgetAmount", message: (err as Error).message }] } });
    }
    deps.store.addOrg(org);
    const campaigns = seeded.map((c) => {
      const stored = { ...c, id: deps.store.newId() };
      deps.store.putCampaign(stored);
      return { id: stored.id, name: stored.name };
    });
    deps.onMutation();
    const answer: CreateAppleOrgResponse = { orgId, accessToken: org.accessToken, name: org.name, currency: org.currency, campaigns };
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
