import type { LedgerOp } from "../../ledger.ts";
import type { BudgetChangeMeter } from "../../metering/budget-change-meter.ts";
import type { GraphRequest } from "../graph-request.ts";
import type { MetaStore } from "../meta-store.ts";
import type { MetaAdAccount, MetaNode } from "../meta-types.ts";

/** What a handler gets: an authorised request on an account the token may act on. */
export interface GraphContext {
  req: GraphRequest;
  account: MetaAdAccount;
  /** Set for node routes: the campaign, ad set, ad or creative the path names. */
  node?: MetaNode;
  store: MetaStore;
  now: Date;
  /** Meta's ad set budget change limit; absent, budgets change freely. */
  budgetChanges?: BudgetChangeMeter;
}

/** A handler's answer; `mutation` is set only when state actually changed. */
export interface GraphResult {
  body: unknown;
  mutation?: { op: LedgerOp; objectId: string; fields: Record<string, unknown> };
}

/** The node of a node route, narrowed to the type the handler serves. */
export function requireNode<K extends MetaNode["type"]>(ctx: GraphContext, type: K): Extract<MetaNode, { type: K }> {
  const node = ctx.node;
  if (node === undefined || node.type !== type) throw new Error(`this handler needs a ${type} node`);
  return node as Extract<MetaNode, { type: K }>;
}
