import type { AppleError } from "./apple-error.ts";
import { forbidden } from "./apple-error.ts";
import type { AppleOrg } from "./apple-types.ts";

/**
 * What differs between the two Apple APIs the sandbox serves on the same state, as far as the
 * request pipeline is concerned: how the account is named in `X-AP-Context`, how an error is
 * rendered, and which headers every answer carries. The handlers differ too (their own files).
 */
export interface AppleDialect {
  /** Recorded on each ledger entry: which API made the mutation. */
  api: "v5" | "platform";
  /** The account id `X-AP-Context` names, or undefined when missing or malformed. */
  contextId(header: string | undefined): number | undefined;
  /** What a caller must send, for the 403. */
  contextHint: string;
  renderError(err: AppleError): unknown;
  /** Headers on every answer of this org (success or failure), e.g. the Platform API's RateLimit-*. */
  headers(org: AppleOrg | undefined, now: Date, err?: AppleError): Record<string, string>;
}

/** `X-AP-Context: <key>=<digits>` (parts separated by `;` or `,`) → the id. */
export function contextValue(header: string | undefined, key: string): number | undefined {
  if (header === undefined) return undefined;
  for (const part of header.split(/[;,]/)) {
    const m = new RegExp(`^\\s*${key}\\s*=\\s*(\\d{1,16})\\s*$`).exec(part);
    if (m) return Number(m[1]);
  }
  return undefined;
}

/** The token acts only in its own org / ad account: a missing, malformed or other id is 403. */
export function checkDialectContext(dialect: AppleDialect, org: AppleOrg, header: string | undefined): void {
  const id = dialect.contextId(header);
  if (id === undefined) throw forbidden(`The X-AP-Context header must be ${dialect.contextHint}`);
  if (id !== org.orgId) throw forbidden(`The caller has no access to ${dialect.api === "v5" ? "org" : "ad account"} ${id}`);
}

export const V5_DIALECT: AppleDialect = {
  api: "v5",
  contextId: (h) => contextValue(h, "orgId"),
  contextHint: "orgId=<orgId>",
  renderError: (err) => err.toBody(),
  headers: (_org, _now, err) => err?.headers ?? {},
};
