/** Stored filter: duplicates dropped; absent, null or empty means every event (stored as null). */
export function eventFilterOf(events: readonly string[] | null | undefined): string[] | null {
  if (!events || events.length === 0) return null;
  return [...new Set(events)];
}
