import { runDispatcherMain } from "@layers/dispatch-core";
import { startDispatcherMeta } from "./app.ts";
import { loadConfig } from "./config.ts";

await runDispatcherMain({ name: "dispatcher-meta", config: loadConfig(), start: startDispatcherMeta });
