import { randomBytes, randomUUID } from "node:crypto";
import { z } from "zod";

/** Every Layers id prefix, in one table, so ids are recognisable in logs and support tickets. */
export const ID_PREFIXES = {
  organization: "org",
  apiKey: "key",
  adAccount: "aa",
  campaign: "cmp",
  adSet: "as",
  adGroup: "ag",
  ad: "ad",
  keyword: "kw",
  pendingAction: "pa",
  job: "job",
  event: "evt",
  intent: "int",
  user: "usr",
  webhookEndpoint: "ep",
  webhookDelivery: "dlv",
  optimizerRun: "opr",
  proposal: "prp",
} as const;
export type IdKind = keyof typeof ID_PREFIXES;

const CROCKFORD = "0123456789abcdefghjkmnpqrstvwxyz";

/** 26-char lower-case Crockford base32: 48-bit millisecond time then 80 random bits (ULID layout), so ids sort by creation. */
export function sortableToken(now = Date.now()): string {
  let time = "";
  let t = now;
  for (let i = 0; i < 10; i++) {
    time = CROCKFORD[t % 32]! + time;
    t = Math.floor(t / 32);
  }
  const bytes = randomBytes(16);
  let rand = "";
  for (let i = 0; i < 16; i++) rand += CROCKFORD[bytes[i]! % 32];
  return time + rand;
}

export function newId(kind: IdKind, now?: number): string {
  return `${ID_PREFIXES[kind]}_${sortableToken(now)}`;
}

/** Layers and verdicts use uuids where the seeds do (`lyr_<uuid>`, project ids, verdict ids). */
export function newLayerId(): string {
  return `lyr_${randomUUID()}`;
}

export function idSchema(kind: IdKind) {
  const prefix = ID_PREFIXES[kind];
  return z.string().regex(new RegExp(`^${prefix}_[0-9a-z]{26}$`), `must be a ${prefix}_ id`);
}

export const uuidSchema = z.uuid();
export const layerIdSchema = z.string().regex(/^lyr_[0-9a-f-]{36}$/, "must be a lyr_ id");
