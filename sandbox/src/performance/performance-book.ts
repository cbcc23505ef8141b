import { ZERO_DAY, addDays, syntheticDay, type DailyNumbers, type ScriptedDay } from "./daily.ts";

export type PerformancePlatform = "meta" | "tiktok" | "apple";

/** How a platform's objects nest: what reports the sum of what. */
export interface ObjectTree {
  exists(id: string): boolean;
  /** Direct children (campaign → ad sets / ad groups → ads / keywords); empty for a leaf. */
  children(id: string): readonly string[];
}

export interface PerformanceBookSnapshot {
  scripts: Record<string, ScriptedDay[]>;
}

const key = (platform: PerformancePlatform, id: string) => `${platform}:${id}`;

/**
 * The sandbox's reporting truth. A scripted object reports exactly its script (a date without an
 * entry is zero); an unscripted parent reports the sum of its children; an unscripted leaf
 * reports deterministic synthetic numbers.
 */
export class PerformanceBook {
  readonly #scripts = new Map<string, Map<string, DailyNumbers>>();

  static fromSnapshot(s: PerformanceBookSnapshot | undefined): PerformanceBook {
    const book = new PerformanceBook();
    for (const [k, days] of Object.entries(s?.scripts ?? {})) {
      const [platform, ...rest] = k.split(":");
      book.script(platform as PerformancePlatform, rest.join(":"), days);
    }
    return book;
  }

  snapshot(): PerformanceBookSnapshot {
    const scripts: Record<string, ScriptedDay[]> = {};
    for (const [k, days] of this.#scripts) scripts[k] = [...days].map(([date, n]) => ({ date, ...n }));
    return { scripts };
  }

  script(platform: PerformancePlatform, id: string, days: readonly ScriptedDay[]): void {
    this.#scripts.set(key(platform, id), new Map(days.map(({ date, ...n }) => [date, n])));
  }

  /** True when there was a script to clear. */
  clear(platform: PerformancePlatform, id: string): boolean {
    return this.#scripts.delete(key(platform, id));
  }

  scripted(platform: PerformancePlatform, id: string): ScriptedDay[] | undefined {
    const days = this.#scripts.get(key(platform, id));
    return days === undefined ? undefined : [...days].map(([date, n]) => ({ date, ...n })).sort((a, b) => a.date.localeCompare(b.date));
  }

  /** One object's numbers on one date. */
  day(platform: PerformancePlatform, tree: ObjectTree, id: string, date: string): DailyNumbers {
    const script = this.#scripts.get(key(platform, id));
    if (script !== undefined) return script.get(date) ?? ZERO_DAY;
    const children = tree.children(id);
    if (children.length === 0) return syntheticDay(`${platform}:${id}`, date);
    return children.reduce((sum, child) => addDays(sum, this.day(platform, tree, child, date)), ZERO_DAY);
  }
}
