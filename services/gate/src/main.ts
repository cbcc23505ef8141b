import { oldestOutboxAgeSeconds } from "@layers/db";
import { gateMetrics, observeConsumerLag, observeOutboxAge } from "@layers/runtime";
import { runServiceMain } from "@layers/service-main";
import { startGate } from "./app.ts";
import { loadGateConfig } from "./config.ts";

await runServiceMain({
  name: "gate",
  config: loadGateConfig(),
  start: ({ db, nats, names, log, config, registry }) => startGate({ db, nats, names, log, config, metrics: gateMetrics(registry) }),
  observe: ({ db, nats, names, registry }) => {
    observeConsumerLag(registry, nats.jsm, [
      { stream: names.streams.intents, durable: names.consumers.gate },
      { stream: names.streams.pending, durable: names.consumers.gatePending },
    ]);
    observeOutboxAge(registry, () => oldestOutboxAgeSeconds(db));
  },
});
