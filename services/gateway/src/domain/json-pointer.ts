import type { z } from "zod";
import type { FieldError } from "../errors.ts";

/** RFC 6901: `~` → `~0`, `/` → `~1`; the empty path points at the whole document. */
export function toPointer(path: readonly PropertyKey[]): string {
  return path.map((p) => "/" + String(p).replaceAll("~", "~0").replaceAll("/", "~1")).join("");
}

/** One field error per bad field; an unknown key is reported at its own pointer, not at its parent. */
export function fieldErrorsOf(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  const out: FieldError[] = [];
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) out.push({ pointer: toPointer([...issue.path, key]), detail: "unknown field" });
    } else {
      out.push({ pointer: toPointer(issue.path), detail: issue.message });
    }
  }
  return out;
}
