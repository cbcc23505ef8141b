/** Apple v5 date-times are UTC `yyyy-MM-ddTHH:mm:ss.SSS` with no zone designator. */
export function toAppleTime(d: Date): string {
  if (Number.isNaN(d.getTime())) throw new RangeError("toAppleTime needs a valid date");
  return d.toISOString().slice(0, 23);
}
