import { Agent, request } from "node:http";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { parentPort, workerData } from "node:worker_threads";
import { Histogram } from "./histogram.ts";
import type { LoadResult, LoadSpec } from "./loadgen.ts";

/** The worker side of `runLoad`: see loadgen.ts. Only ever connects to 127.0.0.1. */
const spec = workerData as LoadSpec;
const HOST = "127.0.0.1";
const timeoutMs = spec.timeoutMs ?? 10_000;
const agent = new Agent({ keepAlive: true, maxSockets: spec.concurrency, maxFreeSockets: spec.concurrency });
const latency = new Histogram();
const errorKinds: Record<string, number> = {};
const statuses: Record<string, number> = {};
const errorSamples: string[] = [];
let sent = 0;
let completed = 0;
let ok = 0;
let lastAnswerAt = 0;

function fail(kind: string, sample?: string): void {
  errorKinds[kind] = (errorKinds[kind] ?? 0) + 1;
  if (sample !== undefined && errorSamples.length < 5) errorSamples.push(`${kind}: ${sample.slice(0, 300)}`);
}

/** One request; resolves (never rejects) when it answered, failed or timed out. `dueAt` is when it was meant to start. */
function send(i: number, dueAt: number): Promise<void> {
  const path = spec.paths[i % spec.paths.length]!;
  const body = spec.bodies && spec.bodies.length > 0 ? spec.bodies[i % spec.bodies.length] : undefined;
  const headers: Record<string, string | number> = { ...spec.headers };
  if (body !== undefined) {
    headers["content-type"] ??= "application/json";
    headers["content-length"] = Buffer.byteLength(body);
  }
  sent++;
  return new Promise<void>((resolve) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      resolve();
    };
    const req = request({ host: HOST, port: spec.port, method: spec.method, path, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const now = performance.now();
        completed++;
        lastAnswerAt = now;
        const status = res.statusCode ?? 0;
        statuses[status] = (statuses[status] ?? 0) + 1;
        const text = Buffer.concat(chunks).toString("utf8");
        const statusOk = spec.expectStatus ? spec.expectStatus.includes(status) : status >= 200 && status < 300;
        if (!statusOk) fail(`status_${status}`, text);
        else if (spec.expectBodyIncludes !== undefined && !text.includes(spec.expectBodyIncludes)) fail("body", text);
        else {
          ok++;
          latency.record((now - dueAt) * 1000);
        }
        finish();
      });
      res.on("error", (err: NodeJS.ErrnoException) => {
        fail(err.code ?? "response_error", err.message);
        finish();
      });
    });
    req.setTimeout(timeoutMs, () => {
      fail("timeout");
      req.destroy();
      finish();
    });
    req.on("error", (err: NodeJS.ErrnoException) => {
      if (done) return;
      fail(err.code ?? "request_error", err.message);
      finish();
    });
    req.end(body);
  });
}

async function closedLoop(deadline: number): Promise<void> {
  let next = 0;
  const connection = async () => {
    while (performance.now() < deadline && next < spec.maxRequests) {
      const i = next++;
      await send(i, performance.now());
    }
  };
  await Promise.all(Array.from({ length: spec.concurrency }, connection));
}

async function openLoop(t0: number, deadline: number, rate: number): Promise<void> {
  const intervalMs = 1000 / rate;
  const inFlight = new Set<Promise<void>>();
  let i = 0;
  while (i < spec.maxRequests) {
    const dueAt = t0 + i * intervalMs;
    if (dueAt >= deadline) break;
    const wait = dueAt - performance.now();
    // Never spin: a busy loop would starve this thread's own sockets and inflate every latency.
    if (wait > 1) await sleep(wait);
    else await new Promise<void>((r) => setImmediate(r));
    // Issue every request that is due now (timers are ~1 ms coarse; high rates come in small batches).
    while (i < spec.maxRequests) {
      const due = t0 + i * intervalMs;
      if (due > performance.now() || due >= deadline) break;
      while (inFlight.size >= spec.concurrency) await Promise.race(inFlight);
      const p = send(i, due).finally(() => inFlight.delete(p));
      inFlight.add(p);
      i++;
    }
  }
  await Promise.all(inFlight);
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const deadline = t0 + spec.durationMs;
  if (spec.ratePerSec === undefined) await closedLoop(deadline);
  else await openLoop(t0, deadline, spec.ratePerSec);
  agent.destroy();
  const elapsedMs = Math.max(1, (lastAnswerAt || performance.now()) - t0);
  const errors = Object.values(errorKinds).reduce((a, b) => a + b, 0);
  const result: LoadResult = {
    sent,
    completed,
    ok,
    errors,
    errorKinds,
    statuses,
    elapsedMs,
    throughput: ok / (elapsedMs / 1000),
    latency: latency.toJSON(),
    errorSamples,
  };
  parentPort!.postMessage(result);
}

await main();
