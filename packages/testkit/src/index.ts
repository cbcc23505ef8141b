export { createTestEnv, type TestEnv, type TestEnvOptions } from "./test-env.ts";
export { dockerAvailable } from "./docker.ts";
export { startPrivateNats, type PrivateNats } from "./private-nats.ts";
export { terminateBackends, terminateBackendsFor } from "./postgres-faults.ts";
export { spawnNode, killAll, type NodeRun } from "./spawn-node.ts";
export { testkitConfig, type TestkitConfig } from "./config.ts";
export { createDispatchHarness, countingFetch, shuffled, waitFor, FAST_DISPATCH_CONFIG, type ConnectedAccount, type DispatchHarness, type DispatchHarnessOptions, type StartedService } from "./dispatch-harness.ts";
export { outboxDrained, startTestOutboxRelay } from "./outbox.ts";
export { promSample } from "./prom-text.ts";
