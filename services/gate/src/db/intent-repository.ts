import type { Kysely } from "kysely";
import type { Database, WriteIntentRow } from "@layers/db";

// Every state change of an intent goes through @layers/lifecycle; the gate only reads here.

/** Locks one intent row for the rest of the transaction: concurrent deliveries of one intent queue here. */
export async function lockIntent(db: Kysely<Database>, id: string): Promise<WriteIntentRow | undefined> {
  return db.selectFrom("write_intents").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
}
