import { parseArgs } from "node:util";
import { describe, expect, it } from "vitest";
import { UsageError } from "./commands/orgs.ts";
import { describeFailure } from "./failure.ts";

describe("describeFailure", () => {
  it("a usage error is one line naming it, exit code 2", () => {
    const out = describeFailure(new UsageError("--key is required"));
    expect(out).toEqual({ line: "error: --key is required (./dev ops help lists the commands)", exitCode: 2 });
  });

  it("an option parseArgs does not know is a usage error too", () => {
    let thrown: unknown;
    try {
      parseArgs({ args: ["--nope"], options: {} });
    } catch (err) {
      thrown = err;
    }
    const out = describeFailure(thrown);
    expect(out.exitCode).toBe(2);
    expect(out.line).toContain("--nope");
    expect(out.line).not.toContain("\n");
  });

  it("anything else is exit code 1, on one line even when the message has several", () => {
    expect(describeFailure(new Error("DATABASE_URL: invalid\nNATS_URL: invalid"))).toEqual({ line: "error: DATABASE_URL: invalid; NATS_URL: invalid", exitCode: 1 });
  });

  it("a connection refused on every address (an empty AggregateError) names the first cause", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    expect(describeFailure(new AggregateError([refused], "")).line).toBe("error: connect ECONNREFUSED 127.0.0.1:5432");
    expect(describeFailure(Object.assign(new Error(""), { code: "ECONNRESET" })).line).toBe("error: ECONNRESET");
  });
});
