import { describe, expect, it } from "vitest";
import { lastEventIdOf, sseEvent, SSE_HEARTBEAT } from "./sse.ts";

describe("SSE framing", () => {
  it("one event is id, event and one data line of JSON, ended by a blank line", () => {
    expect(sseEvent({ id: 3, event: "running", data: { a: "x\ny" } })).toBe('id: 3\nevent: running\ndata: {"a":"x\\ny"}\n\n');
  });

  it("the heartbeat is a comment line", () => {
    expect(SSE_HEARTBEAT.startsWith(":")).toBe(true);
    expect(SSE_HEARTBEAT.endsWith("\n\n")).toBe(true);
  });

  it.each([
    [undefined, 0],
    ["0", 0],
    ["7", 7],
    [" 12 ", 12],
    [["4", "9"], 4],
    ["-1", null],
    ["1.5", null],
    ["abc", null],
    ["", null],
    ["9999999999", null],
  ] as const)("Last-Event-ID %j → %j", (raw, expected) => {
    expect(lastEventIdOf(raw as string | string[] | undefined)).toBe(expected);
  });
});
