import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { createHarness, openApiDocument, type Harness } from "@layers/gateway/testing";
import { launchChromium } from "./support/browser.ts";

/**
 * Issue 11 §1: the API reference renders in a real headless Chromium with no internet — every
 * request the page makes goes to the gateway (anything else is aborted and fails the test) — and
 * lists the operations of the document.
 */
describe("API reference in a browser", () => {
  let h: Harness;
  let url: string;
  let browser: Browser;

  beforeAll(async () => {
    h = await createHarness();
    url = await h.app.listen({ host: "127.0.0.1", port: 0 });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  it("GET /docs loads only from the gateway and shows every operation", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const foreign: string[] = [];
    // No internet: whatever is not the gateway is refused, and remembered.
    await context.route("**/*", (route) => {
      const u = route.request().url();
      if (u.startsWith(url) || u.startsWith("data:") || u.startsWith("blob:")) return route.continue();
      foreign.push(u);
      return route.abort();
    });
    const failed: string[] = [];
    page.on("requestfailed", (r) => failed.push(r.url()));
    await page.goto(`${url}/docs`);
    await page.locator(".opblock").first().waitFor({ state: "visible", timeout: 30_000 });

    const doc = openApiDocument(h.app) as { paths: Record<string, Record<string, { operationId: string }>> };
    const operations = Object.values(doc.paths).flatMap((ops) => Object.values(ops).map((o) => o.operationId));
    expect(await page.locator(".opblock").count()).toBe(operations.length);
    // Operation ids are displayed: a few of the main ones are on the page.
    const text = await page.locator("#reference").innerText();
    for (const id of ["createCampaign", "updateCampaignBudget", "approvePendingAction", "getJob"]) expect(text).toContain(id);
    expect(foreign).toEqual([]);
    expect(failed).toEqual([]);
    await context.close();
  });
});
