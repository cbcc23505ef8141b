import type { Logger } from "@layers/runtime";

export interface RelayLoop {
  /** One pass now (or the pass already under way); resolves to the number of messages published. */
  runOnce(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Runs `pass` every `intervalMs` until stopped, one pass at a time per process (other instances are
 * kept apart by the passes' own `skip locked`). A failed pass is logged; the next one retries.
 */
export function startRelayLoop(pass: () => Promise<number>, intervalMs: number, log: Logger): RelayLoop {
  let current: Promise<number> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;

  const runOnce = (): Promise<number> => {
    current ??= pass().finally(() => {
      current = null;
    });
    return current;
  };

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      runOnce()
        .catch((err: unknown) => log.warn({ err }, "relay pass failed; next pass retries"))
        .finally(schedule);
    }, intervalMs);
  };
  schedule();

  return {
    runOnce,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await current?.catch(() => undefined);
    },
  };
}
