import { describe, expect, it } from "vitest";
import {
  assertMove,
  canMove,
  FINISHED_INTENT_STATES,
  fromStates,
  IllegalTransitionError,
  INTENT_MOVES,
  JOB_MOVES,
  OPEN_INTENT_STATES,
  PENDING_MOVES,
  terminalStates,
} from "./transitions.ts";

describe("write lifecycle transition table", () => {
  it.each([
    ["allow", "accepted", true],
    ["allow", "allowed", false],
    ["claim", "allowed", true],
    ["claim", "dispatching", true],
    ["claim", "dispatched", false],
    ["claim", "queued", false],
    ["land", "dispatching", true],
    ["land", "allowed", false],
    ["release", "dispatching", true],
    ["defer", "dispatching", true],
    ["defer", "allowed", false],
    ["defer", "dispatched", false],
    ["redrive", "dead", true],
    ["redrive", "dispatched", false],
    ["redrive", "failed", false],
    ["deny", "dispatched", false],
    ["supersede", "dispatching", true],
    ["supersede", "allowed", false],
    ["supersede", "accepted", false],
    ["supersede", "dispatched", false],
    ["supersede", "superseded", false],
    ["cancel", "accepted", true],
    ["cancel", "queued", true],
    ["cancel", "allowed", true],
    ["cancel", "dispatching", false],
    ["cancel", "dispatched", false],
    ["cancel", "denied", false],
    ["cancel", "canceled", false],
  ] as const)("intent move %s from %s → %s", (move, from, ok) => {
    expect(canMove("intent", move, from)).toBe(ok);
  });

  it("an illegal move is a named, non-retryable error that says what and from where", () => {
    expect(() => assertMove("intent", "redrive", "intent_1", "dispatched")).toThrow(IllegalTransitionError);
    try {
      assertMove("pending", "approve", "pa_1", "rejected");
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(IllegalTransitionError);
      const e = err as IllegalTransitionError;
      expect([e.machine, e.move, e.id, e.from, e.retryable]).toEqual(["pending", "approve", "pa_1", "rejected", false]);
      expect(e.message).toContain("'approve' is not allowed from 'rejected'");
    }
    expect(() => assertMove("job", "run", "job_1", undefined)).toThrow(/missing row/);
    expect(() => assertMove("job", "run", "job_1", "queued")).not.toThrow();
  });

  it("terminal states are exactly the ends of a write", () => {
    expect(terminalStates("intent").sort()).toEqual(["applied", "canceled", "denied", "dispatched", "failed", "superseded"].sort());
    expect(terminalStates("job").sort()).toEqual(["canceled", "completed"].sort());
    expect(terminalStates("pending").sort()).toEqual(["canceled", "dispatched", "rejected"].sort());
  });

  it("open and finished intent states split every state the table knows, with nothing in both", () => {
    const all = new Set(Object.values(INTENT_MOVES).flatMap((m) => [...m.from, m.to]));
    expect(new Set([...OPEN_INTENT_STATES, ...FINISHED_INTENT_STATES])).toEqual(all);
    expect(OPEN_INTENT_STATES.filter((s) => FINISHED_INTENT_STATES.includes(s))).toEqual([]);
  });

  it("only a dispatcher's claim or a cancel leaves an allowed intent, and only the gate's verdicts or a cancel leave an accepted one", () => {
    const leaving = (state: string) => Object.entries(INTENT_MOVES).filter(([, m]) => (m.from as readonly string[]).includes(state)).map(([k]) => k).sort();
    expect(leaving("allowed")).toEqual(["cancel", "claim"]);
    expect(leaving("accepted")).toEqual(["allow", "apply", "cancel", "deny", "queue", "undecidable"]);
    expect(leaving("queued")).toEqual(["cancel"]);
    expect(fromStates("job", "complete")).toEqual(["queued", "running"]);
    expect(Object.keys(JOB_MOVES)).toContain("revive");
    expect(PENDING_MOVES.redrive).toEqual({ from: ["dispatch_failed"], to: "approved" });
    // A cancel never reaches a write a dispatcher holds, nor a pending action already decided otherwise.
    expect(fromStates("intent", "cancel")).not.toContain("dispatching");
    expect(PENDING_MOVES.withdraw).toEqual({ from: ["pending", "approved"], to: "canceled" });
  });

  it("a superseded write is finished: replays skip it and it holds back nothing on its entity", () => {
    expect(INTENT_MOVES.supersede).toEqual({ from: ["dispatching"], to: "superseded" });
    expect(FINISHED_INTENT_STATES).toContain("superseded");
    expect(OPEN_INTENT_STATES).not.toContain("superseded");
  });

  it("an unknown move is a programming error", () => {
    expect(() => canMove("intent", "teleport" as never, "accepted")).toThrow(/unknown intent move/);
  });
});
