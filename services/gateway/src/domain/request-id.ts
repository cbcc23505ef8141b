import { newId } from "@layers/contracts";

// Caller-supplied ids end up in logs, NATS headers and audit rows: only short, plain tokens pass.
const SANE_REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

export function isSaneRequestId(v: unknown): v is string {
  return typeof v === "string" && SANE_REQUEST_ID.test(v);
}

/** `req_<sortable>`: sorts by time like every other Layers id. */
export function newRequestId(): string {
  return newId("job").replace(/^job_/, "req_");
}

export function requestIdFrom(header: string | string[] | undefined): string {
  return isSaneRequestId(header) ? header : newRequestId();
}
