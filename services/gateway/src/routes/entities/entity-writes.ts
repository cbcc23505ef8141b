import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { z } from "zod";
import {
  bidBodySchema,
  budgetBodySchema,
  emptyBodySchema,
  ENTITY_KINDS,
  operationFor,
  renameBodySchema,
  replaceCreativeBodySchema,
  scheduleBodySchema,
  targetingBodySchema,
  type Capability,
  type EntityKind,
  type LevelSurface,
  SCOPE_OF_OPERATION,
  writeAcceptedSchema,
} from "@layers/contracts";
import type { RouteContext } from "../../context.ts";
import { assertRepresentable } from "../../http/money.ts";
import { parseBody } from "../../http/parse.ts";
import { assertBidStrategy, assertFieldsAllowed, assertSupported } from "../../http/surface.ts";
import { assertActive } from "../../http/tenancy.ts";
import { submitEntityWrite } from "../../writes/submit-entity-write.ts";
import { assertCreativeFor } from "./creative-rules.ts";
import { assertWritable, entityPath, resolveTarget, targetParams, type EntityParams, type EntityTarget } from "./entity-target.ts";
import { KIND_NAME, routeDoc } from "../../openapi/route-doc.ts";

/** One write endpoint of an entity: its verb and path, scope, body and the params it sends the gate. */
interface WriteEndpoint {
  /** The operation id for a kind (`KIND_NAME`) and the reference's summary. */
  name: (kind: string) => string;
  summary: string;
  capability: Capability;
  method: "POST" | "PATCH" | "PUT" | "DELETE";
  /** Appended to the entity's path. */
  suffix: string;
  body: z.ZodType;
  /** Platform checks and the operation params, from the parsed body. */
  params(body: never, t: EntityTarget, surface: LevelSurface): Record<string, unknown>;
}

const ENDPOINTS: readonly WriteEndpoint[] = [
  { name: (k) => `rename${k}`, summary: "Rename", capability: "rename", method: "PATCH", suffix: "", body: renameBodySchema, params: (b: z.infer<typeof renameBodySchema>) => b },
  {
    name: (k) => `update${k}Budget`,
    summary: "Change the budget",
    capability: "budget",
    method: "PATCH",
    suffix: "/budget",
   
    body: budgetBodySchema,
    params: (b: z.infer<typeof budgetBodySchema>, t, s) => {
      assertFieldsAllowed(t.platform, t.kind, b, s.budget);
      assertRepresentable(t.platform, t.currency, b);
      return b;
    },
  },
  {
    name: (k) => `update${k}Bid`,
    summary: "Change the bid",
    capability: "bid",
    method: "PATCH",
    suffix: "/bid",
   
    body: bidBodySchema,
    params: (b: z.infer<typeof bidBodySchema>, t, s) => {
      assertFieldsAllowed(t.platform, t.kind, b, s.bid);
      assertBidStrategy(t.platform, t.kind, s, b.bidStrategy);
      assertRepresentable(t.platform, t.currency, { bidCents: b.bidCents });
      return b;
    },
  },
  {
    name: (k) => `update${k}Schedule`,
    summary: "Change the schedule",
    capability: "schedule",
    method: "PATCH",
    suffix: "/schedule",
   
    body: scheduleBodySchema,
    params: (b: z.infer<typeof scheduleBodySchema>, t, s) => {
      assertFieldsAllowed(t.platform, t.kind, b, s.schedule);
      return b;
    },
  },
  {
    name: (k) => `update${k}Targeting`,
    summary: "Replace the targeting",
    capability: "targeting",
    method: "PATCH",
    suffix: "/targeting",
   
    body: targetingBodySchema,
    params: (b: z.infer<typeof targetingBodySchema>, t, s) => {
      assertFieldsAllowed(t.platform, t.kind, b, s.targeting);
      return { targeting: b };
    },
  },
  ...(["pause", "resume", "archive"] as const).map(
    (verb): WriteEndpoint => ({ name: (k) => `${verb}${k}`, summary: verb[0]!.toUpperCase() + verb.slice(1), capability: verb, method: "POST", suffix: `/${verb}`, body: emptyBodySchema, params: () => ({}) }),
  ),
  { name: (k) => `delete${k}`, summary: "Delete", capability: "delete", method: "DELETE", suffix: "", body: emptyBodySchema, params: () => ({}) },
  {
    name: (k) => `replace${k}Creative`,
    summary: "Replace the creative",
    capability: "replace_creative",
    method: "PUT",
    suffix: "/creative",
   
    body: replaceCreativeBodySchema,
    params: (b: z.infer<typeof replaceCreativeBodySchema>, t) => {
      assertCreativeFor(t.platform, b.creative, "/creative");
      return b;
    },
  },
  { name: (k) => `prune${k}Creative`, summary: "Remove the creative", capability: "prune_creative", method: "DELETE", suffix: "/creative", body: emptyBodySchema, params: () => ({}) },
];

/**
 * Every write on an existing entity, at every level: rename (PATCH), budget, bid, schedule,
 * targeting, pause / resume / archive, DELETE, and an ad's creative replace / prune. A write the
 * platform cannot make at that level is `422 UNSUPPORTED_ON_PLATFORM` before anything is stored;
 * the rest go through the gate like every other write.
 */
export function registerEntityWrites(app: FastifyInstance, ctx: RouteContext): void {
  for (const kind of ENTITY_KINDS) {
    for (const e of ENDPOINTS) {
      // Register a route only where some platform has this capability at this level.
      if (!supportedSomewhere(kind, e.capability)) continue;
      const operation = operationFor(kind, e.capability) as keyof typeof SCOPE_OF_OPERATION;
      app.route<{ Params: EntityParams }>({
        method: e.method,
        url: `${entityPath(kind)}${e.suffix}`,
        config: {
          auth: { anyOf: [SCOPE_OF_OPERATION[operation]] },
          idempotent: true,
          doc: routeDoc({
            operationId: e.name(KIND_NAME[kind]),
            tag: kind === "campaign" ? "Campaigns" : "Ad sets, ad groups, ads, keywords",
            summary: `${e.summary} (${kind})`,
            ...(e.method === "DELETE" ? {} : { body: e.body }),
            ...(kind === "campaign" && e.capability === "budget" ? { examples: { daily: { summary: "A new daily budget of 75.00", value: { dailyBudgetCents: 7500 } } } } : {}),
            responses: { 202: writeAcceptedSchema },
            problems: [409],
          }),
        },
        handler: (req, reply) => handle(ctx, req, reply, kind, e),
      });
    }
  }
}

async function handle(ctx: RouteContext, req: FastifyRequest<{ Params: EntityParams }>, reply: FastifyReply, kind: EntityKind, e: WriteEndpoint) {
  const t = await resolveTarget(ctx, req, kind, req.params);
  const surface = assertSupported(t.platform, kind, e.capability);
  const body = parseBody(e.body, req.body) as never;
  assertActive(t.project);
  assertWritable(t);
  const params = e.params(body, t, surface);
  return submitEntityWrite(ctx, req, reply, {
    project: t.project,
    platform: t.platform,
    layerId: t.layerId,
    operation: operationFor(kind, e.capability),
    campaignId: t.campaignId,
    ...(t.entityId ? { entityId: t.entityId } : {}),
    params: { ...targetParams(t), ...params },
  });
}

/** Other unsupported writes answer 422 (the platform cannot), these do not exist as URLs at all. */
function supportedSomewhere(kind: EntityKind, capability: Capability): boolean {
  if (capability === "replace_creative" || capability === "prune_creative") return kind === "ad";
  return !(capability === "rename" && kind === "keyword");
}
