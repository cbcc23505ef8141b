import type { LedgerOp } from "../ledger.ts";
import type { AppleEnvelope } from "./apple-error.ts";
import type { AppleStore } from "./apple-store.ts";
import type { AppleOrg } from "./apple-types.ts";

/** What a handler sees: the authorised org, the parsed request and the clock. */
export interface AppleContext {
  org: AppleOrg;
  store: AppleStore;
  now: Date;
  params: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
}

/** One applied change, recorded in the ledger by the pipeline. */
export interface AppleMutation {
  op: LedgerOp;
  objectId: string;
  fields: Record<string, unknown>;
}

export interface AppleResult {
  status?: number;
  /** v5's envelope, or the Platform API's `{result, pagination?}`. */
  body: AppleEnvelope<unknown> | Record<string, unknown>;
  /** Empty for reads; one entry per object changed (bulk keyword calls change several). */
  mutations?: AppleMutation[];
}

export type AppleHandler = (ctx: AppleContext) => AppleResult;
