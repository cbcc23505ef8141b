import type { FieldSelection } from "./field-selection.ts";
import { nonexistingField } from "./graph-errors.ts";
import { formatGraphTime } from "./graph-time.ts";
import { AD_ACCOUNT_FIELDS } from "./known-fields.ts";
import type { MetaAdAccount } from "./meta-types.ts";

/** Renders `GET /act_{id}`: enough for a client to learn the account currency and its minimum budget. */
export function renderAdAccount(a: MetaAdAccount, selection: readonly FieldSelection[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of selection) {
    if (!AD_ACCOUNT_FIELDS.has(f.name)) throw nonexistingField(f.name, "AdAccount");
    const v = accountField(a, f.name);
    if (v !== undefined) out[f.name] = v;
  }
  return out;
}

function accountField(a: MetaAdAccount, name: string): unknown {
  switch (name) {
    case "id": return `act_${a.id}`;
    case "account_id": return a.id;
    case "name": return a.name;
    case "currency": return a.currency;
    case "account_status": return 1; // 1 = ACTIVE
    case "min_daily_budget": return a.minDailyBudget;
    case "amount_spent": return "0";
    case "balance": return "0";
    case "created_time": return formatGraphTime(new Date(a.createdTime));
    default: return undefined;
  }
}
