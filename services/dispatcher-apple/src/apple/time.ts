/** Apple v5 date-times are UTC `yyyy-MM-ddTHH:mm:ss.SSS` with no zone designator. */
export function toAppleTime(d: Date): string {
  if (Number.isNaN(d.getTime())) throw new RangeError("toAppleTime needs a valid date");
  return d.toISOString().slice(0, 23);
}

/** An Apple date-time (zone-less UTC, milliseconds optional) as an instant; undefined when unreadable. */
export function fromAppleTime(s: string): Date | undefined {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?)(Z)?$/.exec(s.trim());
  if (m === null) return undefined;
  const d = new Date(`${m[1]}Z`);
  return Number.isNaN(d.getTime()) ? undefined : d;
}
