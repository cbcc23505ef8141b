import { describe, expect, it } from "vitest";
import { PermanentError } from "@layers/runtime";
import { pickLiveByName } from "./find.ts";

describe("pickLiveByName", () => {
  const items = [
    { id: "1", name: "Spring", deleted: true },
    { id: "2", name: "Spring", deleted: false },
    { id: "3", name: "spring" },
    { id: "4", name: "Summer" },
  ];

  it("finds the one live object with exactly that name, skipping soft-deleted ones", () => {
    expect(pickLiveByName(items, "Spring", "campaign")?.id).toBe("2");
    expect(pickLiveByName(items, "spring", "campaign")?.id).toBe("3");
    expect(pickLiveByName(items, "Autumn", "campaign")).toBeUndefined();
    expect(pickLiveByName([{ id: "1", name: "Spring", deleted: true }], "Spring", "campaign")).toBeUndefined();
  });

  it("refuses to guess between two live objects of the same name", () => {
    const twice = [...items, { id: "5", name: "Summer", deleted: false }];
    let err: unknown;
    try {
      pickLiveByName(twice, "Summer", "ad group");
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(PermanentError);
    expect((err as PermanentError).code).toBe("ambiguous_platform_object");
    expect((err as Error).message).toMatch(/ids 4, 5/);
  });
});
