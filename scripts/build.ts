// `pnpm build`: TypeScript → JavaScript for every workspace, one tsc run (tsconfig.build.json emits
// to .build/out, incremental), then each <workspace>/src tree is copied to <workspace>/dist, where
// the package.json "compiled" export condition points. Run the result with
// `node --conditions=compiled <workspace>/dist/main.js` (see README, "Which mode runs where").
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, readdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, ".build", "out");
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");

/** Workspaces whose src/ is compiled: the folders tsconfig.build.json includes. */
function workspaces(): string[] {
  const dirs: string[] = [];
  for (const group of ["packages", "services", "tools"]) {
    for (const name of readdirSync(join(root, group))) dirs.push(`${group}/${name}`);
  }
  dirs.push("sandbox", "bench");
  return dirs.filter((d) => existsSync(join(root, d, "src")));
}

const t0 = Date.now();
execFileSync(process.execPath, [tsc, "-p", join(root, "tsconfig.build.json")], { cwd: root, stdio: "inherit" });
for (const ws of workspaces()) {
  const from = join(out, ws, "src");
  const to = join(root, ws, "dist");
  rmSync(to, { recursive: true, force: true });
  if (existsSync(from)) cpSync(from, to, { recursive: true });
}
process.stderr.write(`build: ${workspaces().length} workspaces compiled to <workspace>/dist in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
