import openapiTS, { astToString, type OpenAPI3 } from "openapi-typescript";

const HEADER = `/**
 * GENERATED from packages/client/openapi.json by \`pnpm client:generate\`
 * (tools/openapi/src/emit-client-schema.ts, openapi-typescript). Do not edit by hand.
 */
`;

/**
 * The TypeScript types of an OpenAPI document as \`@layers/client\` consumes them (\`paths\`,
 * \`components\`, \`operations\`). Deterministic for one document, so a test can compare the
 * committed file with a fresh rendering.
 */
export async function renderClientSchema(document: object): Promise<string> {
  const ast = await openapiTS(document as OpenAPI3, { silent: true, alphabetize: true });
  return HEADER + astToString(ast);
}
