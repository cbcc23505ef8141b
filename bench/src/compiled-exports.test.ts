import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "./services.ts";

/**
 * Production and the bench run compiled JavaScript (`pnpm build`, `node --conditions=compiled`):
 * every export of every workspace package needs a `compiled` target in dist/ beside its `default`
 * one in src/, or a compiled service would load TypeScript (or fail) for that package.
 */
function workspacePackages(): string[] {
  const dirs = ["packages", "services", "tools"].flatMap((g) => readdirSync(join(REPO_ROOT, g)).map((n) => `${g}/${n}`));
  return [...dirs, "sandbox"].filter((d) => existsSync(join(REPO_ROOT, d, "package.json")));
}

describe("compiled export conditions", () => {
  const packages = workspacePackages();

  it("finds the workspace packages", () => {
    expect(packages).toEqual(expect.arrayContaining(["packages/db", "services/gate", "services/gateway", "sandbox", "tools/ops"]));
  });

  it.each(packages)("%s: every export maps compiled → ./dist/*.js and default → the matching ./src/*.ts", (dir) => {
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, dir, "package.json"), "utf8")) as { exports?: Record<string, unknown> };
    for (const [subpath, target] of Object.entries(pkg.exports ?? {})) {
      expect(target, `${dir} exports["${subpath}"] must be { compiled, default }`).toMatchObject({ compiled: expect.stringMatching(/^\.\/dist\/.+\.js$/), default: expect.stringMatching(/^\.\/src\/.+\.ts$/) });
      const t = target as { compiled: string; default: string };
      expect(t.compiled).toBe(t.default.replace(/^\.\/src\//, "./dist/").replace(/\.ts$/, ".js"));
      expect(existsSync(join(REPO_ROOT, dir, t.default)), `${dir}/${t.default} exists`).toBe(true);
    }
  });
});
