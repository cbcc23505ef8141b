import { expect } from "vitest";
import type { Harness } from "./harness.ts";

/** A partner org with an explicit `org:admin` key, as the changelog's partners hold it. */
export interface Family {
  parent: string;
  /** `*` plus the explicitly granted `org:admin`. */
  admin: string;
  adminKeyId: string;
  /** A `*` key of the parent without `org:admin` (deny-by-default). */
  plain: string;
}

export async function seedParent(h: Harness): Promise<Family> {
  const parent = await h.seedOrg();
  const admin = await h.mintKey(parent, ["*", "org:admin"]);
  const plain = await h.mintKey(parent, ["*"]);
  return { parent, admin: admin.secret, adminKeyId: admin.id, plain: plain.secret };
}

/** A child made through the API. */
export async function createChild(h: Harness, adminSecret: string, name = "Customer", metadata?: Record<string, string>): Promise<Record<string, any>> {
  const res = await h.send("POST", "/v1/organizations", { auth: adminSecret, body: { name, ...(metadata ? { metadata } : {}) } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** A child key made through the API; answers its id and its secret. */
export async function mintChildKey(h: Harness, adminSecret: string, childId: string, scopes: string[] = ["*"], extra: object = {}): Promise<{ id: string; secret: string }> {
  const res = await h.send("POST", `/v1/organizations/${childId}/api-keys`, { auth: adminSecret, body: { name: "child key", scopes, ...extra } });
  expect(res.statusCode, res.body).toBe(201);
  const body = res.json();
  return { id: body.id, secret: body.secret };
}

export const acting = (orgId: string) => ({ "x-layers-organization": orgId });
