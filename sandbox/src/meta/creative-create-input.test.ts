import { describe, expect, it } from "vitest";
import { parseCreativeCreate } from "./creative-create-input.ts";
import { parseCreativeUpdate } from "./creative-update-input.ts";
import { GraphError } from "./graph-error.ts";

const link = { page_id: "111", link_data: { link: "https://a.example/", message: "m", name: "h", image_hash: "0123456789abcdef0123456789abcdef", call_to_action: { type: "SIGN_UP" } } };

function refused(fn: () => unknown): GraphError {
  try {
    fn();
  } catch (err) {
    if (err instanceof GraphError) return err;
    throw err;
  }
  throw new Error("expected a refusal");
}

describe("creative create input", () => {
  it("takes a link story as a JSON string, page_id as a number, and keeps it as sent", () => {
    const input = parseCreativeCreate({ name: "n", object_story_spec: JSON.stringify({ ...link, page_id: 111 }) });
    expect(input).toEqual({ name: "n", objectStorySpec: link, adlabels: [] });
  });

  it("takes an existing post by object_story_id, but not together with a spec", () => {
    expect(parseCreativeCreate({ object_story_id: "111_222" })).toEqual({ objectStoryId: "111_222", adlabels: [] });
    expect(refused(() => parseCreativeCreate({ object_story_id: "222" })).errorData).toEqual({ blame_field_specs: [["object_story_id"]] });
    expect(refused(() => parseCreativeCreate({ object_story_id: "1_2", object_story_spec: link })).code).toBe(100);
    expect(refused(() => parseCreativeCreate({ name: "n" })).userMsg).toContain("object_story_spec is required");
  });

  it("names the bad part of the story in the message", () => {
    const msg = (spec: unknown) => refused(() => parseCreativeCreate({ object_story_spec: spec as object })).userMsg;
    expect(msg({ link_data: link.link_data })).toContain("page_id is required");
    expect(msg({ page_id: "1", photo_data: {} })).toContain("not imitated");
    expect(msg({ page_id: "1" })).toContain("exactly one");
    expect(msg({ page_id: "1", link_data: { link: "https://a.example/", image_hash: "nothex" } })).toContain("image_hash");
    expect(msg({ page_id: "1", link_data: { link: "https://a.example/", child_attachments: [{ link: "https://a.example/1" }] } })).toContain("2 to 10");
    expect(msg({ page_id: "1", link_data: { link: "https://a.example/", call_to_action: { type: "LEARN_MORE", value: { url: "x" } } } })).toContain("value has no field url");
    expect(msg({ page_id: "1", video_data: { video_id: "x", image_url: "https://a.example/t.jpg" } })).toContain("video_id");
  });
});

describe("creative update input", () => {
  it("takes a new name and nothing that changes what the creative shows", () => {
    expect(parseCreativeUpdate({ name: "New", id: "1", access_token: "t" })).toEqual({ name: "New" });
    expect(parseCreativeUpdate({})).toEqual({});
    for (const key of ["object_story_spec", "body", "image_hash", "status", "url_tags"]) {
      expect(refused(() => parseCreativeUpdate({ [key]: "x" })).errorData, key).toEqual({ blame_field_specs: [[key]] });
    }
  });
});
