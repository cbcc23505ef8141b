import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";
import { testkitConfig } from "@layers/testkit";

/**
 * Debian's Chromium, headless, driven by playwright-core. `./dev test` installs it when missing
 * (scripts/ensure-chromium.sh) and passes its path as CHROMIUM_PATH.
 */
export async function launchChromium(): Promise<Browser> {
  const candidates = [testkitConfig().CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/lib/chromium/chromium"].filter((p): p is string => !!p);
  const executablePath = candidates.find((p) => existsSync(p));
  if (!executablePath) throw new Error("no Chromium found: run scripts/ensure-chromium.sh (./dev test does) or set CHROMIUM_PATH");
  // --no-sandbox: CI containers run as root, where Chromium's own sandbox cannot start.
  return chromium.launch({ executablePath, headless: true, args: ["--no-sandbox", "--disable-dev-shm-usage"] });
}
