import type { Logger } from "@layers/runtime";

export interface LogLine {
  level: string;
  msg: string | undefined;
  [key: string]: unknown;
}

/**
 * A pino-shaped logger that keeps every line in memory, so tests can check what the service
 * reported (e.g. "skipped: already landed") without parsing stdout.
 */
export function captureLogger(): { log: Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const make = (bindings: Record<string, unknown>): unknown => {
    const write = (level: string) => (objOrMsg?: unknown, msg?: string) => {
      if (typeof objOrMsg === "string") lines.push({ ...bindings, level, msg: objOrMsg });
      else lines.push({ ...bindings, ...(objOrMsg as object), level, msg });
    };
    return {
      level: "trace",
      child: (b: Record<string, unknown>) => make({ ...bindings, ...b }),
      trace: write("trace"),
      debug: write("debug"),
      info: write("info"),
      warn: write("warn"),
      error: write("error"),
      fatal: write("fatal"),
      silent: () => undefined,
      isLevelEnabled: () => true,
    };
  };
  return { log: make({}) as Logger, lines };
}
