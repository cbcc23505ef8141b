import { z } from "zod";

/**
 * Every TikTok answer, success or failure: `{code, message, request_id, data}`. `code` 0 is the
 * only success signal; the HTTP status is 200 for most failures too. `data` is often `{}` (or
 * absent) on a failure, so it is left unknown here and parsed per call.
 */
export const tiktokEnvelopeSchema = z.looseObject({
  code: z.number().int(),
  message: z.string().optional().default(""),
  request_id: z.string().optional(),
  data: z.unknown().optional(),
});
export type TikTokEnvelope = z.infer<typeof tiktokEnvelopeSchema>;

/** The envelope of a parsed body, or undefined when the body is not one (HTML error pages, proxies, empty). */
export function readEnvelope(body: unknown): TikTokEnvelope | undefined {
  const r = tiktokEnvelopeSchema.safeParse(body);
  return r.success ? r.data : undefined;
}

export function parseJson(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
