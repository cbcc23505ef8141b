import { EXECUTION_OPTIONS } from "./enums.ts";
import { readEnumArray, type GraphParams } from "./graph-params.ts";

/** `execution_options=["validate_only"]`: run every check, change nothing, answer `{"success":true}`. */
export function isValidateOnly(params: GraphParams): boolean {
  const opts = readEnumArray(params, "execution_options", EXECUTION_OPTIONS) ?? [];
  return opts.includes("validate_only");
}
