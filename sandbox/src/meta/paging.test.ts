import { describe, expect, it } from "vitest";
import { GraphError } from "./graph-error.ts";
import { decodeCursor, encodeCursor, paginate } from "./paging.ts";

const items = [9, 8, 7, 5, 4, 2].map((ordinal) => ({ ordinal }));
const ords = (p: { items: Array<{ ordinal: number }> }) => p.items.map((i) => i.ordinal);

describe("cursor paging", () => {
  it("round-trips cursors and refuses forged ones", () => {
    expect(decodeCursor(encodeCursor(123), "after")).toBe(123);
    expect(() => decodeCursor("bm9wZQ", "after")).toThrow(GraphError);
    expect(() => decodeCursor(Buffer.from("sbx1:-4").toString("base64url"), "before")).toThrow(/before/);
  });

  it("walks forward page by page; the last page has no next", () => {
    const p1 = paginate(items, { limit: 4 });
    expect(ords(p1)).toEqual([9, 8, 7, 5]);
    expect(p1).toMatchObject({ hasNext: true, hasPrevious: false });
    expect(p1.cursors).toEqual({ before: encodeCursor(9), after: encodeCursor(5) });
    const p2 = paginate(items, { limit: 4, after: p1.cursors!.after });
    expect(ords(p2)).toEqual([4, 2]);
    expect(p2).toMatchObject({ hasNext: false, hasPrevious: true });
  });

  it("walks backward with before", () => {
    const back = paginate(items, { limit: 2, before: encodeCursor(4) });
    expect(ords(back)).toEqual([7, 5]);
    expect(back).toMatchObject({ hasNext: true, hasPrevious: true });
  });

  it("does not skip items when the cursor's own item has gone", () => {
    const without5 = items.filter((i) => i.ordinal !== 5);
    expect(ords(paginate(without5, { limit: 10, after: encodeCursor(5) }))).toEqual([4, 2]);
  });

  it("answers an empty page with no cursors", () => {
    expect(paginate([], { limit: 5 })).toEqual({ items: [], hasNext: false, hasPrevious: false });
    expect(paginate(items, { limit: 5, after: encodeCursor(2) }).cursors).toBeUndefined();
  });
});
