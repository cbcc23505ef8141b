/**
 * Where a keyset-paginated list resumes: the (created_at, id) of the last row served, the timestamp
 * as Postgres printed it. The gateway signs and checks cursors (its `domain/cursor.ts`); the store
 * only reads the key back into SQL.
 */
export interface KeysetCursor {
  at: string;
  id: string;
}
