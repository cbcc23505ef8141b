import { randomBytes, randomInt } from "node:crypto";

/**
 * A random decimal id of `length` digits without a leading zero. Random rather than sequential so
 * a sandbox restarted without a state file never hands out an id a client already stored.
 */
export function randomDigits(length: number, prefix = ""): string {
  let s = prefix;
  if (s === "") s += String(randomInt(1, 10));
  while (s.length < length) s += String(randomInt(0, 10));
  return s;
}

/** Meta user/system tokens start with "EAA"; the rest is opaque. */
export function newAccessToken(): string {
  return `EAAS${randomBytes(32).toString("base64url")}`;
}
