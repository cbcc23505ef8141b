import { describe, expect, it } from "vitest";
import { rateClassOf, rateVerdict, windowStartOf } from "./rate-limit.ts";

const policy = { quota: 3, windowSeconds: 60 };
const T0 = Date.UTC(2026, 10, 22, 12, 0, 0);

describe("rate limit verdicts", () => {
  it.each([
    ["GET", "read"],
    ["HEAD", "read"],
    ["POST", "write"],
    ["PATCH", "write"],
    ["PUT", "write"],
    ["DELETE", "write"],
  ] as const)("%s is a %s", (method, cls) => expect(rateClassOf(method)).toBe(cls));

  it("windows are fixed and aligned, so every instance counts into the same one", () => {
    expect(windowStartOf(policy, T0 + 59_999)).toBe(T0);
    expect(windowStartOf(policy, T0 + 60_000)).toBe(T0 + 60_000);
  });

  it.each([
    [1, 15_000, { exceeded: false, limitHeader: '"write";r=2;t=45' }],
    [3, 15_000, { exceeded: false, limitHeader: '"write";r=0;t=45' }],
    [4, 15_000, { exceeded: true, limitHeader: '"write";r=0;t=45', retryAfter: 45 }],
    [9, 59_500, { exceeded: true, limitHeader: '"write";r=0;t=1', retryAfter: 1 }],
  ])("request %i at +%i ms", (count, at, expected) => {
    const v = rateVerdict("write", policy, count, T0 + at);
    expect(v).toMatchObject({ ...expected, policyHeader: '"write";q=3;w=60' });
    if (!expected.exceeded) expect(v.retryAfter).toBeUndefined();
  });
});
