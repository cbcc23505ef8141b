import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { fetchLiveOpenApiDocument } from "./live-document.ts";
import { renderClientSchema } from "./render-client-schema.ts";

/**
 * `pnpm client:generate`: asks a gateway built from this checkout for GET /openapi.json, writes it
 * to packages/client/openapi.json and regenerates packages/client/src/schema.ts from it. Needs
 * Postgres and NATS (DATABASE_URL, NATS_URL; the dev defaults otherwise).
 */
const clientDir = new URL("../../../packages/client/", import.meta.url);

const document = await fetchLiveOpenApiDocument({
  databaseUrl: process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres",
  natsUrl: process.env.NATS_URL ?? "nats://127.0.0.1:4222",
});
if (document === null) {
  process.stderr.write("error: the gateway has no GET /openapi.json in this checkout; packages/client/openapi.json left as it is\n");
  process.exit(1);
}
const jsonPath = fileURLToPath(new URL("openapi.json", clientDir));
const schemaPath = fileURLToPath(new URL("src/schema.ts", clientDir));
await writeFile(jsonPath, JSON.stringify(document, null, 2) + "\n");
await writeFile(schemaPath, await renderClientSchema(document));
process.stdout.write(`wrote ${jsonPath}\nwrote ${schemaPath}\n`);
