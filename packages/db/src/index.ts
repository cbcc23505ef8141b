export * from "./schema.ts";
export { createDb, json, oldestOutboxAgeSeconds, pgReady, poolStats, type Db, type DbOptions } from "./db.ts";
export { migrateToLatest, ensureDatabase, dropDatabase } from "./migrate.ts";
export { recordDeadLetter, type DeadLetterInput } from "./dead-letters.ts";
export { insertLayers, updateLayerPolicy, type LayerPolicyPatch } from "./layers.ts";
export * from "./webhooks-schema.ts";
export * from "./connect-schema.ts";
