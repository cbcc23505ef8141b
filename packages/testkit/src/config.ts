import { z } from "zod";
import { inheritedEnvironment } from "@layers/runtime";

/**
 * The test kit's own settings, parsed once. `TEST_LOG_LEVEL` makes services under test log (they are
 * silent by default); `NATS_SERVER_BIN` names a nats-server binary for tests that restart a private one.
 */
const testkitConfigSchema = z.object({
  TEST_LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("silent"),
  NATS_SERVER_BIN: z.string().min(1).optional(),
  /** The headless Chromium the browser tests drive (`./dev test` finds or installs Debian's and sets it). */
  CHROMIUM_PATH: z.string().min(1).optional(),
  PATH: z.string().default(""),
});
export type TestkitConfig = z.infer<typeof testkitConfigSchema> & {
  /** What services spawned by a test inherit (PATH, locale, overrides), under their own settings. */
  inheritedEnv: Readonly<Record<string, string>>;
};

let parsed: TestkitConfig | undefined;
export function testkitConfig(): TestkitConfig {
  parsed ??= Object.freeze({ ...testkitConfigSchema.parse(process.env), inheritedEnv: inheritedEnvironment(process.env) });
  return parsed;
}
