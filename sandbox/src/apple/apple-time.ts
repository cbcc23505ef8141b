import { invalidInput } from "./apple-error.ts";

const TIME = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(\.\d{1,3})?Z?$/;

/** Apple's time format: UTC `yyyy-MM-ddTHH:mm:ss.SSS`, no zone designator. */
export function formatAppleTime(d: Date): string {
  return d.toISOString().slice(0, 23);
}

/** Accepts `yyyy-MM-ddTHH:mm:ss[.SSS][Z]` (UTC) and answers it in Apple's spelling. */
export function parseAppleTime(value: unknown, field: string): string {
  if (typeof value !== "string") throw invalidInput(field, `${field} must be a date-time string yyyy-MM-ddTHH:mm:ss.SSS`);
  const m = TIME.exec(value);
  const d = m === null ? undefined : new Date(`${m[1]}${m[2] ?? ".000"}Z`);
  if (d === undefined || Number.isNaN(d.getTime())) throw invalidInput(field, `${field} must be a date-time string yyyy-MM-ddTHH:mm:ss.SSS`);
  return formatAppleTime(d);
}
