import { invalidParam } from "./graph-errors.ts";

/**
 * Cursor paging over a list ordered newest first. A cursor encodes an item's insertion ordinal,
 * not its position, so deleting items between two page loads neither skips nor repeats others.
 */

const PREFIX = "sbx1:";

export function encodeCursor(ordinal: number): string {
  return Buffer.from(`${PREFIX}${ordinal}`).toString("base64url");
}

export function decodeCursor(cursor: string, param: "after" | "before"): number {
  const text = Buffer.from(cursor, "base64url").toString("utf8");
  const n = text.startsWith(PREFIX) ? Number(text.slice(PREFIX.length)) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < 0) throw invalidParam(param, `Param ${param} is not a valid cursor`);
  return n;
}

export interface PageRequest {
  limit: number;
  after?: string;
  before?: string;
}

export interface Page<T> {
  items: T[];
  /** Cursors of the first and last item on the page; absent when the page is empty. */
  cursors?: { before: string; after: string };
  hasNext: boolean;
  hasPrevious: boolean;
}

/** `items` must be sorted by ordinal, highest (newest) first. */
export function paginate<T extends { ordinal: number }>(items: readonly T[], req: PageRequest): Page<T> {
  let window: T[];
  if (req.after !== undefined) {
    const after = decodeCursor(req.after, "after");
    const rest = items.filter((i) => i.ordinal < after);
    window = rest.slice(0, req.limit);
  } else if (req.before !== undefined) {
    const before = decodeCursor(req.before, "before");
    const earlier = items.filter((i) => i.ordinal > before);
    window = earlier.slice(Math.max(0, earlier.length - req.limit));
  } else {
    window = items.slice(0, req.limit);
  }
  const first = window[0];
  const last = window[window.length - 1];
  if (first === undefined || last === undefined) return { items: [], hasNext: false, hasPrevious: false };
  return {
    items: window,
    cursors: { before: encodeCursor(first.ordinal), after: encodeCursor(last.ordinal) },
    hasNext: items.some((i) => i.ordinal < last.ordinal),
    hasPrevious: items.some((i) => i.ordinal > first.ordinal),
  };
}
