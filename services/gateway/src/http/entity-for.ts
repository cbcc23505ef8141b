import type { FastifyRequest } from "fastify";
import { ID_KIND_OF_ENTITY, ID_PREFIXES, type ChildKind } from "@layers/contracts";
import type { RouteContext } from "../context.ts";
import { notFound } from "../errors.ts";
import { findEntity } from "../repositories/ad-entities.repository.ts";
import { PREFIXED_ID_RE } from "./parse.ts";
import { assertLevel } from "./surface.ts";
import { platformOf, projectFor } from "./tenancy.ts";

const LABEL: Record<ChildKind, string> = { adset: "ad set", adgroup: "ad group", ad: "ad", keyword: "keyword" };

/** The project, platform and one ad set / ad group / ad / keyword of it, with the same 404s as campaigns. */
export async function projectAndEntityFor(ctx: RouteContext, req: FastifyRequest, projectId: string, rawPlatform: string, kind: ChildKind, id: string) {
  const project = await projectFor(ctx, req, projectId);
  const platform = platformOf(rawPlatform);
  assertLevel(platform, kind);
  if (!PREFIXED_ID_RE(ID_PREFIXES[ID_KIND_OF_ENTITY[kind]]).test(id)) throw notFound(LABEL[kind]);
  const entity = await findEntity(ctx.db, project.id, platform, kind, id);
  if (!entity) throw notFound(LABEL[kind]);
  return { project, platform, entity };
}
