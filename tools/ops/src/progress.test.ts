import { describe, expect, it } from "vitest";
import { progressLine, progressReporter } from "./progress.ts";

describe("ops progress", () => {
  it("draws a bar with counts and percent; an empty range is complete", () => {
    expect(progressLine("replay", 5, 10, 10)).toBe("replay [#####-----] 5/10 (50%)");
    expect(progressLine("replay", 0, 0, 4)).toBe("replay [####] 0/0 (100%)");
  });

  it("redraws in place on a terminal and writes plain throttled lines elsewhere, always the last one", () => {
    let clock = 0;
    const tty: string[] = [];
    const bar = progressReporter("replay", { isTTY: true, write: (s) => tty.push(s) }, { everyMs: 100, now: () => clock });
    bar.update({ done: 0, total: 3 });
    bar.update({ done: 1, total: 3 }); // within 100 ms: skipped
    clock = 200;
    bar.update({ done: 3, total: 3 });
    bar.end();
    expect(tty).toEqual(["\rreplay [------------------------------] 0/3 (0%)", "\rreplay [##############################] 3/3 (100%)", "\n"]);

    clock = 0;
    const plain: string[] = [];
    const lines = progressReporter("replay", { write: (s) => plain.push(s) }, { everyMs: 1_000, now: () => clock });
    lines.update({ done: 0, total: 2 });
    clock = 10;
    lines.update({ done: 1, total: 2 });
    lines.update({ done: 2, total: 2 });
    lines.end();
    expect(plain).toEqual(["replay: 0/2\n", "replay: 2/2\n"]);
  });
});
