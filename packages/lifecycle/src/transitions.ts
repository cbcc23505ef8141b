import type { IntentState, JobStatus, PendingStatus } from "@layers/db";

/**
 * The life of a write, as one table per state type. Every statement that changes a write intent,
 * a job or a pending action names one of these moves, and its `where` clause admits only the
 * move's `from` states (see `fromStates`), so the table is what the database enforces, not a
 * comment. A move asked of a row in another state is an `IllegalTransitionError`.
 */
export interface Move<S extends string> {
  readonly from: readonly S[];
  readonly to: S;
}

export const INTENT_MOVES = {
  /** The gate's verdicts on an accepted write. */
  allow: { from: ["accepted"], to: "allowed" },
  queue: { from: ["accepted"], to: "queued" },
  deny: { from: ["accepted"], to: "denied" },
  apply: { from: ["accepted"], to: "applied" },
  /** The gate cannot decide it (its layer or campaign is gone, or the stored payload is broken). */
  undecidable: { from: ["accepted"], to: "failed" },
  /** A dispatcher takes it; `dispatching` only when the previous holder's lease ran out. */
  claim: { from: ["allowed", "dispatching"], to: "dispatching" },
  /** Handed back before a retry, so the next delivery can claim it at once. */
  release: { from: ["dispatching"], to: "allowed" },
  /**
   * Handed back to wait for its account's call budget (or a platform throttle's regain time):
   * acked, it waits in Postgres and the budget waker publishes it again. No attempt is spent
   * when no call was made.
   */
  defer: { from: ["dispatching"], to: "allowed" },
  land: { from: ["dispatching"], to: "dispatched" },
  refuse: { from: ["dispatching"], to: "failed" },
  giveUp: { from: ["dispatching"], to: "dead" },
  /**
   * Never sent: a newer write waiting right behind it sets the same fields of the same entity
   * (Meta ad set budgets, which change at most 4 times an hour). Only from a claim that has not
   * called the platform, so the intent made no mutation at all (`supersede.ts`).
   */
  supersede: { from: ["dispatching"], to: "superseded" },
  /** `ops dlq redrive`. */
  redrive: { from: ["dead"], to: "allowed" },
  /** `POST /v1/jobs/:id/cancel` before any dispatcher took it (`allowed` only with no attempt made: `CANCELLABLE_SQL`). */
  cancel: { from: ["accepted", "queued", "allowed"], to: "canceled" },
} as const satisfies Record<string, Move<IntentState>>;

export const JOB_MOVES = {
  /** The gate allowed a platform write. */
  run: { from: ["queued"], to: "running" },
  /** Queued for approval (or re-queued by an approval re-run): the job waits. */
  wait: { from: ["queued"], to: "queued" },
  /** A policy change applied, or the write landed. */
  complete: { from: ["queued", "running"], to: "completed" },
  /** Denied, undecidable, refused by the platform or given up. */
  fail: { from: ["queued", "running"], to: "failed" },
  /** The pending action was rejected, or the job canceled (its intent's `cancel`). */
  cancel: { from: ["queued", "running"], to: "canceled" },
  /** `ops dlq redrive` puts a given-up write back to work. */
  revive: { from: ["failed"], to: "running" },
} as const satisfies Record<string, Move<JobStatus>>;

export const PENDING_MOVES = {
  approve: { from: ["pending"], to: "approved" },
  reject: { from: ["pending"], to: "rejected" },
  /** The approved write landed on the platform. */
  dispatched: { from: ["approved"], to: "dispatched" },
  /** The approved write was denied on its re-run, refused by the platform, or given up. */
  dispatchFailed: { from: ["approved"], to: "dispatch_failed" },
  /** A redriven write gets another chance. */
  redrive: { from: ["dispatch_failed"], to: "approved" },
  /** Its job was canceled before the write reached a dispatcher. */
  withdraw: { from: ["pending", "approved"], to: "canceled" },
} as const satisfies Record<string, Move<PendingStatus>>;

export type IntentMove = keyof typeof INTENT_MOVES;
export type JobMove = keyof typeof JOB_MOVES;
export type PendingMove = keyof typeof PENDING_MOVES;

const TABLES = { intent: INTENT_MOVES, job: JOB_MOVES, pending: PENDING_MOVES } as const;
type Tables = typeof TABLES;
export type Machine = keyof Tables;
export type MoveOf<M extends Machine> = keyof Tables[M] & string;

/** Thrown when a move is asked of a row whose state the table does not allow it from. Not retryable. */
export class IllegalTransitionError extends Error {
  override readonly name = "IllegalTransitionError";
  readonly retryable = false;
  readonly machine: Machine;
  readonly move: string;
  readonly id: string;
  readonly from: string | undefined;
  constructor(machine: Machine, move: string, id: string, from: string | undefined) {
    super(`${machine} ${id}: '${move}' is not allowed from ${from === undefined ? "a missing row" : `'${from}'`}`);
    this.machine = machine;
    this.move = move;
    this.id = id;
    this.from = from;
  }
}

function moveOf(machine: Machine, move: string): Move<string> {
  const m = (TABLES[machine] as Record<string, Move<string>>)[move];
  if (!m) throw new Error(`unknown ${machine} move '${move}'`);
  return m;
}

/** The states a move may start from: what its statement's `where state in (…)` admits. */
export function fromStates<M extends Machine>(machine: M, move: MoveOf<M>): string[] {
  return [...moveOf(machine, move).from];
}

export function targetState<M extends Machine>(machine: M, move: MoveOf<M>): string {
  return moveOf(machine, move).to;
}

export function canMove<M extends Machine>(machine: M, move: MoveOf<M>, from: string): boolean {
  return moveOf(machine, move).from.includes(from);
}

/** Throws `IllegalTransitionError` unless the table allows `move` from `from`. */
export function assertMove<M extends Machine>(machine: M, move: MoveOf<M>, id: string, from: string | undefined): void {
  if (from === undefined || !canMove(machine, move, from)) throw new IllegalTransitionError(machine, move, id, from);
}

/** States no move leaves (besides the explicit redrive of `dead`). */
export function terminalStates(machine: Machine): string[] {
  const moves = Object.values(TABLES[machine]) as Move<string>[];
  const all = new Set(moves.flatMap((m) => [...m.from, m.to]));
  const left = new Set(moves.flatMap((m) => m.from));
  return [...all].filter((s) => !left.has(s));
}

/** A write intent in one of these states needs nothing more from a dispatcher: replays and redeliveries skip it. */
export const FINISHED_INTENT_STATES: readonly IntentState[] = ["queued", "denied", "applied", "dispatched", "failed", "dead", "superseded", "canceled"];
/** Open writes hold back every later write to the same entity (the per-entity order). */
export const OPEN_INTENT_STATES: readonly IntentState[] = ["accepted", "allowed", "dispatching"];
