import { runDispatcherMain } from "@layers/dispatch-core";
import { startDispatcherApple } from "./app.ts";
import { loadConfig } from "./config.ts";

await runDispatcherMain({ name: "dispatcher-apple", config: loadConfig(), start: startDispatcherApple });
