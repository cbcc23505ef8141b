/** How often one ad set's budget may change: at most `changes` in any sliding `windowMs`. */
export interface BudgetChangeRule {
  changes: number;
  windowMs: number;
}

/** Meta: "for each ad set, the budget is only allowed to change 4 times per hour" (platform-apis.md §4). */
export const META_ADSET_BUDGET_RULE: BudgetChangeRule = { changes: 4, windowMs: 3_600_000 };

export interface BudgetChangeCounts {
  /** Budget changes applied. */
  changed: number;
  /** Budget changes refused for being over the rule. */
  refused: number;
}

export interface BudgetChangeAccount extends BudgetChangeRule, BudgetChangeCounts {
  account: string;
}

export type BudgetChangeVerdict = { ok: true } | { ok: false; retryAfterMs: number };

/**
 * Meta's ad set budget change limit, per ad set: a change over the rule is refused and, as Meta
 * says, "the budget change for that ad set will be blocked for an hour" — here for one window
 * from the refused change. Refused changes apply nothing. Every account gets Meta's rule unless
 * the control API set another (tests use short windows); counts are kept per account.
 */
export class BudgetChangeMeter {
  readonly #rules = new Map<string, BudgetChangeRule>();
  readonly #counts = new Map<string, BudgetChangeCounts>();
  /** Per ad set: start times of its changes still in the window, and the end of a block. */
  readonly #adSets = new Map<string, { changes: number[]; blockedUntil: number }>();

  set(account: string, rule: BudgetChangeRule): BudgetChangeAccount {
    this.#rules.set(account, rule);
    return this.#view(account);
  }

  /** Back to Meta's rule, counts reset; every account when none is named. */
  clear(account?: string): number {
    const keys = account === undefined ? [...new Set([...this.#rules.keys(), ...this.#counts.keys()])] : [account];
    let n = 0;
    for (const k of keys) {
      if (this.#rules.delete(k) || this.#counts.delete(k)) n++;
      this.#counts.delete(k);
    }
    if (account === undefined) this.#adSets.clear();
    return n;
  }

  /** Accounts with a rule of their own or a budget change seen. */
  list(): BudgetChangeAccount[] {
    return [...new Set([...this.#rules.keys(), ...this.#counts.keys()])].map((a) => this.#view(a));
  }

  /** Admits or refuses one budget change of `adSetId` (of `account`) at `nowMs`. */
  take(account: string, adSetId: string, nowMs: number): BudgetChangeVerdict {
    const rule = this.#rules.get(account) ?? META_ADSET_BUDGET_RULE;
    const counts = this.#countsOf(account);
    const s = this.#adSets.get(adSetId) ?? { changes: [], blockedUntil: 0 };
    this.#adSets.set(adSetId, s);
    const from = nowMs - rule.windowMs;
    while (s.changes.length > 0 && (s.changes[0] ?? 0) <= from) s.changes.shift();
    if (s.blockedUntil > nowMs || s.changes.length >= rule.changes) {
      counts.refused++;
      if (s.blockedUntil <= nowMs) s.blockedUntil = nowMs + rule.windowMs;
      return { ok: false, retryAfterMs: s.blockedUntil - nowMs };
    }
    s.changes.push(nowMs);
    counts.changed++;
    return { ok: true };
  }

  #countsOf(account: string): BudgetChangeCounts {
    let c = this.#counts.get(account);
    if (c === undefined) {
      c = { changed: 0, refused: 0 };
      this.#counts.set(account, c);
    }
    return c;
  }

  #view(account: string): BudgetChangeAccount {
    return { account, ...(this.#rules.get(account) ?? META_ADSET_BUDGET_RULE), ...(this.#counts.get(account) ?? { changed: 0, refused: 0 }) };
  }
}
