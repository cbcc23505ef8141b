/** Platforms the sandbox imitates. */
export type SandboxPlatform = "meta" | "apple" | "tiktok";

export type LedgerOp = "create" | "update" | "delete";

/** One applied mutation. Tests count these to prove a write landed exactly once. */
export interface LedgerEntry {
  seq: number;
  /** ISO 8601 time the mutation was applied. */
  at: string;
  platform: SandboxPlatform;
  /** The account as the platform names it in paths, e.g. `act_123`. */
  account: string;
  method: string;
  path: string;
  /** Which of a platform's APIs made the mutation, where it serves more than one (Apple: `v5` or `platform`). */
  api?: string;
  op: LedgerOp;
  objectId: string;
  /** The parameters that were applied, normalised and in the platform's own spelling. */
  fields: Record<string, unknown>;
}

export interface LedgerQuery {
  platform?: string;
  account?: string;
  objectId?: string;
  /** Only entries with a greater `seq`. */
  afterSeq?: number;
}

/** Append-only record of applied mutations; validate-only calls and failures never reach it. */
export class Ledger {
  readonly #entries: LedgerEntry[] = [];
  #nextSeq = 1;

  static fromSnapshot(entries: readonly LedgerEntry[]): Ledger {
    const ledger = new Ledger();
    for (const e of entries) {
      ledger.#entries.push(e);
      ledger.#nextSeq = Math.max(ledger.#nextSeq, e.seq + 1);
    }
    return ledger;
  }

  append(entry: Omit<LedgerEntry, "seq" | "at">, at: Date): LedgerEntry {
    const full: LedgerEntry = { seq: this.#nextSeq++, at: at.toISOString(), ...entry };
    this.#entries.push(full);
    return full;
  }

  query(q: LedgerQuery = {}): LedgerEntry[] {
    return this.#entries.filter(
      (e) =>
        (q.platform === undefined || e.platform === q.platform) &&
        (q.account === undefined || e.account === q.account) &&
        (q.objectId === undefined || e.objectId === q.objectId) &&
        (q.afterSeq === undefined || e.seq > q.afterSeq),
    );
  }

  snapshot(): LedgerEntry[] {
    return [...this.#entries];
  }
}
