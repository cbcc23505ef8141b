import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { baseConfigSchema, parseConfig } from "@layers/runtime";
import { fetchLiveOpenApiDocument } from "./live-document.ts";
import { renderClientSchema } from "./render-client-schema.ts";

/**
 * `pnpm client:generate`: asks a gateway built from this checkout for GET /openapi.json, writes it
 * to packages/client/openapi.json and regenerates packages/client/src/schema.ts from it. Needs
 * Postgres and NATS (DATABASE_URL, NATS_URL; the dev defaults otherwise).
 */
const clientDir = new URL("../../../packages/client/", import.meta.url);

// Parsed once, like every service's config. The database only serves to create a throwaway one
// beside it, so the default is the server's always-present `postgres` database.
const configSchema = baseConfigSchema.pick({ NATS_URL: true }).extend({ DATABASE_URL: baseConfigSchema.shape.DATABASE_URL.unwrap().default("postgres://postgres@127.0.0.1:5432/postgres") });
const config = parseConfig(configSchema);
const document = await fetchLiveOpenApiDocument({ databaseUrl: config.DATABASE_URL, natsUrl: config.NATS_URL });
if (document === null) {
  process.stderr.write("error: the gateway has no GET /openapi.json in this checkout; packages/client/openapi.json left as it is\n");
  process.exit(1);
}
const jsonPath = fileURLToPath(new URL("openapi.json", clientDir));
const schemaPath = fileURLToPath(new URL("src/schema.ts", clientDir));
await writeFile(jsonPath, JSON.stringify(document, null, 2) + "\n");
await writeFile(schemaPath, await renderClientSchema(document));
process.stdout.write(`wrote ${jsonPath}\nwrote ${schemaPath}\n`);
