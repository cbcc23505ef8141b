import { unknownPath } from "./graph-errors.ts";

/** Edges of an ad account the sandbox serves. */
export const AD_ACCOUNT_EDGES = ["campaigns", "adsets", "ads", "adcreatives"] as const;
export type AdAccountEdge = (typeof AD_ACCOUNT_EDGES)[number];

/** The Graph paths the sandbox serves. */
export type GraphRoute =
  | { kind: "adAccount"; accountId: string; label: string }
  | { kind: "adAccountEdge"; accountId: string; edge: AdAccountEdge; label: string }
  | { kind: "node"; id: string; label: string }
  /** An edge of a node (`/{campaign_id}/adsets`); whether the node has it is known once the node is loaded. */
  | { kind: "nodeEdge"; id: string; edge: string; label: string };

/**
 * `act_<digits>` is an ad account, `act_<digits>/{campaigns|adsets|ads|adcreatives}` its edges,
 * and a bare number any other node, optionally with one edge. Everything else is outside the sandbox.
 */
export function matchGraphRoute(segments: readonly string[]): GraphRoute {
  const [first, edge, ...rest] = segments;
  if (first === undefined) throw unknownPath("/");
  if (rest.length > 0) throw unknownPath(`/${rest.join("/")}`);
  const act = /^act_(\d+)$/.exec(first);
  if (act) {
    const accountId = act[1] as string;
    if (edge === undefined) return { kind: "adAccount", accountId, label: first };
    if ((AD_ACCOUNT_EDGES as readonly string[]).includes(edge)) return { kind: "adAccountEdge", accountId, edge: edge as AdAccountEdge, label: first };
    throw unknownPath(`/${edge}`);
  }
  if (edge !== undefined) return { kind: "nodeEdge", id: first, edge, label: first };
  return { kind: "node", id: first, label: first };
}
