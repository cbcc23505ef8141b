export { createLayersClient, TERMINAL_JOB_STATUSES, type Job, type JobStatus, type LayersClient, type LayersClientOptions, type WaitForJobOptions } from "./client.ts";
export { LayersApiError, LayersJobTimeoutError, LayersNetworkError, type FieldError, type Problem, type ProblemCode } from "./errors.ts";
export { DEFAULT_RETRY, type RetryPolicy } from "./retry.ts";
export type { CallSettings, HttpMethod, Operation, PathsWith, RequestOptions, SuccessBody } from "./operations.ts";
export type { components, operations, paths } from "./schema.ts";
