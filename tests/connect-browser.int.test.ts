import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { eventually } from "./support/api.ts";
import { launchChromium } from "./support/browser.ts";
import { bareTenant, type BareTenant } from "./support/connect.ts";
import { startPartnerSite, type PartnerSite } from "./support/partner-site.ts";
import { startStack, type E2EStack } from "./support/stack.ts";

/**
 * Issue 9's proof in a real browser (headless Chromium): from a partner's page, the customer goes
 * through each platform's consent page (Meta, TikTok) or Layers' Apple page, and lands back on the
 * partner's returnUrl with status=connected; the account is listed and so are its campaigns made
 * outside Layers. Cancel lands with status=error.
 */
describe("connect in a browser", () => {
  let stack: E2EStack;
  let t: BareTenant;
  let site: PartnerSite;
  let browser: Browser;

  beforeAll(async () => {
    stack = await startStack({ platforms: ["meta", "tiktok", "apple"] });
    browser = await launchChromium();
    t = await bareTenant(stack);
    site = await startPartnerSite(t.partner, t.projectId);
    expect((await t.partner.put("/v1/oauth/return-urls", { urls: [`${site.url}/partner/`] })).status).toBe(200);
  });
  afterAll(async () => {
    await browser?.close();
    await site?.stop();
    await stack?.stop();
  });

  /** A fresh browser profile: a new sandbox user, offered one fresh account. */
  async function freshPage(): Promise<Page> {
    const context = await browser.newContext();
    return context.newPage();
  }

  async function startConnect(page: Page, platform: string): Promise<void> {
    await page.goto(`${site.url}/partner/`);
    await page.click(`#connect-${platform}`);
  }

  function outcome(page: Page): URLSearchParams {
    const u = new URL(page.url());
    expect(u.pathname).toBe("/partner/connected");
    expect(u.searchParams.get("customer")).toBe("acme");
    return u.searchParams;
  }

  async function expectListed(accountId: string, platform: "meta" | "tiktok" | "apple", campaignNames: readonly string[]) {
    const list = await t.partner.get(`/v1/projects/${t.projectId}/ads/ad-accounts`);
    expect(list.body.data.find((a: { id: string }) => a.id === accountId)).toMatchObject({ status: "connected", platform: `${platform}_ads` });
    const names = await eventually(async () => {
      const c = await t.partner.get(`/v1/projects/${t.projectId}/ads/${platform}/campaigns`);
      const got = (c.body.data as Array<{ name: string; origin: string }>).filter((x) => x.origin === "platform").map((x) => x.name).sort();
      return got.length >= campaignNames.length ? got : undefined;
    }, `${platform} campaigns listed`);
    expect(names).toEqual([...campaignNames].sort());
  }

  it.each([
    ["meta_ads", "meta", /dialog\/oauth/, ["Always-on prospecting", "Holiday retargeting"]],
    ["tiktok_ads", "tiktok", /portal\/auth/, ["Always-on video views", "Launch traffic"]],
  ] as const)("%s: consent page → Allow → back on the partner's page, connected; account and campaigns listed", async (connectPlatform, platform, consentPath, campaigns) => {
    const page = await freshPage();
    await startConnect(page, connectPlatform);
    expect(page.url()).toMatch(consentPath);
    expect(await page.locator("input[name=account]:checked").count()).toBe(1);
    await page.click("button[value=allow]");
    await page.waitForURL(/\/partner\/connected/);
    const q = outcome(page);
    expect(q.get("status")).toBe("connected");
    expect(await page.textContent("#outcome")).toBe("Connected");
    await expectListed(q.get("accountId")!, platform, campaigns);
    await page.context().close();
  });

  it("apple_ads: Layers' Apple page → API user with the shown key → Connect → connected; campaigns listed", async () => {
    const page = await freshPage();
    await startConnect(page, "apple_ads");
    expect(new URL(page.url()).pathname).toBe("/v1/oauth/apple/connect");
    const publicKey = (await page.textContent("#public-key"))!;
    expect(publicKey).toContain("BEGIN PUBLIC KEY");
    // The customer's Apple Ads admin adds the key to an API user (by hand in Apple's UI).
    const res = await fetch(`${stack.sandboxUrl}/_sandbox/apple/api-users`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ publicKey }) });
    const creds = (await res.json()) as { clientId: string; teamId: string; keyId: string };
    await page.fill("input[name=clientId]", creds.clientId);
    await page.fill("input[name=teamId]", creds.teamId);
    await page.fill("input[name=keyId]", creds.keyId);
    await page.click("button[value=connect]");
    await page.waitForURL(/\/partner\/connected/);
    const q = outcome(page);
    expect(q.get("status")).toBe("connected");
    await expectListed(q.get("accountId")!, "apple", ["Brand search US", "Competitor search US"]);
    await page.context().close();
  });

  it.each(["meta_ads", "tiktok_ads", "apple_ads"])("%s: Cancel → back on the partner's page with status=error", async (connectPlatform) => {
    const page = await freshPage();
    await startConnect(page, connectPlatform);
    await page.click("button[value=cancel]");
    await page.waitForURL(/\/partner\/connected/);
    const q = outcome(page);
    expect(q.get("status")).toBe("error");
    expect(q.get("code")).toBe("access_denied");
    expect(await page.textContent("#outcome")).toBe("Not connected");
    await page.context().close();
  });

  it("the same browser re-grants the same account (a re-authorization), pre-selected", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await startConnect(page, "meta_ads");
    await page.click("button[value=allow]");
    await page.waitForURL(/\/partner\/connected/);
    const first = outcome(page).get("accountId")!;
    await page.goto(`${site.url}/partner/connect?platform=meta_ads&adAccountId=${first}`);
    expect(await page.locator("input[name=account]:checked").count()).toBe(1);
    await page.click("button[value=allow]");
    await page.waitForURL(/\/partner\/connected/);
    expect(outcome(page).get("accountId")).toBe(first);
    expect(outcome(page).get("status")).toBe("connected");
    await context.close();
  });
});
