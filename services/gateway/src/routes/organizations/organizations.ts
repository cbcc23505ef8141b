import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { createOrganizationBodySchema, emptyBodySchema, newId, organizationSchema, orgStatusSchema, pageSchema, patchOrganizationBodySchema } from "@layers/contracts";
import type { OrgStatus } from "@layers/db";
import type { RouteContext } from "../../context.ts";
import { ApiError } from "../../errors.ts";
import { pageQuery, parseBody, parseQuery, PREFIXED_ID_RE } from "../../http/parse.ts";
import { insertChildOrg, listChildOrgs, rowToOrganization, updateChildOrg } from "../../repositories/organizations.repository.ts";
import { toPage } from "../../repositories/pagination.ts";
import { assertNotArchived, childOrgFor, CONTROL_PLANE_AUTH, parentOrgOf } from "./child-org-for.ts";
import { mergeMetadata } from "./metadata.ts";
import { routeDoc } from "../../openapi/route-doc.ts";

const orgPath = (id: string) => `/v1/organizations/${id}`;

/** The organization control plane (issue 15): create, list, read and patch direct children. */
export function registerOrganizationRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.post("/v1/organizations", { config: { auth: CONTROL_PLANE_AUTH, idempotent: true, doc: routeDoc({ operationId: "createOrganization", tag: "Organizations", summary: "Create a child organization", body: createOrganizationBodySchema, responses: { 201: organizationSchema } }) } }, async (req, reply) => {
    const parentId = parentOrgOf(req);
    const body = parseBody(createOrganizationBodySchema, req.body);
    const metadata = mergeMetadata({}, body.metadata);
    const row = await insertChildOrg(ctx.db, { id: newId("organization"), name: body.name, parentId, metadata });
    reply.code(201).header("Location", orgPath(row.id));
    return rowToOrganization(row);
  });

  const listQuery = z.strictObject({ ...pageQuery(ctx.cursors, PREFIXED_ID_RE("org")), status: orgStatusSchema.optional() });
  app.get("/v1/organizations", { config: { auth: CONTROL_PLANE_AUTH, takesQuery: true, doc: routeDoc({ operationId: "listOrganizations", tag: "Organizations", summary: "List child organizations, newest first", query: listQuery, responses: { 200: pageSchema(organizationSchema) } }) } }, async (req) => {
    const q = parseQuery(listQuery, req.query);
    const rows = await listChildOrgs(ctx.db, parentOrgOf(req), q);
    return toPage(ctx.cursors, rows, q.limit, rowToOrganization);
  });

  app.get<{ Params: { orgId: string } }>("/v1/organizations/:orgId", { config: { auth: CONTROL_PLANE_AUTH, doc: routeDoc({ operationId: "getOrganization", tag: "Organizations", summary: "Get a child organization", responses: { 200: organizationSchema } }) } }, async (req) =>
    rowToOrganization(await childOrgFor(ctx, req, req.params.orgId)),
  );

  app.patch<{ Params: { orgId: string } }>("/v1/organizations/:orgId", { config: { auth: CONTROL_PLANE_AUTH, idempotent: true, doc: routeDoc({ operationId: "updateOrganization", tag: "Organizations", summary: "Rename a child organization or change its metadata", body: patchOrganizationBodySchema, responses: { 200: organizationSchema }, problems: [409] }) } }, async (req) => {
    const org = await childOrgFor(ctx, req, req.params.orgId);
    const body = parseBody(patchOrganizationBodySchema, req.body);
    assertNotArchived(org);
    const metadata = body.metadata === undefined ? undefined : mergeMetadata(org.metadata, body.metadata);
    const row = await updateChildOrg(ctx.db, org.parent_id!, org.id, { ...(body.name !== undefined ? { name: body.name } : {}), ...(metadata ? { metadata } : {}) });
    if (!row) throw new ApiError("CONFLICT", "the organization was archived meanwhile: it is read-only");
    return rowToOrganization(row);
  });

  registerTransition(app, ctx, "suspend", "suspended", ["active", "suspended"]);
  registerTransition(app, ctx, "resume", "active", ["suspended", "active"]);
  registerTransition(app, ctx, "archive", "archived", ["active", "suspended", "archived"]);
}

/**
 * `POST …/:orgId/{suspend,resume,archive}`: repeating one is a no-op answering the same org;
 * archiving is final (no way back from it). The status change NOTIFYs `org:<id>`, so every
 * gateway applies it within the invalidation channel's latency.
 */
function registerTransition(app: FastifyInstance, ctx: RouteContext, verb: string, to: OrgStatus, from: readonly OrgStatus[]): void {
  app.post<{ Params: { orgId: string } }>(`/v1/organizations/:orgId/${verb}`, { config: { auth: CONTROL_PLANE_AUTH, idempotent: true, doc: routeDoc({ operationId: `${verb}Organization`, tag: "Organizations", summary: `${verb[0]!.toUpperCase()}${verb.slice(1)} a child organization`, body: emptyBodySchema, responses: { 200: organizationSchema }, problems: [409] }) } }, async (req) => {
    const org = await childOrgFor(ctx, req, req.params.orgId);
    parseBody(emptyBodySchema, req.body);
    if (!from.includes(org.status)) throw new ApiError("CONFLICT", `the organization is ${org.status}: it cannot be ${verb}d`);
    if (org.status === to) return rowToOrganization(org);
    const row = await updateChildOrg(ctx.db, org.parent_id!, org.id, { status: to }, from);
    ctx.orgs.invalidate(org.id); // this gateway reads its own write at once; the others hear the NOTIFY
    if (!row) throw new ApiError("CONFLICT", `the organization changed state meanwhile: it cannot be ${verb}d now`);
    return rowToOrganization(row);
  });
}
