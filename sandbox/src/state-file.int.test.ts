import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startSandbox, type RunningSandbox } from "./app.ts";
import { createSandboxClient } from "./sandbox-client.ts";
import { graphAs } from "./test-support/graph-call.ts";

const dirs: string[] = [];
const running: RunningSandbox[] = [];

afterEach(async () => {
  for (const s of running.splice(0)) await s.stop();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function start(stateFile: string): Promise<RunningSandbox> {
  const s = await startSandbox({ port: 0, stateFile });
  running.push(s);
  return s;
}

function tempStateFile(): string {
  const dir = mkdtempSync(join(tmpdir(), "sandbox-state-"));
  dirs.push(dir);
  return join(dir, "nested", "state.json");
}

describe("state file", () => {
  it("keeps accounts, campaigns, labels and the ledger across a restart", async () => {
    const file = tempStateFile();
    const first = await start(file);
    const acc = await createSandboxClient(first.url).createMetaAdAccount({ campaigns: [{ name: "seed", objective: "OUTCOME_SALES", status: "ACTIVE" }] });
    const g1 = graphAs(first.url, acc.accessToken);
    const { body } = await g1.post(`/${acc.accountId}/campaigns`, {
      name: "kept", objective: "OUTCOME_LEADS", special_ad_categories: [], daily_budget: 1500, adlabels: [{ name: "layers:cmp_keep" }],
    });
    await g1.post(`/${body.id}`, { status: "PAUSED" });
    const ledgerBefore = await createSandboxClient(first.url).ledger({ account: acc.accountId });
    await first.stop();
    running.splice(running.indexOf(first), 1);

    const second = await start(file);
    const g2 = graphAs(second.url, acc.accessToken);
    const read = await g2.get(`/${body.id}`, { fields: "name,status,daily_budget,adlabels{name}" });
    expect(read.body).toEqual({ id: body.id, name: "kept", status: "PAUSED", daily_budget: "1500", adlabels: [{ id: expect.any(String), name: "layers:cmp_keep" }] });
    const names = (await g2.get(`/${acc.accountId}/campaigns`, { fields: "name" })).body.data.map((c: { name: string }) => c.name);
    expect(names).toEqual(["kept", "seed"]);

    const control = createSandboxClient(second.url);
    expect(await control.ledger({ account: acc.accountId })).toEqual(ledgerBefore);
    await g2.post(`/${body.id}`, { name: "after restart" });
    const ledgerAfter = await control.ledger({ account: acc.accountId });
    expect(ledgerAfter.map((e) => e.seq)).toEqual([...ledgerBefore.map((e) => e.seq), (ledgerBefore.at(-1)?.seq ?? 0) + 1]);
  });

  it("writes soon after a mutation, without waiting for shutdown, and leaves no temp file", async () => {
    const file = tempStateFile();
    const s = await start(file);
    const acc = await createSandboxClient(s.url).createMetaAdAccount();
    await graphAs(s.url, acc.accessToken).post(`/${acc.accountId}/campaigns`, { name: "soon", objective: "OUTCOME_SALES", special_ad_categories: [] });
    const deadline = Date.now() + 3000;
    let saved: { ledger: unknown[] } | undefined;
    while (Date.now() < deadline) {
      if (existsSync(file)) {
        saved = JSON.parse(readFileSync(file, "utf8"));
        if (saved?.ledger.length === 1) break;
      }
      await new Promise((r) => setTimeout(r, 25));
    }
    expect(saved?.ledger).toHaveLength(1);
    expect(existsSync(`${file}.${process.pid}.tmp`)).toBe(false);
  });
});
