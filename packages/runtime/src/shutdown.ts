import type { Logger } from "./logger.ts";

/**
 * Drains on SIGTERM/SIGINT: `stop` must stop taking work, finish in-flight work and close
 * connections. A second signal, or the deadline, exits at once.
 */
export function onShutdown(log: Logger, stop: () => Promise<void>, deadlineMs = 15_000): void {
  let stopping = false;
  const handler = (signal: string) => {
    if (stopping) process.exit(1);
    stopping = true;
    log.info({ signal }, "draining");
    const timer = setTimeout(() => {
      log.error("drain deadline passed; exiting");
      process.exit(1);
    }, deadlineMs);
    timer.unref();
    stop().then(
      () => {
        log.info("drained");
        process.exit(0);
      },
      (err) => {
        log.error({ err }, "drain failed");
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", () => handler("SIGTERM"));
  process.on("SIGINT", () => handler("SIGINT"));
}
