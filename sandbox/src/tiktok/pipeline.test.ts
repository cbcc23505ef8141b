import { createLogger } from "@layers/runtime";
import { describe, expect, it } from "vitest";
import { FaultBook } from "../faults.ts";
import { Ledger } from "../ledger.ts";
import { invalidParam } from "./envelope.ts";
import { handleTiktokCall, type TtHandler } from "./pipeline.ts";
import { TiktokStore } from "./tiktok-store.ts";

function setup() {
  const store = new TiktokStore();
  const adv = store.createAdvertiser("A", "USD");
  const deps = { store, ledger: new Ledger(), faults: new FaultBook(), log: createLogger({ service: "t", level: "silent" }), onMutation: () => {} };
  const call = (params: Record<string, unknown> = { advertiser_id: adv.id }, token: string | undefined = adv.accessToken) => ({
    method: "POST", path: "/open_api/v1.3/x/", token, params,
  });
  return { store, adv, deps, call };
}

const write: TtHandler = () => ({ data: { ok: 1 }, mutations: [{ op: "create", objectId: "17", fields: { a: 1 } }] });

describe("handleTiktokCall", () => {
  it("runs the handler and ledgers its mutations under the advertiser", async () => {
    const { adv, deps, call } = setup();
    const out = await handleTiktokCall(call(), write, deps);
    expect(out).toMatchObject({ code: 0, data: { ok: 1 } });
    expect(deps.ledger.query()).toEqual([
      expect.objectContaining({ platform: "tiktok", account: adv.id, method: "POST", path: "/open_api/v1.3/x/", op: "create", objectId: "17", fields: { a: 1 } }),
    ]);
  });

  it("checks the token before advertiser_id, and advertiser_id before faults", async () => {
    const { adv, deps, call } = setup();
    deps.faults.set("tiktok", adv.id, { throttle: 1 });
    expect((await handleTiktokCall(call({}, ""), write, deps)).code).toBe(40105);
    expect((await handleTiktokCall(call({ advertiser_id: adv.id }, "other"), write, deps)).code).toBe(40105);
    expect((await handleTiktokCall(call({}), write, deps)).code).toBe(40002);
    expect((await handleTiktokCall(call({ advertiser_id: 7 }), write, deps)).code).toBe(40001);
    expect(deps.faults.get("tiktok", adv.id).throttle).toBe(1);
    expect((await handleTiktokCall(call(), write, deps)).code).toBe(40100);
  });

  it("fires throttle before 5xx and neither applies the write", async () => {
    const { adv, deps, call } = setup();
    deps.faults.set("tiktok", adv.id, { throttle: 1, fail5xx: 1 });
    expect((await handleTiktokCall(call(), write, deps)).code).toBe(40100);
    expect((await handleTiktokCall(call(), write, deps)).code).toBe(50000);
    expect(deps.ledger.query()).toEqual([]);
    expect((await handleTiktokCall(call(), write, deps)).code).toBe(0);
  });

  it("turns TtErrors into their code and other throws into 50000, ledgering nothing", async () => {
    const { deps, call } = setup();
    expect(await handleTiktokCall(call(), () => { throw invalidParam("x: bad"); }, deps)).toMatchObject({ code: 40002, message: "x: bad", data: {} });
    expect((await handleTiktokCall(call(), () => { throw new Error("boom"); }, deps)).code).toBe(50000);
    expect(deps.ledger.query()).toEqual([]);
  });

  it("loses the answer after applying when failAfterApply is armed, but not for reads", async () => {
    const { adv, deps, call } = setup();
    deps.faults.set("tiktok", adv.id, { failAfterApply: 1 });
    expect((await handleTiktokCall(call(), () => ({ data: {}, mutations: [] }), deps)).code).toBe(0);
    expect((await handleTiktokCall(call(), write, deps)).code).toBe(50000);
    expect(deps.ledger.query()).toHaveLength(1);
  });
});
