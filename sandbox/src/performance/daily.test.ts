import { describe, expect, it } from "vitest";
import { datesBetween, putPerformanceBodySchema, spanDays, syntheticDay } from "./daily.ts";
import { PerformanceBook, type ObjectTree } from "./performance-book.ts";

describe("daily numbers", () => {
  it("lists every day of a range, month ends included", () => {
    expect(datesBetween("2026-02-27", "2026-03-02")).toEqual(["2026-02-27", "2026-02-28", "2026-03-01", "2026-03-02"]);
    expect(spanDays("2026-11-01", "2026-11-30")).toBe(30);
    expect(spanDays("2026-11-02", "2026-11-01")).toBe(0);
  });

  it("synthesizes the same numbers for the same object and date, and other numbers elsewhere", () => {
    const a = syntheticDay("meta:1", "2026-11-01");
    expect(syntheticDay("meta:1", "2026-11-01")).toEqual(a);
    expect(syntheticDay("meta:2", "2026-11-01")).not.toEqual(a);
    expect(a.clicks).toBeLessThanOrEqual(a.impressions);
    expect(a.conversions).toBeLessThanOrEqual(a.clicks);
  });

  it("refuses a script with a date twice or a non-date", () => {
    const day = { date: "2026-11-01", spend: 1, impressions: 1, clicks: 0, conversions: 0 };
    expect(putPerformanceBodySchema.safeParse({ daily: [day, day] }).success).toBe(false);
    expect(putPerformanceBodySchema.safeParse({ daily: [{ ...day, date: "2026-02-30" }] }).success).toBe(false);
    expect(putPerformanceBodySchema.safeParse({ daily: [{ ...day, spend: -1 }] }).success).toBe(false);
    expect(putPerformanceBodySchema.safeParse({ daily: [day] }).success).toBe(true);
  });
});

describe("PerformanceBook", () => {
  const tree: ObjectTree = { exists: () => true, children: (id) => (id === "c" ? ["a1", "a2"] : []) };
  const day = (date: string, spend: number, conversions = 0) => ({ date, spend, impressions: 100, clicks: 5, conversions });

  it("reports a script exactly, zero on unscripted dates, and a parent as the sum of its children", () => {
    const book = new PerformanceBook();
    book.script("meta", "a1", [day("2026-11-01", 1000, 1)]);
    book.script("meta", "a2", [day("2026-11-01", 250)]);
    expect(book.day("meta", tree, "a1", "2026-11-02")).toEqual({ spend: 0, impressions: 0, clicks: 0, conversions: 0 });
    expect(book.day("meta", tree, "c", "2026-11-01")).toEqual({ spend: 1250, impressions: 200, clicks: 10, conversions: 1 });
  });

  it("lets a parent's own script win over its children, and clearing brings the synthetic numbers back", () => {
    const book = new PerformanceBook();
    book.script("meta", "c", [day("2026-11-01", 7)]);
    expect(book.day("meta", tree, "c", "2026-11-01").spend).toBe(7);
    expect(book.clear("meta", "c")).toBe(true);
    expect(book.clear("meta", "c")).toBe(false);
    const synthetic = book.day("meta", tree, "a1", "2026-11-01");
    expect(synthetic).toEqual(syntheticDay("meta:a1", "2026-11-01"));
  });

  it("survives a snapshot round trip", () => {
    const book = new PerformanceBook();
    book.script("tiktok", "x:y", [day("2026-11-01", 9)]);
    expect(PerformanceBook.fromSnapshot(book.snapshot()).scripted("tiktok", "x:y")).toEqual([day("2026-11-01", 9)]);
  });
});
