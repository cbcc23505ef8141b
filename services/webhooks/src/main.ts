import { observeConsumerLag, scrapeGauge, webhookMetrics } from "@layers/runtime";
import { runServiceMain } from "@layers/service-main";
import { countEndpointStates } from "@layers/webhook-store";
import { startWebhooks } from "./app.ts";
import { loadConfig } from "./config.ts";

const config = loadConfig();
await runServiceMain({
  name: "webhooks",
  config,
  start: ({ db, nats, names, log, config, registry }) => startWebhooks({ db, nats, names, log, config, metrics: webhookMetrics(registry) }),
  observe: ({ db, nats, names, registry }) => {
    observeConsumerLag(registry, nats.jsm, [{ stream: names.streams.events, durable: names.consumers.webhooks }]);
    scrapeGauge(registry, { name: "webhook_endpoints", help: "Live webhook endpoints by health (healthy, failing, disabled)", labelNames: ["state"] }, async () =>
      (await countEndpointStates(db)).map((s) => ({ labels: { state: s.state }, value: s.count })),
    );
  },
  // Attempts in flight finish (each is bounded by WEBHOOK_TIMEOUT_MS) and are recorded before exit.
  shutdownDeadlineMs: config.WEBHOOK_TIMEOUT_MS + 10_000,
});
