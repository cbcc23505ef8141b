import { renderLabels } from "./campaign-view.ts";
import { assertKnownFields, type FieldSelection } from "./field-selection.ts";
import { nonexistingField } from "./graph-errors.ts";
import { AD_CREATIVE_FIELDS, AD_LABEL_FIELDS } from "./known-fields.ts";
import type { MetaAdCreative, MetaLookup } from "./meta-types.ts";

/**
 * Renders an ad creative. Besides `object_story_spec` as sent, Meta derives flat read-only
 * fields from it (`body`, `title`, `link_url`, `image_hash`, `call_to_action_type`…); the
 * sandbox derives the same ones from the spec.
 */
export function renderCreative(c: MetaAdCreative, selection: readonly FieldSelection[], lookup: Pick<MetaLookup, "label">): Record<string, unknown> {
  assertCreativeSelection(selection);
  const out: Record<string, unknown> = {};
  for (const f of selection) {
    const v = creativeField(c, f, lookup);
    if (v !== undefined) out[f.name] = v;
  }
  return out;
}

export function assertCreativeSelection(selection: readonly FieldSelection[]): void {
  assertKnownFields(selection, AD_CREATIVE_FIELDS, "AdCreative", {
    adlabels: (sub) => {
      for (const s of sub) if (!AD_LABEL_FIELDS.has(s.name)) throw nonexistingField(s.name, "AdLabel");
    },
  });
}

function creativeField(c: MetaAdCreative, f: FieldSelection, lookup: Pick<MetaLookup, "label">): unknown {
  const spec = c.objectStorySpec;
  const link = asRecord(spec?.link_data);
  const video = asRecord(spec?.video_data);
  const story = link ?? video;
  const cta = asRecord(story?.call_to_action);
  switch (f.name) {
    case "id": return c.id;
    case "name": return c.name;
    case "account_id": return c.accountId;
    case "status": return c.status;
    case "object_story_spec": return spec;
    case "object_story_id": return c.objectStoryId;
    case "effective_object_story_id": return c.objectStoryId;
    case "object_type": return video !== undefined ? "VIDEO" : "SHARE";
    case "actor_id": return spec?.page_id;
    case "body": return story?.message;
    case "title": return link?.name ?? video?.title;
    case "link_url": return link?.link ?? asRecord(cta?.value)?.link;
    case "image_hash": return story?.image_hash;
    case "image_url": return link?.picture ?? video?.image_url;
    case "video_id": return video?.video_id;
    case "call_to_action_type": return cta?.type;
    case "adlabels": return renderLabels(c.adlabelIds, f.sub, (id) => lookup.label(id));
    default: return undefined;
  }
}

function asRecord(v: unknown): Record<string, unknown> | undefined {
  return v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}
