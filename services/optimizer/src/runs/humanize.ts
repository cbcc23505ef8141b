import type { Proposal } from "../rules/facts.ts";
import type { ProposalVerdict } from "./submit-proposal.ts";

const VERDICT: Record<string, string> = { allow: "dispatched", queue_for_approval: "queued for approval", deny: "denied" };

/** One line of the run's change list: what, on which entity, and what the gate said. */
export function humanizeChange(p: Proposal, v: ProposalVerdict, dryRun: boolean): string {
  const what =
    p.actionType === "update_budget"
      ? `change the daily budget of ${p.entity.level} "${p.entity.name}" to ${(p.newValue as { dailyBudgetCents: number }).dailyBudgetCents} (minor units)`
      : p.actionType === "replace_creative"
        ? `replace the creative of ad "${p.entity.name}"`
        : `pause ${p.entity.level} "${p.entity.name}"`;
  const outcome = v.decision === null ? "awaiting the gate" : `${dryRun ? "would be " : ""}${VERDICT[v.decision]}${v.reason ? ` (${v.reason})` : ""}`;
  return `${what[0]!.toUpperCase()}${what.slice(1)}: ${outcome}.`;
}
