import { type Kysely, sql } from "kysely";

/**
 * Fair scheduling of budget-limited accounts (dispatch-core `budgets/`):
 * - `call_budgets.scheduled_until`: while it lies ahead, the account's writes are published by the
 *   budget waker only, at the account's rate; a dispatcher acks any other copy of them unopened.
 * - `call_budget_waits` keeps only the waker's bookings (a write published and not yet drawn);
 *   the queue itself is the account's `allowed` writes in `write_intents`, in decided order, found
 *   through the ad account the gate puts on the stored dispatch (the index below).
 * - `ad_accounts (platform, platform_account_id)`: a budget is keyed by the platform's account.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table call_budgets add column scheduled_until timestamptz;
    -- Writes parked by the previous scheduler are allowed in write_intents: the waker finds them there.
    delete from call_budget_waits where booked_until is null;
    drop index call_budget_waits_account;
    create index call_budget_waits_booked on call_budget_waits (platform, account_key, booked_until);
    create index write_intents_allowed_by_ad_account on write_intents ((dispatch ->> 'adAccountId'), decided_at, id) where state = 'allowed';
    create index ad_accounts_platform_account on ad_accounts (platform, platform_account_id);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop index ad_accounts_platform_account;
    drop index write_intents_allowed_by_ad_account;
    drop index call_budget_waits_booked;
    create index call_budget_waits_account on call_budget_waits (platform, account_key, parked_at);
    alter table call_budgets drop column scheduled_until;
  `.execute(db);
}
