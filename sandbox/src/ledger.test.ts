import { describe, expect, it } from "vitest";
import { Ledger } from "./ledger.ts";

const entry = (account: string, objectId: string) =>
  ({ platform: "meta", account, method: "POST", path: "/v24.0/x", op: "update", objectId, fields: { name: "n" } }) as const;

describe("ledger", () => {
  it("numbers entries and filters by account, object and sequence", () => {
    const l = new Ledger();
    l.append(entry("act_1", "10"), new Date("2030-01-01T00:00:00Z"));
    l.append(entry("act_2", "20"), new Date("2030-01-01T00:00:01Z"));
    l.append(entry("act_1", "11"), new Date("2030-01-01T00:00:02Z"));
    expect(l.query({ account: "act_1" }).map((e) => e.seq)).toEqual([1, 3]);
    expect(l.query({ objectId: "20" })[0]).toMatchObject({ seq: 2, at: "2030-01-01T00:00:01.000Z", account: "act_2" });
    expect(l.query({ afterSeq: 1, account: "act_1" }).map((e) => e.objectId)).toEqual(["11"]);
    expect(l.query({ platform: "tiktok" })).toEqual([]);
  });

  it("continues numbering after a restore", () => {
    const first = new Ledger();
    first.append(entry("act_1", "1"), new Date());
    first.append(entry("act_1", "2"), new Date());
    const restored = Ledger.fromSnapshot(first.snapshot());
    expect(restored.append(entry("act_1", "3"), new Date()).seq).toBe(3);
  });
});
