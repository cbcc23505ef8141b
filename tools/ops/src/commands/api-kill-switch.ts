import { apiKillSwitchScopeSchema, type ApiKillSwitchScope } from "@layers/contracts";
import type { Db } from "@layers/db";
import { UsageError } from "./orgs.ts";

export interface ApiKillSwitchState {
  scope: ApiKillSwitchScope;
  target: string;
  active: boolean;
  reason: string | null;
}

/**
 * Trips or releases the API kill switch of one key, one organization or every key (`global`).
 * While it is on, every gateway answers that scope's writes `403 KILL_SWITCH` (reads still work)
 * within a second: the `api_kill_switches` trigger NOTIFYs `gateway_cache` in the same transaction,
 * and each gateway re-reads the switches when it hears it. The target must exist, so a typo cannot look like a switch that works.
 */
export async function setApiKillSwitch(db: Db, opts: { scope: string; target?: string | undefined; active: boolean; reason?: string | undefined }): Promise<ApiKillSwitchState> {
  const scope = apiKillSwitchScopeSchema.safeParse(opts.scope);
  if (!scope.success) throw new UsageError("--scope must be global, org or key");
  let target = "*";
  if (scope.data !== "global") {
    if (!opts.target) throw new UsageError(`--target is required for scope ${scope.data}`);
    target = opts.target;
    const table = scope.data === "org" ? "organizations" : "api_keys";
    const found = await db.selectFrom(table).select("id").where("id", "=", target).executeTakeFirst();
    if (!found) throw new UsageError(`no ${scope.data === "org" ? "organization" : "API key"} ${target}`);
  }
  if (opts.active) {
    await db
      .insertInto("api_kill_switches")
      .values({ scope: scope.data, target, reason: opts.reason ?? null })
      .onConflict((oc) => oc.columns(["scope", "target"]).doUpdateSet({ reason: opts.reason ?? null }))
      .execute();
  } else {
    await db.deleteFrom("api_kill_switches").where("scope", "=", scope.data).where("target", "=", target).execute();
  }
  return { scope: scope.data, target, active: opts.active, reason: opts.active ? (opts.reason ?? null) : null };
}
