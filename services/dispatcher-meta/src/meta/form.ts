/**
 * Graph API writes are `application/x-www-form-urlencoded`. Scalars go as their string form;
 * lists and objects (`special_ad_categories`, `adlabels`) go as JSON strings, which is what
 * Meta's own SDKs send. `undefined` and `null` are left out, so callers can spread optionals.
 */
export function encodeForm(fields: Readonly<Record<string, unknown>>): URLSearchParams {
  const form = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined || value === null) continue;
    form.set(key, encodeValue(key, value));
  }
  return form;
}

function encodeValue(key: string, value: unknown): string {
  switch (typeof value) {
    case "string":
      return value;
    case "number":
      if (!Number.isFinite(value)) throw new RangeError(`form field ${key} is not a finite number`);
      return String(value);
    case "boolean":
    case "bigint":
      return String(value);
    case "object":
      return JSON.stringify(value);
    default:
      throw new TypeError(`form field ${key} has unsupported type ${typeof value}`);
  }
}

/** Meta paths take the ad account with its `act_` prefix; stored ids may carry the bare number. */
export function actId(accountId: string): string {
  return accountId.startsWith("act_") ? accountId : `act_${accountId}`;
}
