import { describe, expect, it } from "vitest";
import { formatGraphTime, parseGraphTime } from "./graph-time.ts";

describe("graph time", () => {
  it("formats like Meta: UTC with a colon-less offset", () => {
    expect(formatGraphTime(new Date("2030-05-06T07:08:09.123Z"))).toBe("2030-05-06T07:08:09+0000");
  });

  it("parses ISO 8601 in several spellings and Unix seconds", () => {
    expect(parseGraphTime("2030-05-06T07:08:09+0000")?.toISOString()).toBe("2030-05-06T07:08:09.000Z");
    expect(parseGraphTime("2030-05-06T09:08:09+02:00")?.toISOString()).toBe("2030-05-06T07:08:09.000Z");
    expect(parseGraphTime("2030-05-06")?.toISOString()).toBe("2030-05-06T00:00:00.000Z");
    expect(parseGraphTime(1_900_000_000)?.toISOString()).toBe("2030-03-17T17:46:40.000Z");
    expect(parseGraphTime("1900000000")?.getTime()).toBe(1_900_000_000_000);
    expect(parseGraphTime("soon")).toBeUndefined();
  });
});
