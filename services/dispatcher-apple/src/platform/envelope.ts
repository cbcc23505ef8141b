import { z } from "zod";
import { v1PaginationSchema, type V1Pagination } from "./schemas.ts";

/**
 * Platform API answers: `{result, pagination?, error?}` on success (queries: `result` is a bare
 * array plus `pagination {offset, pageSize, totalCount}`), and errors as
 * `{error: {code, message, details: [{code, message, info: {field}}]}}`. Apple's own pages also
 * show `{error: {errors: [{code, message}]}}` (a 404) and clients meet the bare `{code, message,
 * details}`; all three are read. Delete answers `{}`.
 */

export interface PlatformErrorItem {
  code?: string;
  message?: string;
  field?: string;
}

const detail = z.looseObject({ code: z.string().optional(), message: z.string().nullish(), info: z.looseObject({ field: z.string().nullish() }).nullish(), field: z.string().nullish() });
const errorObject = z.looseObject({
  code: z.string().optional(),
  message: z.string().nullish(),
  details: z.array(detail).nullish(),
  errors: z.array(detail.extend({ messageCode: z.string().optional() })).nullish(),
});

/** The failure a body describes (most specific code first), or undefined when it carries none. */
export function platformErrorOf(body: unknown): PlatformErrorItem | undefined {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return undefined;
  const b = body as Record<string, unknown>;
  const raw = b.error ?? ("code" in b && "message" in b && !("result" in b) ? b : undefined);
  if (raw === undefined || raw === null) return undefined;
  const parsed = errorObject.safeParse(raw);
  if (!parsed.success) return { message: "Apple answered an unreadable error" };
  const e = parsed.data;
  const first = e.details?.[0] ?? e.errors?.[0];
  const out: PlatformErrorItem = {};
  const code = first?.code ?? (first as { messageCode?: string } | undefined)?.messageCode ?? e.code;
  if (code !== undefined) out.code = code;
  const message = e.message ?? first?.message;
  if (message) out.message = message;
  const field = first?.info?.field ?? first?.field;
  if (field) out.field = field;
  return out;
}

export interface PlatformData<T> {
  result: T;
  pagination: V1Pagination | null;
}

/** The `result` of a 2xx answer read with `schema`; undefined when the body is not that shape (outcome unknown). */
export function readPlatformResult<T>(body: unknown, schema: z.ZodType<T>): PlatformData<T> | undefined {
  const env = z.looseObject({ result: schema, pagination: v1PaginationSchema.nullish() }).safeParse(body);
  return env.success ? { result: env.data.result, pagination: env.data.pagination ?? null } : undefined;
}
