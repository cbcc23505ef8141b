import { randomBytes } from "node:crypto";

/** TikTok API for Business return codes the sandbox answers with. */
export const TT_CODE = {
  OK: 0,
  /** Permission error: the token may not act for this advertiser. */
  PERMISSION: 40001,
  INVALID_PARAM: 40002,
  /** "App reaches the QPS limit." */
  QPS_LIMIT: 40100,
  /** "Access token is incorrect or has been revoked." */
  TOKEN: 40105,
  /** Transient system error; retry. */
  SYSTEM: 50000,
} as const;
export type TtCode = (typeof TT_CODE)[keyof typeof TT_CODE];

/** Every TikTok answer, success or failure, is HTTP 200 with this body. */
export interface TtEnvelope<T = unknown> {
  code: number;
  message: string;
  request_id: string;
  data: T;
}

/** A refusal carried through the handlers; the route turns it into an envelope. */
export class TtError extends Error {
  readonly code: TtCode;
  constructor(code: TtCode, message: string) {
    super(message);
    this.code = code;
  }
}

export const invalidParam = (message: string): TtError => new TtError(TT_CODE.INVALID_PARAM, message);

/** TikTok's response `request_id`: a UTC timestamp then upper-case hex, e.g. `20261122170501A1B2…`. */
export function newResponseRequestId(now: Date): string {
  const stamp = now.toISOString().replace(/[-:T]/g, "").slice(0, 14);
  return `${stamp}${randomBytes(9).toString("hex").toUpperCase()}`;
}

export function okEnvelope<T>(data: T, requestId: string): TtEnvelope<T> {
  return { code: TT_CODE.OK, message: "OK", request_id: requestId, data };
}

export function errorEnvelope(code: TtCode, message: string, requestId: string): TtEnvelope<Record<string, never>> {
  return { code, message, request_id: requestId, data: {} };
}

/** TikTok times: UTC `YYYY-MM-DD HH:MM:SS`. */
export function tiktokTime(d: Date): string {
  return d.toISOString().slice(0, 19).replace("T", " ");
}

/** Parses `YYYY-MM-DD HH:MM:SS` as UTC; undefined when malformed. */
export function parseTiktokTime(s: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(s);
  if (m === null) return undefined;
  const d = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`);
  return Number.isNaN(d.getTime()) || tiktokTime(d) !== s ? undefined : d;
}
