import { runServiceMain } from "@layers/service-main";
import { startOptimizer } from "./app.ts";
import { loadOptimizerConfig } from "./config.ts";

await runServiceMain({
  name: "optimizer",
  config: loadOptimizerConfig(),
  start: ({ db, nats, names, log, config }) => startOptimizer({ db, nats, names, log, config }),
});
