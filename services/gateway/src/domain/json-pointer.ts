import type { z } from "zod";
import type { FieldError } from "../errors.ts";

/** RFC 6901: `~` → `~0`, `/` → `~1`; the empty path points at the whole document. */
export function toPointer(path: readonly PropertyKey[]): string {
  return path.map((p) => "/" + String(p).replaceAll("~", "~0").replaceAll("/", "~1")).join("");
}

/**
 * One field error per bad field; an unknown key is reported at its own pointer, not at its parent.
 * A value outside an enum (or a union of literals) lists the allowed values, so the answer says
 * what to send instead.
 */
export function fieldErrorsOf(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  const out: FieldError[] = [];
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) out.push({ pointer: toPointer([...issue.path, key]), detail: "unknown field" });
    } else {
      const allowed = allowedValuesOf(issue);
      out.push({ pointer: toPointer(issue.path), detail: allowed ? `must be one of: ${allowed.map(String).join(", ")}` : issue.message });
    }
  }
  return out;
}

/** The values an enum-like issue allows: an enum / literal, or a union whose every branch is one. */
export function allowedValuesOf(issue: z.core.$ZodIssue): readonly unknown[] | null {
  if (issue.code === "invalid_value") return issue.values.length > 0 ? issue.values : null;
  if (issue.code === "invalid_union" && issue.errors.length > 0) {
    const values: unknown[] = [];
    for (const branch of issue.errors) {
      const only = branch.length === 1 ? branch[0] : undefined;
      if (!only || only.code !== "invalid_value" || only.path.length > 0) return null;
      values.push(...only.values);
    }
    return values;
  }
  return null;
}
