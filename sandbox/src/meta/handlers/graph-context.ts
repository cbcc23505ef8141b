import type { LedgerOp } from "../../ledger.ts";
import type { GraphRequest } from "../graph-request.ts";
import type { MetaStore } from "../meta-store.ts";
import type { MetaAdAccount, MetaCampaign } from "../meta-types.ts";

/** What a handler gets: an authorised request on an account the token may act on. */
export interface GraphContext {
  req: GraphRequest;
  account: MetaAdAccount;
  /** Set for node routes: the campaign the path names. */
  campaign?: MetaCampaign;
  store: MetaStore;
  now: Date;
}

/** A handler's answer; `mutation` is set only when state actually changed. */
export interface GraphResult {
  body: unknown;
  mutation?: { op: LedgerOp; objectId: string; fields: Record<string, unknown> };
}
