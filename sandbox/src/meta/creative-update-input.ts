import { readName } from "./campaign-fields-input.ts";
import { invalidParam } from "./graph-errors.ts";
import type { GraphParams } from "./graph-params.ts";
import { AD_CREATIVE_FIELDS } from "./known-fields.ts";

/** What a `POST /{creative_id}` may change: the name alone. */
export interface CreativePatch {
  name?: string;
}

/** Fields that name the object rather than change it; the official SDKs echo them back on update. */
const IDENTITY_FIELDS: ReadonlySet<string> = new Set(["id", "account_id", "name"]);

/**
 * Creatives are immutable: what an ad shows can only change by giving the ad another creative.
 * Any creative field other than `name` is refused, naming the field.
 */
export function parseCreativeUpdate(params: GraphParams): CreativePatch {
  for (const key of Object.keys(params)) {
    if (AD_CREATIVE_FIELDS.has(key) && !IDENTITY_FIELDS.has(key)) {
      throw invalidParam(key, `An ad creative can't be changed after it is created (only its name can); create a new creative instead of changing ${key}.`, {
        title: "Creative Is Immutable",
      });
    }
  }
  const name = readName(params);
  return name === undefined ? {} : { name };
}
