import { unknownPath } from "./graph-errors.ts";

/** The Graph paths the sandbox serves. */
export type GraphRoute =
  | { kind: "adAccount"; accountId: string; label: string }
  | { kind: "adAccountCampaigns"; accountId: string; label: string }
  | { kind: "node"; id: string; label: string }
  /** An edge of a node (ad sets, ads…): outside the sandbox, but the node is still looked up first. */
  | { kind: "nodeEdge"; id: string; edge: string; label: string };

/**
 * `act_<digits>` is an ad account, `act_<digits>/campaigns` its campaigns edge, and a bare
 * number any other node. Everything else (ad sets, ads, other edges) is outside the sandbox.
 */
export function matchGraphRoute(segments: readonly string[]): GraphRoute {
  const [first, edge, ...rest] = segments;
  if (first === undefined) throw unknownPath("/");
  if (rest.length > 0) throw unknownPath(`/${rest.join("/")}`);
  const act = /^act_(\d+)$/.exec(first);
  if (act) {
    const accountId = act[1] as string;
    if (edge === undefined) return { kind: "adAccount", accountId, label: first };
    if (edge === "campaigns") return { kind: "adAccountCampaigns", accountId, label: first };
    throw unknownPath(`/${edge}`);
  }
  if (edge !== undefined) return { kind: "nodeEdge", id: first, edge, label: first };
  return { kind: "node", id: first, label: first };
}
