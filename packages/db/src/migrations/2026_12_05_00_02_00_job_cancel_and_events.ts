import { type Kysely, sql } from "kysely";

/**
 * Jobs you can follow and cancel (packages/lifecycle owns every row written here):
 * - `canceled`: a write intent canceled before any dispatcher took it, and its pending action
 *   withdrawn; an audit row records who canceled (`decision = 'cancel'`).
 * - `job_events`: one row per job status change, numbered per job (`jobs.event_seq`), written by
 *   a trigger in the very statement that changes the status — whichever lifecycle move it is —
 *   and announced on the `layers_job_events` channel (payload `<job id>:<seq>`) at commit, so a
 *   gateway streams it (`GET /v1/jobs/:id/events`) without polling. The row holds the job as it
 *   was after the change, so a resumed stream replays exactly what was sent the first time. A new
 *   job is not announced: nobody can follow a job before it exists, and a stream reads what is
 *   stored when it opens; so the accept statement stays off NOTIFY's commit-time queue lock.
 * - `jobs_org`: the jobs list, newest first, per org.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table write_intents drop constraint write_intents_state_check;
    alter table write_intents add constraint write_intents_state_check
      check (state in ('accepted','queued','denied','applied','allowed','dispatching','dispatched','failed','dead','canceled'));
    alter table pending_actions drop constraint pending_actions_status_check;
    alter table pending_actions add constraint pending_actions_status_check
      check (status in ('pending','approved','rejected','dispatched','dispatch_failed','expired','canceled'));
    alter table audit_log drop constraint audit_log_decision_check;
    alter table audit_log add constraint audit_log_decision_check check (decision in ('allow','queue_for_approval','deny','cancel'));

    create index jobs_org on jobs(organization_id, created_at desc, id desc);

    alter table jobs add column event_seq int not null default 0;
    create table job_events (
      job_id text not null references jobs(id) on delete cascade,
      seq int not null,
      status text not null,
      job jsonb not null,
      created_at timestamptz not null default now(),
      primary key (job_id, seq)
    );

    create function layers_job_event_seq() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then new.event_seq := 1;
      elsif new.status is distinct from old.status then new.event_seq := old.event_seq + 1;
      else new.event_seq := old.event_seq;
      end if;
      return new;
    end $$;
    create trigger jobs_event_seq before insert or update on jobs for each row execute function layers_job_event_seq();

    create function layers_job_event() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' or new.event_seq <> old.event_seq then
        insert into job_events (job_id, seq, status, job) values (new.id, new.event_seq, new.status, to_jsonb(new) - 'event_seq');
        if tg_op = 'UPDATE' then perform pg_notify('layers_job_events', new.id || ':' || new.event_seq); end if;
      end if;
      return null;
    end $$;
    create trigger jobs_event after insert or update on jobs for each row execute function layers_job_event();
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop trigger if exists jobs_event on jobs;
    drop trigger if exists jobs_event_seq on jobs;
    drop function if exists layers_job_event(), layers_job_event_seq();
    drop table if exists job_events;
    alter table jobs drop column if exists event_seq;
    drop index if exists jobs_org;
  `.execute(db);
}
