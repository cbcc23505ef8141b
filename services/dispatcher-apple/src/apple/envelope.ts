import { z } from "zod";
import { appleErrorItemSchema, applePaginationSchema, type ApplePagination } from "./schemas.ts";

/**
 * Every v5 answer is `{data, pagination, error}`. Some of Apple's own PUT examples show the bare
 * object instead, so a caller may allow that shape (`bare`) where Apple's docs disagree with themselves.
 */

const errorListSchema = z.looseObject({ errors: z.array(appleErrorItemSchema) });
const errorBodySchema = z.looseObject({ error: errorListSchema.nullish() });

export type AppleErrorItem = z.infer<typeof appleErrorItemSchema>;

/** The `error.errors` items of a body, or [] when it has none (or is not Apple's JSON at all). */
export function appleErrorItems(body: unknown): AppleErrorItem[] {
  const parsed = errorBodySchema.safeParse(body);
  return parsed.success ? (parsed.data.error?.errors ?? []) : [];
}

export interface AppleData<T> {
  data: T;
  pagination: ApplePagination | null;
}

/**
 * Reads the `data` of a 2xx answer with `schema`; undefined when the body is not that shape, which
 * leaves the outcome unknown to the caller. With `bare`, a body that is not an envelope is read as
 * the data itself.
 */
export function readAppleData<T>(body: unknown, schema: z.ZodType<T>, opts: { bare?: boolean } = {}): AppleData<T> | undefined {
  const isEnvelope = typeof body === "object" && body !== null && !Array.isArray(body) && "data" in body;
  if (!isEnvelope) {
    if (!opts.bare) return undefined;
    const bare = schema.safeParse(body);
    return bare.success ? { data: bare.data, pagination: null } : undefined;
  }
  const env = z.looseObject({ data: schema, pagination: applePaginationSchema.nullish() }).safeParse(body);
  return env.success ? { data: env.data.data, pagination: env.data.pagination ?? null } : undefined;
}
