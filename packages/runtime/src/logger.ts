import { pino, type Logger } from "pino";

export type { Logger };

export interface LoggerOptions {
  service: string;
  level?: string;
}

/** One JSON logger per process; children carry request ids. Never log secrets (redacted paths below). */
export function createLogger(opts: LoggerOptions): Logger {
  return pino({
    name: opts.service,
    level: opts.level ?? "info",
    redact: {
      paths: ["req.headers.authorization", "authorization", "apiKey", "accessToken", "access_token", "secret", "*.secret"],
      censor: "[redacted]",
    },
    base: { service: opts.service },
  });
}
