/**
 * Ticks sit on wall-clock multiples of the interval, so every instance names a tick the same
 * way; the first tick is the first boundary at least one interval after start (`./dev start` does
 * not act on its own).
 */
export function firstTickAt(startMs: number, intervalMs: number): number {
  return Math.ceil((startMs + intervalMs) / intervalMs) * intervalMs;
}

export function tickNumber(atMs: number, intervalMs: number): number {
  return Math.round(atMs / intervalMs);
}
