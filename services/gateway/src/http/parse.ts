import { z } from "zod";
import { ApiError } from "../errors.ts";
import { fieldErrorsOf } from "../domain/json-pointer.ts";
import type { Cursor, CursorCodec } from "../domain/cursor.ts";

/**
 * Validates a JSON body; a missing body counts as `{}` so body-less POSTs (pause, approve) work.
 * JSON `null` is a body, not the absence of one: it fails every object schema like any other non-object.
 */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const r = schema.safeParse(body === undefined ? {} : body);
  if (!r.success) throw new ApiError("VALIDATION", "the request body is not valid", { errors: fieldErrorsOf(r.error.issues) });
  return r.data;
}

export function parseQuery<S extends z.ZodType>(schema: S, query: unknown): z.infer<S> {
  const r = schema.safeParse(query ?? {});
  if (!r.success) throw new ApiError("VALIDATION", "a query parameter is not valid", { errors: fieldErrorsOf(r.error.issues) });
  return r.data;
}

/**
 * `?limit=&cursor=` shared by every list. The cursor must carry this gateway's signature (so a
 * forged one is a 422 before it reaches SQL) and its id must look like the listed ids.
 */
export function pageQuery(cursors: CursorCodec, idPattern: RegExp) {
  return {
    limit: z.coerce.number().int().min(1).max(100).default(50),
    cursor: z
      .string()
      .optional()
      .transform((raw, ctx): Cursor | null => {
        if (raw === undefined) return null;
        const c = cursors.decode(raw);
        if (!c || !idPattern.test(c.id)) {
          ctx.addIssue({ code: "custom", message: "not a cursor this API issued" });
          return z.NEVER;
        }
        return c;
      }),
  };
}

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const PREFIXED_ID_RE = (prefix: string) => new RegExp(`^${prefix}_[0-9a-z]{26}$`);
