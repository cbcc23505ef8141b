import { describe, expect, it } from "vitest";
import { parseFieldSelection, readFieldSelection } from "./field-selection.ts";

describe("field selection", () => {
  it("parses plain, nested and modified fields", () => {
    expect(parseFieldSelection("id,name , adlabels{id,name},ads.limit(5){name}")).toEqual([
      { name: "id" }, { name: "name" }, { name: "adlabels", sub: [{ name: "id" }, { name: "name" }] }, { name: "ads", sub: [{ name: "name" }] },
    ]);
  });

  it("refuses broken syntax", () => {
    expect(() => parseFieldSelection("adlabels{name")).toThrow(/unbalanced/);
    expect(() => parseFieldSelection("na-me")).toThrow(/Syntax error/);
  });

  it("uses the defaults when fields is absent and always adds id otherwise", () => {
    expect(readFieldSelection({}, ["id", "name"])).toEqual([{ name: "id" }, { name: "name" }]);
    expect(readFieldSelection({ fields: "status" }, ["id"])).toEqual([{ name: "status" }, { name: "id" }]);
    expect(readFieldSelection({ fields: ["name", "id"] }, [])).toEqual([{ name: "name" }, { name: "id" }]);
  });
});
