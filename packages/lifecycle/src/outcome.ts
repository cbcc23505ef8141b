import type { EntityKind } from "@layers/contracts";

/**
 * What a landed write changes on the Layers row of its entity (a campaign or a child), in contract
 * units; unset fields stay as they are. `attributes` is merged into the row's attributes.
 */
export interface EntityRowPatch {
  name?: string;
  status?: string;
  objective?: string;
  dailyBudgetCents?: number;
  lifetimeBudgetCents?: number;
  bidCents?: number;
  bidStrategy?: string;
  startTime?: string;
  endTime?: string;
  targeting?: Record<string, unknown>;
  creative?: Record<string, unknown>;
  attributes?: Record<string, unknown>;
}

/** The Layers entity a write acts on. */
export interface EntityRef {
  kind: EntityKind;
  id: string;
}

/** A typed failure: a stable code and a human message. Stored as `write_intents.failure`. */
export interface Failure {
  code: string;
  message: string;
}

/** How a claimed write ended. `dead` = gave up after bounded attempts; `failed` = the platform (or we) refused it for good. */
export type Outcome =
  | { kind: "landed"; platformId: string; reconciled: boolean; created: boolean; row: EntityRowPatch }
  | ({ kind: "failed" | "dead" } & Failure);

export interface OutcomeTarget {
  intentId: string;
  /** The claim's fencing token: nothing is recorded if another claim has taken over since. */
  attempts: number;
  jobId: string;
  operation: string;
  /** The intent's place in its entity's order: the write after it is handed on from here. */
  entityKey: string;
  entitySeq: number;
  campaignId?: string | undefined;
  /** The entity whose row the landed write updates; absent for writes whose params name none. */
  entity?: EntityRef | undefined;
  pendingActionId?: string | undefined;
}

/** Stored in `write_intents.platform_result` and echoed as the job result. */
export function landedResult(t: OutcomeTarget, o: Extract<Outcome, { kind: "landed" }>) {
  const entity = t.entity ?? (t.campaignId ? { kind: "campaign" as const, id: t.campaignId } : undefined);
  return {
    platformId: o.platformId,
    ...(entity?.kind === "campaign" ? { platformCampaignId: o.platformId } : {}),
    campaignId: t.campaignId,
    ...(entity ? { entityKind: entity.kind, entityId: entity.id } : {}),
    operation: t.operation,
    reconciled: o.reconciled,
  };
}

/** The human text of a failure (`write_intents.failure_reason`, dead letters, logs). */
export function failureReason(o: Failure): string {
  return `${o.code}: ${o.message}`.slice(0, 2000);
}
