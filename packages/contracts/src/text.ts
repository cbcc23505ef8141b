import { z } from "zod";
import { PLATFORMS } from "./authority.ts";
import { idSchema } from "./ids.ts";

/**
 * The text the API accepts, decided once for every body field, object key, query parameter and
 * header it reads: well-formed Unicode (no lone UTF-16 surrogate, which cannot be stored or sent
 * on as UTF-8) without control characters other than tab, line feed and carriage return
 * (PostgreSQL refuses U+0000 outright; the others only ever arrive by mistake or as an attack).
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Why `s` is not acceptable text, or null when it is. */
export function unsafeTextReason(s: string): string | null {
  const m = CONTROL.exec(s);
  if (m) {
    const cp = m[0].charCodeAt(0);
    return cp === 0 ? "must not contain the NUL character (U+0000)" : `must not contain the control character U+${cp.toString(16).toUpperCase().padStart(4, "0")}`;
  }
  if (!s.isWellFormed()) return "must be well-formed Unicode (it holds a lone UTF-16 surrogate)";
  return null;
}

export function isSafeText(s: string): boolean {
  return unsafeTextReason(s) === null;
}

/** A string field that holds only acceptable text (the gateway also checks every body string before any schema runs). */
export function safeText() {
  return z.string().superRefine((s, ctx) => {
    const why = unsafeTextReason(s);
    if (why) ctx.addIssue({ code: "custom", message: why });
  });
}

// ---------------------------------------------------------------- path parameters
/**
 * The shape of every path parameter of the REST API, checked before any lookup: a value of another
 * shape names nothing (404), and never reaches SQL.
 */
export const pathParamSchemas = {
  projectId: z.uuid(),
  platform: z.enum(PLATFORMS),
  campaignId: idSchema("campaign"),
  adSetId: idSchema("adSet"),
  adGroupId: idSchema("adGroup"),
  adId: idSchema("ad"),
  keywordId: idSchema("keyword"),
  pendingActionId: idSchema("pendingAction"),
  jobId: idSchema("job"),
  endpointId: idSchema("webhookEndpoint"),
  deliveryId: idSchema("webhookDelivery"),
  orgId: idSchema("organization"),
  keyId: idSchema("apiKey"),
  adAccountId: idSchema("adAccount"),
  runId: idSchema("optimizerRun"),
  creativeId: z.string().regex(/^crv_[0-9a-f]{24}$/),
} as const;
export type PathParamKind = keyof typeof pathParamSchemas;
