import { readAdLabelRefs } from "./adlabel-refs.ts";
import { readName } from "./campaign-fields-input.ts";
import { CALL_TO_ACTION_TYPES } from "./enums.ts";
import { invalidParam, missingParam } from "./graph-errors.ts";
import { readJsonObject, readString, type GraphParams } from "./graph-params.ts";
import { CALL_TO_ACTION_VALUE_FIELDS, LINK_DATA_FIELDS, OBJECT_STORY_SPEC_FIELDS, VIDEO_DATA_FIELDS } from "./known-fields.ts";
import type { AdLabelRef } from "./meta-types.ts";

/** A validated `POST /act_{id}/adcreatives`: a new story (`object_story_spec`) or an existing post. */
export interface CreativeCreateInput {
  name?: string;
  objectStorySpec?: Record<string, unknown>;
  objectStoryId?: string;
  adlabels: AdLabelRef[];
}

/** Meta image hashes are the hex MD5 of the uploaded image. */
const IMAGE_HASH = /^[0-9a-f]{32}$/i;

/**
 * Exactly one of `object_story_spec` (page_id plus link_data or video_data) or `object_story_id`
 * (`<page id>_<post id>`). Field names are checked against the SDK's lists; values Meta would
 * resolve (pages, images, videos) are only checked for shape, since the sandbox holds none.
 */
export function parseCreativeCreate(params: GraphParams): CreativeCreateInput {
  const input: CreativeCreateInput = { adlabels: readAdLabelRefs(params) ?? [] };
  const name = readName(params);
  if (name !== undefined) input.name = name;
  const spec = readJsonObject(params, "object_story_spec");
  const storyId = readString(params, "object_story_id");
  if (spec !== undefined && storyId !== undefined) {
    throw invalidParam("object_story_id", "Use either object_story_spec or object_story_id, not both.");
  }
  if (storyId !== undefined) {
    if (!/^\d+_\d+$/.test(storyId)) throw invalidParam("object_story_id", "object_story_id must be <page id>_<post id>");
    input.objectStoryId = storyId;
  } else if (spec !== undefined) {
    input.objectStorySpec = parseObjectStorySpec(spec);
  } else {
    throw missingParam("object_story_spec");
  }
  return input;
}

export function parseObjectStorySpec(spec: Readonly<Record<string, unknown>>): Record<string, unknown> {
  for (const key of Object.keys(spec)) {
    if (!OBJECT_STORY_SPEC_FIELDS.has(key)) throw invalid(`object_story_spec has no field ${key}`);
  }
  const out: Record<string, unknown> = { page_id: readDigits(spec.page_id, "object_story_spec.page_id", true) };
  const ig = readDigits(spec.instagram_user_id, "object_story_spec.instagram_user_id", false);
  if (ig !== undefined) out.instagram_user_id = ig;
  const kinds = ["link_data", "video_data", "photo_data", "text_data", "template_data", "product_data"].filter((k) => spec[k] !== undefined);
  if (kinds.length !== 1) throw invalid("object_story_spec needs exactly one of link_data or video_data");
  if (spec.link_data !== undefined) out.link_data = parseLinkData(asObject(spec.link_data, "object_story_spec.link_data"));
  else if (spec.video_data !== undefined) out.video_data = parseVideoData(asObject(spec.video_data, "object_story_spec.video_data"));
  else throw invalid(`object_story_spec.${kinds[0]} is not imitated by the sandbox; use link_data or video_data`);
  return out;
}

function parseLinkData(d: Record<string, unknown>): Record<string, unknown> {
  const at = "object_story_spec.link_data";
  for (const key of Object.keys(d)) if (!LINK_DATA_FIELDS.has(key)) throw invalid(`${at} has no field ${key}`);
  if (d.link === undefined) throw invalid(`${at}.link is required`);
  readUrl(d.link, `${at}.link`);
  for (const key of ["message", "name", "description", "caption"]) readText(d[key], `${at}.${key}`);
  if (d.picture !== undefined && d.image_hash !== undefined) throw invalid(`${at} takes picture or image_hash, not both`);
  if (d.picture !== undefined) readUrl(d.picture, `${at}.picture`);
  if (d.image_hash !== undefined) readImageHash(d.image_hash, `${at}.image_hash`);
  if (d.call_to_action !== undefined) readCallToAction(d.call_to_action, `${at}.call_to_action`);
  if (d.child_attachments !== undefined) {
    const items = d.child_attachments;
    if (!Array.isArray(items) || items.length < 2 || items.length > 10) throw invalid(`${at}.child_attachments must list 2 to 10 cards`);
    items.forEach((item, i) => readUrl(asObject(item, `${at}.child_attachments[${i}]`).link, `${at}.child_attachments[${i}].link`));
  }
  return structuredClone(d);
}

function parseVideoData(d: Record<string, unknown>): Record<string, unknown> {
  const at = "object_story_spec.video_data";
  for (const key of Object.keys(d)) if (!VIDEO_DATA_FIELDS.has(key)) throw invalid(`${at} has no field ${key}`);
  const out = structuredClone(d);
  out.video_id = readDigits(d.video_id, `${at}.video_id`, true);
  // A video ad needs a thumbnail: Meta refuses video_data without image_url or image_hash.
  if (d.image_url === undefined && d.image_hash === undefined) throw invalid(`${at} needs image_url or image_hash for the thumbnail`);
  if (d.image_url !== undefined) readUrl(d.image_url, `${at}.image_url`);
  if (d.image_hash !== undefined) readImageHash(d.image_hash, `${at}.image_hash`);
  for (const key of ["message", "title", "link_description"]) readText(d[key], `${at}.${key}`);
  if (d.call_to_action !== undefined) readCallToAction(d.call_to_action, `${at}.call_to_action`);
  return out;
}

function readCallToAction(v: unknown, at: string): void {
  const cta = asObject(v, at);
  for (const key of Object.keys(cta)) if (key !== "type" && key !== "value") throw invalid(`${at} has no field ${key}`);
  if (typeof cta.type !== "string" || !CALL_TO_ACTION_TYPES.includes(cta.type)) throw invalid(`${at}.type must be a call-to-action type such as LEARN_MORE`);
  if (cta.value === undefined) return;
  const value = asObject(cta.value, `${at}.value`);
  for (const key of Object.keys(value)) if (!CALL_TO_ACTION_VALUE_FIELDS.has(key)) throw invalid(`${at}.value has no field ${key}`);
  if (value.link !== undefined) readUrl(value.link, `${at}.value.link`);
}

function readDigits(v: unknown, at: string, required: true): string;
function readDigits(v: unknown, at: string, required: false): string | undefined;
function readDigits(v: unknown, at: string, required: boolean): string | undefined {
  if (v === undefined) {
    if (required) throw invalid(`${at} is required`);
    return undefined;
  }
  const s = typeof v === "number" && Number.isSafeInteger(v) ? String(v) : v;
  if (typeof s !== "string" || !/^\d+$/.test(s)) throw invalid(`${at} must be a numeric id`);
  return s;
}

function readUrl(v: unknown, at: string): void {
  let ok = false;
  if (typeof v === "string") {
    try {
      const u = new URL(v);
      ok = u.protocol === "https:" || u.protocol === "http:";
    } catch {
      ok = false;
    }
  }
  if (!ok) throw invalid(`${at} must be an http(s) URL`);
}

function readText(v: unknown, at: string): void {
  if (v !== undefined && typeof v !== "string") throw invalid(`${at} must be a string`);
}

function readImageHash(v: unknown, at: string): void {
  if (typeof v !== "string" || !IMAGE_HASH.test(v)) throw invalid(`${at} must be the 32-hex-digit hash of an uploaded image`);
}

function asObject(v: unknown, at: string): Record<string, unknown> {
  if (v === null || typeof v !== "object" || Array.isArray(v)) throw invalid(`${at} must be an object`);
  return v as Record<string, unknown>;
}

function invalid(msg: string) {
  return invalidParam("object_story_spec", msg);
}
