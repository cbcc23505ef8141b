import { describe, expect, it } from "vitest";
import { newId } from "@layers/contracts";
import { claimWaitingToSweep } from "./index.ts";
import { useLifecycleFixture } from "./test-support/lifecycle-fixture.ts";

const f = useLifecycleFixture();

describe("lifecycle - the hand-on sweep", () => {
  it("leaves the writes of accounts the budget waker schedules to it, and books each write it takes", async () => {
    const [scheduled, other] = [newId("adAccount"), newId("adAccount")];
    const [a, b, c] = [await f.accepted(newId("campaign")), await f.accepted(newId("campaign")), await f.accepted(newId("campaign"))];
    await f.allow(a, "structural", { adAccountId: scheduled });
    await f.allow(b, "structural", { adAccountId: other });
    // Stored before dispatches carried their account: never left to the waker.
    await f.allow(c);
    const sweep = (skip: string[]) => claimWaitingToSweep(f.env.db, { platform: "meta", afterMs: 0, retryMs: 60_000, limit: 10, skipAdAccountIds: skip });

    const first = await sweep([scheduled]);
    expect(first.map((w) => w.id).sort()).toEqual([b.intentId, c.intentId].sort());
    expect(first.find((w) => w.id === b.intentId)?.dispatch).toMatchObject({ intentId: b.intentId, adAccountId: other });
    // The account's schedule lapsed: its write is the sweep's again; the ones it took are booked.
    expect((await sweep([])).map((w) => w.id)).toEqual([a.intentId]);
    expect(await sweep([])).toEqual([]);
  });
});
