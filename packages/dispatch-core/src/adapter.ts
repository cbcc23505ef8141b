import type { Dispatch, Platform } from "@layers/contracts";
import type { Db } from "@layers/db";
import type { Logger } from "@layers/runtime";
import type { AdAccountTarget } from "./db/targets.repository.ts";
import type { RowLoader } from "./load-ref.ts";
import type { EntityRef, EntityRowPatch, Superseder } from "@layers/lifecycle";

export interface AdapterContext {
  db: Db;
  /** Bound to the intent and the claim's attempt. */
  log: Logger;
}

export interface PrepareContext extends AdapterContext {
  /** `loadWriteRows` batched with the other writes being prepared at once: one statement for their campaigns. */
  loadRows: RowLoader;
}

/** A write the adapter has planned and resolved, ready to land. No platform call has been made. */
export interface PreparedWrite<Plan> {
  plan: Plan;
  /** The account read before calling; its `status` decides whether a token refusal is news. */
  account: AdAccountTarget;
  /** The Layers entity whose row the landed write updates (the new entity, for a create). */
  entity: EntityRef;
  /** True for a create: the landed platform id is stored on the entity's row. */
  created: boolean;
  /** What the entity's row becomes once the write lands. */
  row: EntityRowPatch;
}

export interface Landed {
  /** The platform's id of the entity written (for a create, the new one). */
  platformId: string;
  /** True when the platform already held the write and no mutation was sent this time. */
  reconciled: boolean;
  /** What only the landing learned (e.g. the id of a creative made on the way), merged over `PreparedWrite.row`. */
  row?: EntityRowPatch;
}

/**
 * What an adapter's `beforeCall` decides for a claimed, prepared write: call the platform now;
 * close it as superseded by a newer write waiting behind it on its entity (nothing is sent, its
 * job is answered, the next write is handed on); or wait `waitMs` in Postgres (no attempt spent)
 * because the platform would refuse the change now.
 */
export type BeforeCall =
  | { kind: "call" }
  | { kind: "superseded"; by: Superseder }
  | { kind: "wait"; waitMs: number; reason: string };

/**
 * What a platform dispatcher plugs into the core handler. The core owns fence, claim, lease,
 * attempts, retry ladder, recording and events; the adapter owns everything platform-specific.
 */
export interface DispatchAdapter<Plan = unknown> {
  /** `dispatch.<platform>`, durable `dispatcher-<platform>`, `write_intents.platform`. */
  readonly platform: Platform;
  /** The platform's name in messages and logs ("Meta" → "landed on Meta"). */
  readonly label: string;
  /**
   * Plans the write and loads its account and campaign. Throws `PermanentError` for what the
   * platform cannot take, and the adapter's token error for an account already `token_expired`.
   */
  prepare(d: Dispatch, ctx: PrepareContext): Promise<PreparedWrite<Plan>>;
  /**
   * Puts the write on the platform at most once. When `mayHaveLanded` (a takeover or released
   * claim), and after any of its own transient failures, it reconciles before calling again.
   * Throws `PermanentError` for refusals, `RetryableError` (with `retryAfterMs` when known) otherwise.
   */
  land(write: PreparedWrite<Plan>, ctx: AdapterContext & { mayHaveLanded: boolean }): Promise<Landed>;
  /**
   * Optional: a platform rule on the entity itself (Meta: 4 budget changes per ad set per hour),
   * checked after the claim and before the account's call budget is drawn. `mayHaveLanded` says an
   * earlier claim may already have called: such a write must be landed (reconciled), never
   * superseded.
   */
  beforeCall?(write: PreparedWrite<Plan>, d: Dispatch, ctx: AdapterContext & { mayHaveLanded: boolean }): Promise<BeforeCall>;
  /** The platform refused the account's credentials: the account is marked `token_expired` and announced once. */
  isTokenExpired(err: unknown): boolean;
}
