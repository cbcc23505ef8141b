import { Worker } from "node:worker_threads";
import { Histogram, type HistogramJSON, type LatencySummary } from "./histogram.ts";

/**
 * A small, bounded HTTP load generator. It runs in a worker thread (its own event loop, so the
 * servers under test in the main thread do not share one with it) and talks only to 127.0.0.1.
 *
 * - closed loop (no `ratePerSec`): `concurrency` connections, each sending its next request as soon
 *   as the previous one answered — measures the maximum throughput at that concurrency;
 * - open loop (`ratePerSec`): requests are due at a fixed rate, at most `concurrency` in flight; the
 *   latency of a request counts from when it was due (no coordinated omission), so a server that
 *   falls behind shows it in the percentiles.
 *
 * Both stop at `durationMs` or `maxRequests`, whichever comes first, then wait (at most
 * `timeoutMs`) for requests in flight.
 */
export interface LoadSpec {
  /** Port on 127.0.0.1. */
  port: number;
  method: "GET" | "POST" | "PATCH" | "PUT";
  /** Request i goes to paths[i % paths.length] with bodies[i % bodies.length]. */
  paths: string[];
  bodies?: string[];
  headers?: Record<string, string>;
  concurrency: number;
  durationMs: number;
  maxRequests: number;
  ratePerSec?: number;
  /** Per-request timeout (default 10 s). */
  timeoutMs?: number;
  /** Statuses that count as success (default 2xx). */
  expectStatus?: number[];
  /** A success must also contain this text in its body. */
  expectBodyIncludes?: string;
}

export interface LoadResult {
  sent: number;
  /** Answered requests (any status). */
  completed: number;
  ok: number;
  errors: number;
  /** e.g. `{ "status_503": 2, "ECONNRESET": 1, "body": 3 }`. */
  errorKinds: Record<string, number>;
  statuses: Record<string, number>;
  /** First send to last answer, ms. */
  elapsedMs: number;
  /** ok ÷ elapsed seconds. */
  throughput: number;
  /** Latency of successful requests (open loop: from when the request was due). */
  latency: HistogramJSON;
  /** A few failing answers, for diagnosis. */
  errorSamples: string[];
}

export interface LoadSummary extends Omit<LoadResult, "latency"> {
  latency: LatencySummary;
  histogram: Histogram;
}

// The worker next to this module: .js when the bench runs compiled (bench/dist), .ts from src.
const WORKER_URL = new URL(`./loadgen-worker${import.meta.url.endsWith(".js") ? ".js" : ".ts"}`, import.meta.url);

/** Runs one load phase in a worker thread and resolves with its result. */
export function runLoad(spec: LoadSpec): Promise<LoadSummary> {
  validateSpec(spec);
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_URL, { workerData: spec });
    let settled = false;
    // Hard bound on the whole phase: duration + drain + slack.
    const guard = setTimeout(() => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      reject(new Error(`load generator did not finish within ${spec.durationMs + (spec.timeoutMs ?? 10_000) + 15_000} ms`));
    }, spec.durationMs + (spec.timeoutMs ?? 10_000) + 15_000);
    worker.once("message", (r: LoadResult) => {
      settled = true;
      clearTimeout(guard);
      void worker.terminate();
      const histogram = Histogram.fromJSON(r.latency);
      resolve({ ...r, latency: histogram.summaryMs(), histogram });
    });
    worker.once("error", (err) => {
      if (settled) return;
      settled = true;
      clearTimeout(guard);
      reject(err);
    });
    worker.once("exit", (code) => {
      if (settled) return;
      settled = true;
      clearTimeout(guard);
      reject(new Error(`load generator exited with ${code} before reporting`));
    });
  });
}

export function validateSpec(spec: LoadSpec): void {
  if (!Number.isInteger(spec.port) || spec.port <= 0 || spec.port > 65535) throw new Error(`bad port ${spec.port}`);
  if (spec.paths.length === 0) throw new Error("at least one path");
  if (!(spec.concurrency >= 1 && spec.concurrency <= 1024)) throw new Error("concurrency must be within 1..1024");
  if (!(spec.durationMs > 0 && spec.durationMs <= 120_000)) throw new Error("durationMs must be within 1..120000");
  if (!(spec.maxRequests >= 1 && spec.maxRequests <= 5_000_000)) throw new Error("maxRequests must be within 1..5e6");
  if (spec.ratePerSec !== undefined && !(spec.ratePerSec > 0 && spec.ratePerSec <= 200_000)) throw new Error("ratePerSec must be within 0..200000");
}
