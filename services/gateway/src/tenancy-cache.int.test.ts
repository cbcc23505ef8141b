import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setTimeout as sleep } from "node:timers/promises";
import type { FastifyInstance } from "fastify";
import { createHarness, type Harness, type Tenant } from "./test-support/harness.ts";

/**
 * Project rows are cached per gateway for tenancy and the archive check (issue 8). A project
 * changed through one gateway is seen at once by that gateway and within a second by every other.
 */
describe("tenancy cache", () => {
  let h: Harness;
  let t: Tenant;
  let other: FastifyInstance;

  beforeAll(async () => {
    h = await createHarness({ caches: { ttlMs: 600_000 } });
    other = await h.another();
    t = await h.seedTenant();
  });
  afterAll(async () => h?.close());

  const on = (app: FastifyInstance, method: "GET" | "PATCH" | "POST", url: string, body?: unknown) =>
    app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${t.partner}`, ...(body !== undefined ? { "content-type": "application/json" } : {}) },
      ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
    });

  it("a rename is read back at once on the gateway that made it and within a second on the other", async () => {
    for (const app of [h.app, other]) expect((await on(app, "GET", `/v1/projects/${t.projectId}`)).json().name).toBe("Acme");
    expect((await on(h.app, "PATCH", `/v1/projects/${t.projectId}`, { name: "Renamed" })).statusCode).toBe(200);
    expect((await on(h.app, "GET", `/v1/projects/${t.projectId}`)).json().name).toBe("Renamed");
    await expect.poll(async () => (await on(other, "GET", `/v1/projects/${t.projectId}`)).json().name, { timeout: 1000, interval: 10 }).toBe("Renamed");
  });

  it("a project archived through one gateway refuses writes on the other within a second", async () => {
    const project = (await h.createProject(t.partner, "Soon archived")).id;
    for (const app of [h.app, other]) expect((await on(app, "PATCH", `/v1/projects/${project}`, { name: "still active" })).statusCode).toBe(200);
    // Let those writes' own notifications land, so the next reads are cached (a read racing a notification is not stored).
    await sleep(200);
    for (const app of [h.app, other]) expect((await on(app, "GET", `/v1/projects/${project}`)).json().status).toBe("active");
    expect((await on(h.app, "POST", `/v1/projects/${project}/archive`, {})).statusCode).toBe(200);
    expect((await on(h.app, "PATCH", `/v1/projects/${project}`, { name: "x" })).statusCode).toBe(409);
    // Polled with reads: a write that slipped through would drop the entry itself and hide a missed notification.
    await expect.poll(async () => (await on(other, "GET", `/v1/projects/${project}`)).json().status, { timeout: 1000, interval: 10 }).toBe("archived");
    expect((await on(other, "PATCH", `/v1/projects/${project}`, { name: "x" })).json()).toMatchObject({ code: "CONFLICT" });
  });

  it("another org's project stays 404 from the cache too", async () => {
    const stranger = await h.seedTenant();
    expect((await on(h.app, "GET", `/v1/projects/${t.projectId}`)).statusCode).toBe(200); // cached for its owner
    const res = await h.app.inject({ method: "GET", url: `/v1/projects/${t.projectId}`, headers: { authorization: `Bearer ${stranger.partner}` } });
    expect(res.statusCode).toBe(404);
  });
});
