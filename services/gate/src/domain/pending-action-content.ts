import { minorToDecimalString, type Platform, type WriteIntent } from "@layers/contracts";
import type { IntentParams } from "./intent-params.ts";

/** What the gate knows of the campaign a queued write targets. */
export interface CampaignFacts {
  id: string;
  name: string;
  status: string;
  platformCampaignId: string | null;
  dailyBudgetCents: number | null;
  lifetimeBudgetCents: number | null;
}

/** The reviewable part of a pending action: what would change, from what, and why. */
export interface PendingActionContent {
  campaignId: string | null;
  entityName: string | null;
  currentValue: Record<string, unknown> | null;
  newValue: Record<string, unknown> | null;
  rationale: string;
  proposedAction: { detail: Record<string, unknown> };
}

const LIFECYCLE_TARGET: Record<string, string> = { pause: "PAUSED", resume: "ACTIVE", archive: "ARCHIVED", delete: "DELETED" };

/** What the gate knows of the ad set / ad group / ad / keyword a queued write targets. */
export interface EntityFacts {
  kind: string;
  id: string;
  name: string;
  status: string;
  dailyBudgetCents: number | null;
  lifetimeBudgetCents: number | null;
}

export interface PendingActionInput {
  intent: WriteIntent;
  params: IntentParams;
  campaign: CampaignFacts | null;
  /** The target below campaign level, when the write names one that exists. */
  entity?: EntityFacts | null;
  /** The layer currency, for money shown to the approver. */
  currency: string;
}

/**
 * Describes a queued write for whoever approves it. The detail stays platform-neutral (our contract
 * units plus major-unit amounts to read); translating to a platform's wire format is the dispatcher's job.
 */
export function pendingActionContent({ intent, params, campaign, entity, currency }: PendingActionInput): PendingActionContent {
  const op = intent.operation;
  const money = (minor: number) => `${minorToDecimalString(minor, currency)} ${currency}`;
  // A write to an ad set, ad group, ad or keyword names its target; the campaign is its context.
  const child = !params.createChild && typeof intent.params.entityId === "string" ? { kind: String(intent.params.entityKind ?? "entity"), id: intent.params.entityId } : null;
  const target = child && entity && entity.id === child.id ? entity : null;
  const entityName = params.create?.name ?? params.createChild?.name ?? (child ? (target?.name ?? null) : (campaign?.name ?? null));
  const campaignLabel = campaign ? `"${campaign.name}"` : (params.campaignId ?? "the layer");
  const quoted = child ? (target ? `the ${child.kind} "${target.name}" of ${campaignLabel}` : `${child.kind} ${child.id} of ${campaignLabel}`) : entityName ? `"${entityName}"` : campaignLabel;
  const { rationale: _r, campaignId: _c, ...changes } = intent.params;
  let currentValue: Record<string, unknown> | null = null;
  let newValue: Record<string, unknown> | null = changes;
  let change = `${op.replaceAll("_", " ")} on ${quoted}`;
  const amounts: Record<string, string> = {};

  const [verb, level] = splitOperation(op);
  if (op === "create_campaign" && params.create) {
    const c = params.create;
    const budget = c.dailyBudgetCents !== undefined ? { dailyBudgetCents: c.dailyBudgetCents } : { lifetimeBudgetCents: c.lifetimeBudgetCents };
    currentValue = null;
    newValue = { name: c.name, outcome: c.outcome, ...budget, status: c.status, authority: c.authority };
    const b = c.dailyBudgetCents !== undefined ? `daily budget ${money(c.dailyBudgetCents)}` : `lifetime budget ${money(c.lifetimeBudgetCents ?? 0)}`;
    change = `create the campaign ${quoted} (${c.outcome}, ${b})`;
    if (c.dailyBudgetCents !== undefined) amounts.dailyBudget = minorToDecimalString(c.dailyBudgetCents, currency);
    if (c.lifetimeBudgetCents !== undefined) amounts.lifetimeBudget = minorToDecimalString(c.lifetimeBudgetCents, currency);
  } else if (op === "update_budget") {
    const field = params.dailyBudgetCents !== undefined ? "dailyBudgetCents" : "lifetimeBudgetCents";
    const next = params.dailyBudgetCents ?? params.lifetimeBudgetCents ?? 0;
    const holder = child ? target : campaign;
    const old = holder ? (field === "dailyBudgetCents" ? holder.dailyBudgetCents : holder.lifetimeBudgetCents) : null;
    currentValue = { [field]: old };
    newValue = { [field]: next };
    const label = field === "dailyBudgetCents" ? "daily budget" : "lifetime budget";
    change = old === null ? `set the ${label} of ${quoted} to ${money(next)}` : `change the ${label} of ${quoted} from ${minorToDecimalString(old, currency)} to ${money(next)}`;
    amounts[field === "dailyBudgetCents" ? "dailyBudget" : "lifetimeBudget"] = minorToDecimalString(next, currency);
  } else if (params.createChild) {
    const c = params.createChild;
    currentValue = null;
    change = `create the ${c.kind} "${c.name}" in ${campaign ? `"${campaign.name}"` : "its campaign"}`;
    if (params.dailyBudgetCents !== undefined) amounts.dailyBudget = minorToDecimalString(params.dailyBudgetCents, currency);
    if (params.lifetimeBudgetCents !== undefined) amounts.lifetimeBudget = minorToDecimalString(params.lifetimeBudgetCents, currency);
  } else if (LIFECYCLE_TARGET[verb] && level) {
    const status = LIFECYCLE_TARGET[verb]!;
    currentValue = level === "campaign" && campaign ? { status: campaign.status } : target ? { status: target.status } : null;
    newValue = { status };
    change = level === "campaign" || target ? `${verb} ${quoted} (status → ${status})` : `${verb} a ${level} of ${quoted} (status → ${status})`;
  }

  // An optimizer proposal says in its own words what it changes and why (SPEC §8).
  const proposal = intent.proposal;
  if (proposal?.currentValue !== undefined) currentValue = proposal.currentValue;
  if (proposal?.newValue !== undefined) newValue = proposal.newValue;

  return {
    campaignId: params.campaignId ?? null,
    entityName,
    currentValue,
    newValue,
    rationale: proposal?.rationale ?? params.rationale ?? `${actorLabel(intent.actor)} asked to ${change}.`,
    proposedAction: {
      detail: {
        platform: intent.platform satisfies Platform,
        operation: op,
        campaignId: params.campaignId ?? null,
        platformCampaignId: campaign?.platformCampaignId ?? null,
        currency,
        changes: newValue,
        ...(Object.keys(amounts).length ? { amounts } : {}),
        ...(proposal ? { evidence: proposal.evidence } : {}),
      },
    },
  };
}

function splitOperation(op: string): [string, string | undefined] {
  const i = op.indexOf("_");
  return i < 0 ? [op, undefined] : [op.slice(0, i), op.slice(i + 1)];
}

function actorLabel(actor: WriteIntent["actor"]): string {
  switch (actor.type) {
    case "partner":
      return `Partner ${actor.organizationId}${actor.apiKeyId ? ` (key ${actor.apiKeyId})` : ""}`;
    case "customer":
      return `The customer${actor.userId ? ` (user ${actor.userId})` : ""}`;
    case "optimizer":
      return "The optimizer";
    case "system":
      return "Layers";
  }
}
