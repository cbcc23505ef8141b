import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axisOf, operationFor, PLATFORM_LEVELS, PLATFORM_SURFACE, PLATFORMS, type Capability, type EntityKind, type Platform } from "@layers/contracts";
import type { RunningGate } from "@layers/gate";
import { createHarness, type Harness } from "@layers/gateway/testing";
import { startTestGate } from "../support/gate.ts";

const FUTURE = new Date(Date.now() + 30 * 86_400_000).toISOString();
const creative = (p: Platform) =>
  p === "meta" ? { primaryText: "Hi", linkUrl: "https://x.example", pageId: "123" } : { primaryText: "Hi", linkUrl: "https://x.example", videoId: "v1" };

/** A valid body for every write the surface table lists, per platform and level. */
function bodyFor(p: Platform, kind: EntityKind, cap: Capability): Record<string, unknown> | undefined {
  switch (cap) {
    case "rename":
      return { name: "Renamed" };
    case "budget":
      return { dailyBudgetCents: 9000 };
    case "bid":
      return kind === "campaign" ? { bidStrategy: p === "apple" ? "MANUAL_CPT" : "COST_CAP" } : { bidCents: 150 };
    case "schedule":
      return { endTime: FUTURE };
    case "targeting":
      return p === "tiktok" ? { locationIds: ["6252001"] } : kind === "campaign" || p === "meta" ? { countries: ["US"] } : { ageMin: 21 };
    case "push_creative":
      return { name: "Pushed", creative: creative(p) };
    case "replace_creative":
      return { creative: creative(p) };
    default:
      return undefined;
  }
}

const LEVEL2: Record<Platform, Record<string, unknown>> = {
  meta: { name: "Set", targeting: { countries: ["US"] } },
  tiktok: { name: "Group", dailyBudgetCents: 2500, targeting: { locationIds: ["6252001"] } },
  apple: { name: "Group", bidCents: 100 },
};
const LEVEL3: Record<Platform, Record<string, unknown>> = {
  meta: { name: "Ad", creative: creative("meta") },
  tiktok: { name: "Ad", creative: creative("tiktok") },
  apple: { text: "shoes", matchType: "EXACT", bidCents: 90 },
};

/**
 * Every granular write of every platform, through HTTP and the real gate, under each authority
 * mode of its campaign: `off` → 403 authority_axis_off, `draft` → 202 pending_approval, `auto` →
 * 202 dispatching. The list of writes comes from the platform surface table, so a write added
 * there is covered here too.
 */
describe("every granular write under off, draft and auto", () => {
  let h: Harness;
  let gate: RunningGate | null;
  let partner: string;
  let customer: string;
  let projectId: string;
  const base = (p: Platform) => `/v1/projects/${projectId}/ads/${p}`;

  beforeAll(async () => {
    h = await createHarness({ verdictTimeoutMs: 3000 });
    gate = await startTestGate(h.env);
    ({ partner, customer, projectId } = await h.seedTenant());
  });
  afterAll(async () => {
    await gate?.stop();
    await h?.close();
  });

  it.each(PLATFORMS)("%s", async (platform) => {
    const adAccountId = platform === "meta" ? (await h.env.db.selectFrom("ad_accounts").select("id").where("project_id", "=", projectId).where("platform", "=", "meta").executeTakeFirstOrThrow()).id : await h.seedAdAccount(projectId, platform);
    const policy = await h.send("PATCH", `${base(platform)}/policy`, { auth: customer, body: { partnerWritesEnabled: true, ...(platform === "apple" ? { writerPreset: "END_TO_END" } : {}) } });
    expect(policy.statusCode, policy.body).toBe(200);
    expect((await h.send("PATCH", `${base(platform)}/defaults`, { auth: customer, body: { authority: { creative: "auto", tactical: "auto", structural: "auto" } } })).statusCode).toBe(200);

    const [, level2, level3] = PLATFORM_LEVELS[platform];
    const created = async (url: string, body: Record<string, unknown>) => {
      const res = await h.send("POST", url, { auth: partner, body });
      expect(res.statusCode, `${url} ${res.body}`).toBe(202);
      return (res.json().entityId ?? res.json().campaignId) as string;
    };
    const campaignId = await created(`${base(platform)}/campaigns`, {
      adAccountId,
      name: `Tree ${platform}`,
      outcome: "traffic",
      dailyBudgetCents: 6000,
      campaignManagementMode: "autopilot",
      creativeMode: "autopilot",
      ...(platform === "apple" ? { adamId: "1", countriesOrRegions: ["US"] } : {}),
    });
    const level2Id = await created(`${base(platform)}/campaigns/${campaignId}/${level2}s`, LEVEL2[platform]);
    const level3Path = level3 === "keyword" ? "keywords" : "ads";
    const level3Id = await created(`${base(platform)}/${level2}s/${level2Id}/${level3Path}`, LEVEL3[platform]);
    const paths: Record<EntityKind, string> = {
      campaign: `${base(platform)}/campaigns/${campaignId}`,
      adset: `${base(platform)}/adsets/${level2Id}`,
      adgroup: `${base(platform)}/adgroups/${level2Id}`,
      ad: `${base(platform)}/ads/${level3Id}`,
      keyword: `${base(platform)}/adgroups/${level2Id}/keywords/${level3Id}`,
    };

    // The writes to try: every capability of every level except delete (it would end the tree) and
    // campaign create (gated by the layer defaults, not the campaign), plus the child creates.
    type Write = { label: string; method: "POST" | "PATCH" | "PUT" | "DELETE"; url: string; body?: Record<string, unknown>; axis: string };
    const writes: Write[] = [];
    for (const kind of PLATFORM_LEVELS[platform]) {
      for (const cap of PLATFORM_SURFACE[platform][kind]!.capabilities) {
        if (cap === "create" || cap === "delete") continue;
        const axis = axisOf(operationFor(kind, cap));
        const body = bodyFor(platform, kind, cap);
        const path = paths[kind];
        const write = ((): Omit<Write, "label" | "axis"> => {
          switch (cap) {
            case "rename":
              return { method: "PATCH", url: path, body: body! };
            case "budget":
            case "bid":
            case "schedule":
            case "targeting":
              return { method: "PATCH", url: `${path}/${cap}`, body: body! };
            case "push_creative":
              return { method: "POST", url: `${path}/creatives`, body: body! };
            case "replace_creative":
              return { method: "PUT", url: `${path}/creative`, body: body! };
            case "prune_creative":
              return { method: "DELETE", url: `${path}/creative` };
            default:
              return { method: "POST", url: `${path}/${cap}` };
          }
        })();
        writes.push({ label: `${kind} ${cap}`, axis, ...write });
      }
    }
    writes.push({ label: `${level2} create`, axis: "structural", method: "POST", url: `${paths.campaign}/${level2}s`, body: LEVEL2[platform] });
    writes.push({ label: `${level3} create`, axis: "structural", method: "POST", url: `${paths[level2]}/${level3Path}`, body: LEVEL3[platform] });
    writes.push({ label: "campaign delete", axis: "structural", method: "DELETE", url: paths.campaign });
    expect(writes.length).toBeGreaterThan(15);

    for (const mode of ["off", "draft", "auto"] as const) {
      const auth = await h.send("PATCH", `${paths.campaign}/authority`, { auth: customer, body: { authority: { creative: mode, tactical: mode, structural: mode } } });
      expect(auth.statusCode, auth.body).toBe(200);
      for (const w of writes) {
        const res = await h.send(w.method, w.url, { auth: partner, ...(w.body ? { body: w.body } : {}) });
        const what = `${platform} ${w.label} under ${mode}: ${res.body}`;
        if (mode === "off") {
          expect(res.statusCode, what).toBe(403);
          expect(res.json(), what).toMatchObject({ code: "AUTHORITY_DENIED", reason: "authority_axis_off" });
        } else {
          expect(res.statusCode, what).toBe(202);
          expect(res.json().status, what).toBe(mode === "draft" ? "pending_approval" : "dispatching");
        }
        const audit = await h.env.db.selectFrom("audit_log").select(["axis", "decision"]).where("id", "=", res.json().verdictId).executeTakeFirstOrThrow();
        expect(audit.axis, what).toBe(w.axis);
      }
    }
  });
});
