import { type Kysely, sql } from "kysely";

/**
 * Platform call budgets (dispatch-core `call-budgets.ts`): one row per platform account, shared
 * by every instance of that platform's dispatcher, and the writes waiting for their account's
 * budget. In Postgres rather than a JetStream KV bucket: a budget draw is a read-modify-write
 * that a row lock makes atomic across instances in one round trip, the waiting writes are picked
 * per account in one ranked query, and both survive any dispatcher crash with the intents they
 * refer to.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table call_budgets (
      platform text not null,
      account_key text not null,
      -- calls per second now (learned) and as configured
      rate double precision not null,
      base_rate double precision not null,
      burst double precision not null,
      tokens double precision not null,
      refilled_at timestamptz not null default now(),
      -- the platform's stated time to regain access
      paused_until timestamptz,
      -- when the learned rate last moved (one move per second at most)
      adjusted_at timestamptz not null default now(),
      throttles bigint not null default 0,
      primary key (platform, account_key)
    );

    create table call_budget_waits (
      intent_id text primary key references write_intents (id) on delete cascade,
      platform text not null,
      account_key text not null,
      parked_at timestamptz not null default now(),
      -- set while a waker's publish of this write is on its way
      booked_until timestamptz
    );
    create index call_budget_waits_account on call_budget_waits (platform, account_key, parked_at);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table call_budget_waits; drop table call_budgets;`.execute(db);
}
