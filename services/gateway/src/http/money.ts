import { representable, type Platform } from "@layers/contracts";
import { ApiError, type FieldError } from "../errors.ts";

/**
 * Refuses, with `422 VALIDATION`, money the target platform cannot take exactly in the layer's
 * currency (e.g. 1.505 BHD for Apple, NT$1.50 for Meta). Checked before anything is written, so a
 * budget is never rounded on its way to the platform. Absent fields are skipped; `pointerPrefix`
 * places the fields in the body (`/params` for evaluate).
 */
export function assertRepresentable(platform: Platform, currency: string, fields: Record<string, number | undefined>, pointerPrefix = ""): void {
  const errors: FieldError[] = [];
  for (const [name, minor] of Object.entries(fields)) {
    if (minor === undefined) continue;
    const r = representable(platform, minor, currency);
    if (!r.ok) errors.push({ pointer: `${pointerPrefix}/${name}`, detail: r.reason });
  }
  if (errors.length > 0) throw new ApiError("VALIDATION", "the request body is not valid", { errors });
}
