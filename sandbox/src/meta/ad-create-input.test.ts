import { describe, expect, it } from "vitest";
import { parseAdCreate } from "./ad-create-input.ts";
import { adPatchFieldNames, parseAdUpdate } from "./ad-update-input.ts";
import { GraphError } from "./graph-error.ts";

function blamed(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    if (err instanceof GraphError) return err.errorData;
    throw err;
  }
  throw new Error("expected a refusal");
}

describe("ad create input", () => {
  it("reads creative as a JSON string or object, ids as strings, status default ACTIVE", () => {
    expect(parseAdCreate({ name: "Ad", adset_id: "12", creative: '{"creative_id":"34"}' })).toEqual({
      name: "Ad", adSetId: "12", creativeId: "34", status: "ACTIVE", adlabels: [],
    });
    expect(parseAdCreate({ name: "Ad", adset_id: 12, creative: { creative_id: 34 }, status: "PAUSED" })).toMatchObject({ adSetId: "12", creativeId: "34", status: "PAUSED" });
  });

  it("requires name, adset_id and creative, and refuses inline creative specs", () => {
    expect(blamed(() => parseAdCreate({ adset_id: "1", creative: { creative_id: "2" } }))).toEqual({ blame_field_specs: [["name"]] });
    expect(blamed(() => parseAdCreate({ name: "a", creative: { creative_id: "2" } }))).toEqual({ blame_field_specs: [["adset_id"]] });
    expect(blamed(() => parseAdCreate({ name: "a", adset_id: "1" }))).toEqual({ blame_field_specs: [["creative"]] });
    expect(blamed(() => parseAdCreate({ name: "a", adset_id: "1", creative: { object_story_spec: {} } }))).toEqual({ blame_field_specs: [["creative"]] });
    expect(blamed(() => parseAdCreate({ name: "a", adset_id: "1", creative: '"2"' }))).toEqual({ blame_field_specs: [["creative"]] });
  });
});

describe("ad update input", () => {
  it("reads a creative swap, a status and labels, named in Graph spelling", () => {
    const patch = parseAdUpdate({ creative: { creative_id: "9" }, status: "DELETED", adlabels: [{ name: "l" }] });
    expect(patch).toEqual({ creativeId: "9", status: "DELETED", adlabels: [{ name: "l" }] });
    expect(adPatchFieldNames(patch).sort()).toEqual(["adlabels", "creative", "status"]);
  });
});
