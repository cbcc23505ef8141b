import type { paths } from "./schema.ts";

/*
 * Request and answer types of one operation, read off the generated `paths` (schema.ts): nothing
 * here names a Layers field, so the client follows the OpenAPI document when it is regenerated.
 */

export type HttpMethod = "get" | "post" | "put" | "patch" | "delete";

/** The paths that have an operation for `M`. */
export type PathsWith<M extends HttpMethod> = {
  [P in keyof paths]: [NonNullable<paths[P][M & keyof paths[P]]>] extends [never] ? never : P;
}[keyof paths];

export type Operation<P extends keyof paths, M extends HttpMethod> = NonNullable<paths[P][M & keyof paths[P]]>;

type Params<O> = O extends { parameters: infer X } ? X : never;
type PathParams<O> = Params<O> extends { path: infer X } ? X : never;
type QueryParams<O> = Params<O> extends { query?: infer X } ? X : never;
type JsonBody<O> = O extends { requestBody?: { content: { "application/json": infer B } } } ? B : never;
type BodyRequired<O> = O extends { requestBody: object } ? true : false;

type Json<R> = R extends { content: { "application/json": infer J } } ? J : undefined;
type SuccessStatus = 200 | 201 | 202 | 204;

/** The body of the operation's 2xx answers (a union when it has several). */
export type SuccessBody<O> = O extends { responses: infer R } ? { [C in keyof R]: C extends SuccessStatus ? Json<R[C]> : never }[keyof R] : never;

/** What a call takes besides its path: path parameters, query, JSON body, and per-call settings. */
export type RequestOptions<O> = ([PathParams<O>] extends [never] ? { params?: undefined } : { params: PathParams<O> }) &
  ([QueryParams<O>] extends [never | undefined] ? { query?: undefined } : { query?: QueryParams<O> }) &
  ([JsonBody<O>] extends [never] ? { body?: undefined } : BodyRequired<O> extends true ? { body: JsonBody<O> } : { body?: JsonBody<O> }) &
  CallSettings;

export interface CallSettings {
  /** Sent as `Idempotency-Key` (POSTs get a random UUID when none is given). */
  idempotencyKey?: string;
  /** Extra headers, e.g. `X-Layers-Organization` for one call. */
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];
/** The options argument: optional when nothing in it is required. */
export type OptionsArg<O> = [RequiredKeys<RequestOptions<O>>] extends [never] ? [options?: RequestOptions<O>] : [options: RequestOptions<O>];

/** `/v1/jobs/{jobId}` → `/v1/jobs/job_…`, each value URI-encoded; a missing one is a programming error. */
export function fillPath(template: string, params: Record<string, string | number> | undefined): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const v = params?.[name];
    if (v === undefined) throw new TypeError(`path parameter ${name} is missing for ${template}`);
    return encodeURIComponent(String(v));
  });
}

/** `?a=1&b=x` from defined values (arrays repeat the key), or "" when there are none. */
export function queryString(query: Record<string, unknown> | undefined): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v === undefined || v === null) continue;
    for (const item of Array.isArray(v) ? v : [v]) q.append(k, String(item));
  }
  const s = q.toString();
  return s ? `?${s}` : "";
}
