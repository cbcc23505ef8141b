import { expect } from "vitest";
import type { z } from "zod";

/**
 * Parses a response body with its contract schema (packages/contracts) and checks the schema names
 * every field the body carries: parsing drops unknown fields, so an unlisted one makes them differ.
 */
export function expectContract<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const parsed = schema.parse(body);
  expect(parsed).toEqual(body);
  return parsed;
}
