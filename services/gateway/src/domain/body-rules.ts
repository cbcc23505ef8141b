import { unsafeTextReason } from "@layers/contracts";
import type { FieldError } from "../errors.ts";
import { toPointer } from "./json-pointer.ts";

/**
 * Limits every parsed JSON body is held to before anything walks it (schemas, the idempotency
 * fingerprint, the intent stored for the gate): no API body is more than a few levels deep or
 * holds more than a few hundred values, so these bounds only ever stop abuse.
 */
export const BODY_LIMITS = { maxDepth: 32, maxNodes: 10_000 } as const;

export type BodyVerdict =
  | { ok: true }
  | { ok: false; kind: "too_deep" | "too_many_values"; errors: FieldError[] }
  | { ok: false; kind: "unsafe_text"; errors: FieldError[] };

/**
 * Checks a parsed JSON value without recursion (an explicit stack, so no input can overflow it):
 * nesting at most `maxDepth`, at most `maxNodes` values, and every string and object key
 * acceptable text (`unsafeTextReason`). Unsafe text is reported at each field's own pointer.
 */
export function checkBody(value: unknown, limits: { maxDepth: number; maxNodes: number } = BODY_LIMITS): BodyVerdict {
  const errors: FieldError[] = [];
  const stack: Array<{ v: unknown; path: PropertyKey[] }> = [{ v: value, path: [] }];
  let nodes = 0;
  while (stack.length > 0) {
    const { v, path } = stack.pop()!;
    if (++nodes > limits.maxNodes) {
      return { ok: false, kind: "too_many_values", errors: [{ pointer: "", detail: `the body holds more than ${limits.maxNodes} values` }] };
    }
    if (typeof v === "string") {
      const why = unsafeTextReason(v);
      if (why && errors.length < 20) errors.push({ pointer: toPointer(path), detail: why });
      continue;
    }
    if (v === null || typeof v !== "object") continue;
    if (path.length >= limits.maxDepth) {
      return { ok: false, kind: "too_deep", errors: [{ pointer: toPointer(path.slice(0, 8)), detail: `the body is nested more than ${limits.maxDepth} levels deep` }] };
    }
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], path: [...path, i] });
      continue;
    }
    const keys = Object.keys(v);
    for (let i = keys.length - 1; i >= 0; i--) {
      const k = keys[i]!;
      const why = unsafeTextReason(k);
      if (why && errors.length < 20) errors.push({ pointer: toPointer([...path, safePointerKey(k)]), detail: `this member's name ${why}` });
      stack.push({ v: (v as Record<string, unknown>)[k], path: [...path, why ? safePointerKey(k) : k] });
    }
  }
  return errors.length > 0 ? { ok: false, kind: "unsafe_text", errors } : { ok: true };
}

/** A refused member name is shown with its bad characters escaped, so the answer itself stays clean text. */
function safePointerKey(k: string): string {
  let out = "";
  for (const ch of k) out += unsafeTextReason(ch) === null ? ch : `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`;
  return out;
}
