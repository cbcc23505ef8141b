import type { Db } from "@layers/db";
import type { Logger } from "@layers/runtime";
import type { Principal } from "../domain/principal.ts";
import { listActiveKillSwitches, type ActiveKillSwitch } from "../repositories/rate-limits.repository.ts";

export interface ApiKillSwitchWatch {
  /** The switch that stops this principal's writes, if any (global first, then org, then key). */
  blocking(p: Principal): ActiveKillSwitch | undefined;
  stop(): void;
}

/**
 * Keeps every gateway instance's view of the API kill switches (ops sets them in Postgres) at
 * most `everyMs` old, so a switch takes effect on every gateway within a second. A failed refresh
 * keeps the last view: the switch is an emergency brake, not a reason to stop serving.
 */
export async function watchApiKillSwitches(db: Db, log: Logger, everyMs: number): Promise<ApiKillSwitchWatch> {
  let active: ActiveKillSwitch[] = await listActiveKillSwitches(db);
  const refresh = async () => {
    try {
      active = await listActiveKillSwitches(db);
    } catch (err) {
      log.warn({ err }, "could not refresh the API kill switches; keeping the last view");
    }
  };
  const timer = everyMs > 0 ? setInterval(() => void refresh(), everyMs) : undefined;
  timer?.unref();
  return {
    blocking(p) {
      if (active.length === 0) return undefined;
      return (
        active.find((s) => s.scope === "global") ??
        active.find((s) => s.scope === "org" && s.target === p.organizationId) ??
        (p.kind === "api_key" ? active.find((s) => s.scope === "key" && s.target === p.apiKeyId) : undefined)
      );
    },
    stop() {
      if (timer) clearInterval(timer);
    },
  };
}
