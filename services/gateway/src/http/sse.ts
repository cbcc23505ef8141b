/**
 * Server-Sent Events framing (WHATWG HTML §9.2): one event is `id:`, `event:` and `data:` lines and
 * a blank line; a line starting with `:` is a comment, which clients ignore (the heartbeat).
 * `data` is JSON on one line, so no field needs splitting.
 */
export function sseEvent(e: { id: number; event: string; data: unknown }): string {
  return `id: ${e.id}\nevent: ${e.event}\ndata: ${JSON.stringify(e.data)}\n\n`;
}

export const SSE_HEARTBEAT = ": heartbeat\n\n";

/**
 * `Last-Event-ID` of a reconnecting client: the sequence number of the last event it got. Absent →
 * 0 (start from the first event); anything but a non-negative integer → null (refused).
 */
export function lastEventIdOf(raw: string | string[] | undefined): number | null {
  if (raw === undefined) return 0;
  const v = Array.isArray(raw) ? raw[0] : raw;
  if (v === undefined || !/^\d{1,9}$/.test(v.trim())) return null;
  return Number(v.trim());
}
