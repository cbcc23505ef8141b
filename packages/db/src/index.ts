export * from "./schema.ts";
export { createDb, json, type Db, type DbOptions } from "./db.ts";
export { migrateToLatest, ensureDatabase, dropDatabase } from "./migrate.ts";
