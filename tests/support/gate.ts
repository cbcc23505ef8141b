import { loadGateConfig, startGate, type RunningGate } from "@layers/gate";
import type { TestEnv } from "@layers/testkit";

/** The real gate, in process, on the test file's database and NATS namespace (fast relay for tests). */
export async function startTestGate(env: TestEnv): Promise<RunningGate> {
  const config = loadGateConfig({ ...env.env, GATE_ACK_WAIT_MS: "5000", RELAY_AFTER_MS: "300", RELAY_INTERVAL_MS: "100" });
  return startGate({ db: env.db, nats: env.nats, names: env.names, log: env.log, config });
}
