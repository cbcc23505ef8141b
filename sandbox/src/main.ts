import { createLogger, onShutdown } from "@layers/runtime";
import { startSandbox } from "./app.ts";
import { loadSandboxConfig } from "./config.ts";

async function main(): Promise<void> {
  const config = loadSandboxConfig();
  const log = createLogger({ service: "sandbox", level: config.LOG_LEVEL });
  const sandbox = await startSandbox({
    port: config.SANDBOX_PORT,
    host: config.SANDBOX_HOST,
    log,
    usageMaxScore: config.SANDBOX_META_USAGE_MAX_SCORE,
    ...(config.SANDBOX_STATE_FILE === undefined ? {} : { stateFile: config.SANDBOX_STATE_FILE }),
  });
  log.info({ url: sandbox.url, stateFile: config.SANDBOX_STATE_FILE }, "sandbox listening");
  onShutdown(log, sandbox.stop);
}

main().catch((err: unknown) => {
  // The logger may not exist yet (bad configuration): write the reason straight to stderr.
  process.stderr.write(`sandbox failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
