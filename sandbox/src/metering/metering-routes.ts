import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { CallMeter } from "./call-meter.ts";

const platformSchema = z.enum(["meta", "tiktok", "apple"]);
/** Meta ad accounts are keyed `act_<digits>`, TikTok advertisers and Apple orgs by their bare id (as in `/_sandbox/faults`). */
const accountSchema = z.string().regex(/^(act_)?\d+$/, "must be act_<digits> or <digits>");

export const putMeteringBodySchema = z.strictObject({
  platform: platformSchema,
  account: accountSchema,
  /** Calls allowed per window. */
  calls: z.number().int().min(1).max(1_000_000),
  windowMs: z.number().int().min(10).max(3_600_000).default(1_000),
  /** Meta only: the error body an over-rate call gets (17, 613 or 80004). */
  metaCode: z.union([z.literal(17), z.literal(613), z.literal(80004)]).default(80004),
});
export type PutMeteringBody = z.input<typeof putMeteringBodySchema>;

export const deleteMeteringQuerySchema = z.object({ platform: platformSchema, account: accountSchema.optional() });

/** `/_sandbox/metering`: set per-account call rates, read admitted and throttled counts, clear them. */
export function registerMeteringRoutes(app: FastifyInstance, meter: CallMeter): void {
  app.put("/_sandbox/metering", async (request, reply) => {
    const r = putMeteringBodySchema.safeParse(request.body ?? {});
    if (!r.success) return reply.code(400).send(invalid(r.error));
    const { platform, account, ...rule } = r.data;
    const key = platform === "meta" && !account.startsWith("act_") ? `act_${account}` : account;
    return meter.set(platform, key, rule);
  });

  app.get("/_sandbox/metering", async () => ({ accounts: meter.list() }));

  app.delete("/_sandbox/metering", async (request, reply) => {
    const r = deleteMeteringQuerySchema.safeParse(request.query);
    if (!r.success) return reply.code(400).send(invalid(r.error));
    const { platform, account } = r.data;
    const key = account !== undefined && platform === "meta" && !account.startsWith("act_") ? `act_${account}` : account;
    return { cleared: meter.clear(platform, key) };
  });
}

function invalid(error: z.ZodError) {
  return { error: { message: "invalid request", issues: error.issues.map((i) => ({ path: i.path.join("."), message: i.message })) } };
}
