import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { BudgetChangeMeter } from "./budget-change-meter.ts";

const metaAccountSchema = z.string().regex(/^(act_)?\d+$/, "must be act_<digits> or <digits>");

export const putAdSetBudgetLimitBodySchema = z.strictObject({
  account: metaAccountSchema,
  /** Budget changes one ad set of the account may take per window (Meta: 4). */
  changes: z.number().int().min(1).max(1_000),
  /** Meta: one hour. Tests use seconds. */
  windowMs: z.number().int().min(10).max(86_400_000),
});
export type PutAdSetBudgetLimitBody = z.input<typeof putAdSetBudgetLimitBodySchema>;

const deleteQuerySchema = z.object({ account: metaAccountSchema.optional() });
const actOf = (account: string) => (account.startsWith("act_") ? account : `act_${account}`);

/**
 * `/_sandbox/adset-budget-limit`: Meta's ad set budget change limit per account (every ad set of
 * it; Meta's 4 per hour until set), and per account how many budget changes were applied and refused.
 */
export function registerBudgetChangeRoutes(app: FastifyInstance, meter: BudgetChangeMeter): void {
  app.put("/_sandbox/adset-budget-limit", async (request, reply) => {
    const r = putAdSetBudgetLimitBodySchema.safeParse(request.body ?? {});
    if (!r.success) return reply.code(400).send(invalid(r.error));
    const { account, ...rule } = r.data;
    return meter.set(actOf(account), rule);
  });

  app.get("/_sandbox/adset-budget-limit", async () => ({ accounts: meter.list() }));

  app.delete("/_sandbox/adset-budget-limit", async (request, reply) => {
    const r = deleteQuerySchema.safeParse(request.query);
    if (!r.success) return reply.code(400).send(invalid(r.error));
    return { cleared: meter.clear(r.data.account === undefined ? undefined : actOf(r.data.account)) };
  });
}

function invalid(error: z.ZodError) {
  return { error: { message: "invalid request", issues: error.issues.map((i) => ({ path: i.path.join("."), message: i.message })) } };
}
