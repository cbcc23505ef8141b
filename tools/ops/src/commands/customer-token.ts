import { newId } from "@layers/contracts";
import type { Db } from "@layers/db";
import { signCustomerToken } from "@layers/runtime";
import { UsageError } from "./orgs.ts";

/** Longest a minted customer token may live (as the dev tenant's of `seed-dev`). */
export const MAX_CUSTOMER_TOKEN_TTL_SECONDS = 30 * 24 * 3600;
const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86_400 } as const;

/** `--ttl`: `90s`, `15m`, `1h`, `7d` or plain seconds; from one minute to 30 days. */
export function parseTtl(value: string): number {
  const m = /^(\d+)([smhd]?)$/.exec(value.trim());
  if (!m) throw new UsageError(`--ttl must look like 90s, 15m, 1h or 7d (got "${value}")`);
  const seconds = Number(m[1]) * UNIT_SECONDS[(m[2] || "s") as keyof typeof UNIT_SECONDS];
  if (seconds < 60 || seconds > MAX_CUSTOMER_TOKEN_TTL_SECONDS) throw new UsageError(`--ttl must be between 1m and 30d (got ${value})`);
  return seconds;
}

export interface MintedCustomerToken {
  token: string;
  projectId: string;
  /** The project's organization (a child organization's id for a child's project). */
  organizationId: string;
  sub: string;
  expiresAt: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A customer token for one project, signed with CUSTOMER_JWT_SECRET as the gateway verifies it
 * (docs/customer-tokens.md). Its `org` is the project's own organization, read from the database,
 * so a child organization's project gets a token of the child.
 */
export async function mintCustomerToken(
  db: Db,
  secret: string,
  opts: { projectId: string; ttlSeconds: number; sub?: string | undefined },
  now = Math.floor(Date.now() / 1000),
): Promise<MintedCustomerToken> {
  if (!UUID.test(opts.projectId)) throw new UsageError(`--project takes a project id (a uuid, as POST /v1/projects answers), not "${opts.projectId}"`);
  const projectId = opts.projectId.toLowerCase();
  const project = await db.selectFrom("projects").select(["organization_id", "status"]).where("id", "=", projectId).executeTakeFirst();
  if (!project) throw new UsageError(`no project ${projectId}`);
  if (project.status !== "active") throw new UsageError(`project ${projectId} is ${project.status}`);
  const sub = opts.sub ?? newId("user");
  const token = signCustomerToken({ sub, org: project.organization_id, project: projectId }, secret, opts.ttlSeconds, now);
  return { token, projectId, organizationId: project.organization_id, sub, expiresAt: new Date((now + opts.ttlSeconds) * 1000).toISOString() };
}
