import { LayersJobTimeoutError } from "./errors.ts";
import { fillPath, queryString, type HttpMethod, type Operation, type OptionsArg, type PathsWith, type RequestOptions, type SuccessBody } from "./operations.ts";
import type { paths } from "./schema.ts";
import { createTransport, type TransportOptions } from "./transport.ts";

export type LayersClientOptions = Omit<TransportOptions, "token"> & {
  /** An API key (`lak_live_…` / `lak_test_…`) or a customer token. */
  apiKey: string;
};

/** A job as `GET /v1/jobs/{jobId}` answers it. */
export type Job = SuccessBody<Operation<"/v1/jobs/{jobId}", "get">>;
export type JobStatus = Job["status"];
export const TERMINAL_JOB_STATUSES: readonly JobStatus[] = ["completed", "failed", "canceled"];

export interface WaitForJobOptions {
  /** Give up after this long (default 60 s) with a `LayersJobTimeoutError`. */
  timeoutMs?: number;
  /** Pause between polls (default 250 ms). */
  intervalMs?: number;
  signal?: AbortSignal;
}

type Call<M extends HttpMethod> = <P extends PathsWith<M>>(path: P, ...options: OptionsArg<Operation<P, M>>) => Promise<SuccessBody<Operation<P, M>>>;

export interface LayersClient {
  get: Call<"get">;
  post: Call<"post">;
  put: Call<"put">;
  patch: Call<"patch">;
  delete: Call<"delete">;
  /**
   * Polls `GET /v1/jobs/{jobId}` until the job is `completed`, `failed` or `canceled` and returns
   * it (a failed job is returned, not thrown: its `error` says why).
   */
  waitForJob(jobId: string, options?: WaitForJobOptions): Promise<Job>;
}

/**
 * The Layers API client. Paths, parameters, bodies and answers are typed from the OpenAPI
 * document (`schema.ts` is generated from it); every non-2xx answer throws a `LayersApiError`.
 *
 *     const layers = createLayersClient({ baseUrl, apiKey });
 *     const job = await layers.get("/v1/jobs/{jobId}", { params: { jobId } });
 */
export function createLayersClient(options: LayersClientOptions): LayersClient {
  const { apiKey, ...rest } = options;
  const send = createTransport({ ...rest, token: apiKey });
  const sleep = rest.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));

  const call = (method: HttpMethod) =>
    (async (path: string, opts?: RequestOptions<unknown>) => {
      const o = (opts ?? {}) as { params?: Record<string, string>; query?: Record<string, unknown>; body?: unknown } & RequestOptions<unknown>;
      const res = await send({
        method,
        path: fillPath(path, o.params) + queryString(o.query),
        body: o.body,
        ...(o.idempotencyKey !== undefined ? { idempotencyKey: o.idempotencyKey } : {}),
        ...(o.headers ? { headers: o.headers } : {}),
        ...(o.signal ? { signal: o.signal } : {}),
      });
      return res.body;
    }) as never;

  const client: LayersClient = {
    get: call("get"),
    post: call("post"),
    put: call("put"),
    patch: call("patch"),
    delete: call("delete"),
    async waitForJob(jobId, { timeoutMs = 60_000, intervalMs = 250, signal } = {}) {
      const deadline = Date.now() + timeoutMs;
      let last: Job | undefined;
      for (;;) {
        last = await client.get("/v1/jobs/{jobId}", { params: { jobId }, ...(signal ? { signal } : {}) });
        if (TERMINAL_JOB_STATUSES.includes(last.status)) return last;
        if (Date.now() + intervalMs > deadline) throw new LayersJobTimeoutError(jobId, last.status, timeoutMs);
        signal?.throwIfAborted();
        await sleep(intervalMs);
      }
    },
  };
  return client;
}
