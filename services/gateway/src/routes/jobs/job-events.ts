import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { RouteContext } from "../../context.ts";
import { ApiError } from "../../errors.ts";
import { endsStream, type JobStreamSink } from "../../http/job-events-hub.ts";
import { lastEventIdOf, SSE_HEARTBEAT, sseEvent } from "../../http/sse.ts";
import { routeDoc } from "../../openapi/route-doc.ts";
import { jobFor } from "./job-for.ts";

/** How long a client waits before reconnecting after the stream dropped (the SSE `retry:` field). */
const RETRY_MS = 2000;

/**
 * GET /v1/jobs/:jobId/events — Server-Sent Events: one event per status change of the job
 * (`id:` the job's change sequence, `event:` the status, `data:` the job as after the change), from
 * the first change or after `Last-Event-ID`. The stream ends right after a final status
 * (`completed`, `failed`, `canceled`); a resume of an ended job with nothing after its id ends at
 * once. Heartbeat comments keep idle connections open; a stream older than `maxStreamMs` is ended
 * and the client resumes with its last id. Changes are pushed (`JobEventsHub`: one LISTEN per
 * gateway), never polled. Same tenancy as GET /v1/jobs/:jobId.
 */
export function registerJobEvents(app: FastifyInstance, ctx: RouteContext): void {
  const doc = routeDoc({
    operationId: "streamJobEvents",
    tag: "Jobs",
    summary: "Follow a job as Server-Sent Events",
    description:
      "One event per status change: `id:` the job's change sequence, `event:` the status, `data:` the job as after the change. Resume with `Last-Event-ID`; the stream ends after `completed`, `failed` or `canceled`. Heartbeat comments keep it open.",
    responses: { 200: { schema: z.string(), contentType: "text/event-stream", description: "An event stream (text/event-stream)" } },
  });
  app.get<{ Params: { jobId: string } }>("/v1/jobs/:jobId/events", { config: { doc } }, async (req, reply) => {
    const job = await jobFor(ctx, req, req.params.jobId);
    const after = lastEventIdOf(req.headers["last-event-id"]);
    if (after === null) {
      throw new ApiError("VALIDATION", "Last-Event-ID must be the id of an event of this stream (a non-negative integer)", {
        errors: [{ pointer: "/headers/last-event-id", detail: "not an event id" }],
      });
    }
    // The headers hooks already set (X-Request-Id, rate limits) go out too: a hijacked reply skips Fastify's send.
    const set = Object.fromEntries(
      Object.entries(reply.getHeaders()).flatMap(([k, v]) => (v === undefined ? [] : [[k, typeof v === "number" ? String(v) : v] as [string, string | string[]]])),
    );
    const headers = {
      ...set,
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      "x-accel-buffering": "no",
    };
    if (req.method === "HEAD" || (endsStream(job.status) && after >= job.event_seq)) {
      // Nothing to stream: the job ended and the client has every event already.
      return reply.code(200).headers(headers).send("");
    }

    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, headers);
    res.write(`retry: ${RETRY_MS}\n\n`);
    let closed = false;
    let unsubscribe = () => {};
    const finish = () => {
      if (closed) return;
      closed = true;
      clearInterval(heartbeat);
      clearTimeout(maxAge);
      unsubscribe();
      res.end();
      req.log.info({ jobId: job.id, lastEventId: sink.lastSeq }, "job event stream closed");
    };
    const sink: JobStreamSink = {
      lastSeq: after,
      deliver: (e) => {
        if (closed) return;
        res.write(sseEvent({ id: e.seq, event: e.status, data: e.job }));
        if (endsStream(e.status)) finish();
      },
      end: finish,
    };
    const heartbeat = setInterval(() => res.write(SSE_HEARTBEAT), ctx.jobStreams.heartbeatMs);
    const maxAge = setTimeout(finish, ctx.jobStreams.maxStreamMs);
    res.on("close", finish);
    res.on("error", finish);
    unsubscribe = ctx.jobStreams.hub.subscribe(job.id, sink);
    return reply;
  });
}
