import { runDispatcherMain } from "@layers/dispatch-core";
import { startDispatcherTiktok } from "./app.ts";
import { loadConfig } from "./config.ts";

await runDispatcherMain({ name: "dispatcher-tiktok", config: loadConfig(), start: startDispatcherTiktok });
