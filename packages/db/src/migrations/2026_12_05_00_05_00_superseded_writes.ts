import { type Kysely, sql } from "kysely";

/**
 * Meta lets an ad set's budget change at most 4 times an hour. Two things make the dispatcher
 * respect that without failing at the platform:
 * - `superseded`: a finished intent state for a budget write that a newer budget write to the same
 *   ad set, already waiting behind it, made pointless (lifecycle move `supersede`);
 * - `meta_adset_budget_changes`: the budget changes each Meta ad set has taken (or is about to
 *   take), one row per intent, reserved before the call so a crash never under-counts. Owned by
 *   dispatcher-meta (`db/adset-budget-changes.repository.ts`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table write_intents drop constraint write_intents_state_check;
    alter table write_intents add constraint write_intents_state_check
      check (state in ('accepted','queued','denied','applied','allowed','dispatching','dispatched','failed','dead','canceled','superseded'));

    create table meta_adset_budget_changes (
      ad_set_id text not null,
      intent_id text not null,
      changed_at timestamptz not null default now(),
      primary key (ad_set_id, intent_id)
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table meta_adset_budget_changes;
    alter table write_intents drop constraint write_intents_state_check;
    alter table write_intents add constraint write_intents_state_check
      check (state in ('accepted','queued','denied','applied','allowed','dispatching','dispatched','failed','dead','canceled'));
  `.execute(db);
}
