import type { Proposal } from "./facts.ts";

/** Why an entity may not be changed this run (computed from Layers state, never platform times). */
export interface EntityBlock {
  entityId: string;
  reason: "cooldown" | "pending_action" | "excluded_creative";
}

export interface RailsInput {
  /** In rule priority order: pause first, then budget, then creative. */
  proposals: readonly Proposal[];
  blocked: readonly EntityBlock[];
  /** Keys (`proposalKey`) of proposals already queued or in flight. */
  alreadyQueued: ReadonlySet<string>;
}

export interface RailsOutput {
  kept: Proposal[];
  dropped: Array<{ proposal: Proposal; reason: EntityBlock["reason"] | "one_change_per_entity" | "already_queued" }>;
}

/** The identity of a proposal: the same action on the same entity to the same value. */
export function proposalKey(p: Pick<Proposal, "actionType" | "entity" | "newValue">): string {
  return `${p.actionType}|${p.entity.id}|${JSON.stringify(p.newValue)}`;
}

/**
 * The safety rails every rule obeys after it proposes: no change to an entity in cooldown or with
 * an open pending action (or showing an excluded creative), at most one change per entity per run
 * (the first rule wins), and never the same proposal queued twice.
 */
export function applyRails(input: RailsInput): RailsOutput {
  const blocked = new Map(input.blocked.map((b) => [b.entityId, b.reason]));
  const touched = new Set<string>();
  const out: RailsOutput = { kept: [], dropped: [] };
  for (const p of input.proposals) {
    const block = blocked.get(p.entity.id);
    if (block !== undefined) out.dropped.push({ proposal: p, reason: block });
    else if (input.alreadyQueued.has(proposalKey(p))) out.dropped.push({ proposal: p, reason: "already_queued" });
    else if (touched.has(p.entity.id)) out.dropped.push({ proposal: p, reason: "one_change_per_entity" });
    else {
      touched.add(p.entity.id);
      out.kept.push(p);
    }
  }
  return out;
}
