import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const repo = fileURLToPath(new URL("..", import.meta.url));
const INSTALLING = "dev: installing dependencies";

/**
 * `./dev ops …` (and `./dev start`) install dependencies only when the lockfile, a package.json or
 * the Node version changed since the last install: the stamp (a hash of those) is pointed at a
 * scratch file here so the repository's own stamp is left alone.
 */
describe("./dev ops", () => {
  const dir = mkdtempSync(join(tmpdir(), "layers-dev-"));
  const stamp = join(dir, "stamp");
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const dev = (...args: string[]) => run("bash", ["./dev", ...args], { cwd: repo, env: { ...process.env, LAYERS_DEPS_STAMP: stamp } });

  it("installs when there is no stamp, then not again while nothing changed", async () => {
    const first = await dev("ops", "help");
    expect(first.stderr).toContain(INSTALLING);
    expect(first.stdout).toContain("usage:");
    const hash = readFileSync(stamp, "utf8").trim();
    expect(hash).toMatch(/^[0-9a-f]{64}$/);

    const second = await dev("ops", "help");
    expect(second.stderr).not.toContain(INSTALLING);
    expect(second.stdout).toContain("usage:");
    expect(readFileSync(stamp, "utf8").trim()).toBe(hash);
  }, 120_000);

  it("installs again when what the stamp hashed changed", async () => {
    await dev("ops", "help");
    const hash = readFileSync(stamp, "utf8").trim();
    writeFileSync(stamp, "0".repeat(64) + "\n");
    const again = await dev("ops", "help");
    expect(again.stderr).toContain(INSTALLING);
    expect(readFileSync(stamp, "utf8").trim()).toBe(hash);
  }, 120_000);

  it("a failing ops command prints one line and exits non-zero through ./dev too", async () => {
    await dev("ops", "help");
    const err = (await dev("ops", "revoke-key").then(
      () => undefined,
      (e: unknown) => e,
    )) as { code: number; stderr: string } | undefined;
    expect(err?.code).toBe(2);
    expect(err!.stderr.trim().split("\n")).toEqual(["error: --key is required (./dev ops help lists the commands)"]);
  }, 120_000);
});
