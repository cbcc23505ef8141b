import { expect } from "vitest";

/**
 * Parses a response body with its contract schema (packages/contracts) and checks the schema names
 * every field the body carries: parsing drops unknown fields, so an unlisted one makes them differ.
 */
export function expectContract<T>(schema: { parse(body: unknown): T }, body: unknown): T {
  const parsed = schema.parse(body);
  expect(parsed).toEqual(body);
  return parsed;
}
