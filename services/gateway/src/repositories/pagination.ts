import type { Page } from "@layers/contracts";
import type { CursorCodec } from "../domain/cursor.ts";

/** Rows fetched with `limit + 1`: the extra row only says whether another page exists. The next cursor is signed. */
export function toPage<R extends { id: string; cursor_at: string }, T>(cursors: CursorCodec, rows: R[], limit: number, map: (r: R) => T): Page<T> {
  const more = rows.length > limit;
  const kept = more ? rows.slice(0, limit) : rows;
  const last = kept[kept.length - 1];
  return { data: kept.map(map), nextCursor: more && last ? cursors.encode({ at: last.cursor_at, id: last.id }) : null };
}
