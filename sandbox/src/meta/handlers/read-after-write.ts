import { parseFieldSelection, type FieldSelection } from "../field-selection.ts";
import type { GraphContext } from "./graph-context.ts";

/**
 * Graph's read-after-write: a create that names `fields` gets them back next to the new id.
 * Returns the answer body for a create.
 */
export function createdBody(ctx: GraphContext, id: string, render: (selection: FieldSelection[]) => Record<string, unknown>): Record<string, unknown> {
  const body: Record<string, unknown> = { id };
  const fields = ctx.req.params.fields;
  if (typeof fields === "string" && fields !== "") Object.assign(body, render(parseFieldSelection(fields)));
  return body;
}
