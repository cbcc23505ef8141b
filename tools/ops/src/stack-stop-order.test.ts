import { describe, expect, it } from "vitest";
import { stopOrder } from "./stack-stop-order.ts";

describe("./dev start stops every service it started", () => {
  it("gateway first, sandbox last, every other service (the optimizer too) in between", () => {
    const started = ["sandbox", "gate", "dispatcher-meta", "webhooks", "optimizer", "gateway"];
    const order = stopOrder(started);
    expect([...order].sort()).toEqual([...started].sort());
    expect(order[0]).toBe("gateway");
    expect(order.at(-1)).toBe("sandbox");
  });

  it("a list without gateway or sandbox is stopped as it is", () => {
    expect(stopOrder(["gate", "optimizer"])).toEqual(["gate", "optimizer"]);
  });
});
