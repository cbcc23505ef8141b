import { trace } from "@opentelemetry/api";
import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider, type ReadableSpan } from "@opentelemetry/sdk-trace";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnService, type ChildService } from "./support/child-service.ts";
import { eventually, waitForJob } from "./support/api.ts";
import { startStack, type E2EStack } from "./support/stack.ts";
import { autoTenant, createCampaigns } from "./support/tenant.ts";
import { startWebhookReceiver, type WebhookReceiver } from "./support/webhook-receiver.ts";

/**
 * One write, one trace (issue 13): the gateway's server span, the gate's and the dispatcher's
 * consumer spans, the platform call, the webhooks' fan-out and each delivery attempt all share the trace id the partner
 * sent in `traceparent`, the context travelling in NATS headers between the services. Spans go to an
 * in-memory exporter (the services run in this process, each on its own NATS connection).
 */
describe("OpenTelemetry: a write is one trace from HTTP to webhook", () => {
  const exporter = new InMemorySpanExporter();
  let stack: E2EStack;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    trace.setGlobalTracerProvider(new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter })] }));
    stack = await startStack({ webhooks: true });
    receiver = await startWebhookReceiver();
  });
  afterAll(async () => {
    await receiver?.close();
    await stack?.stop();
    trace.disable();
  });

  it("the spans of one budget write share the caller's trace id, parent to child across services", async () => {
    const t = await autoTenant(stack);
    const endpoint = await t.partner.post("/v1/webhooks/endpoints", { url: `${receiver.url}/trace` });
    expect(endpoint.status).toBe(201);
    const [c] = await createCampaigns(t, 1, "Traced");

    const traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    const res = await t.partner.patch(`${t.campaignsPath}/${c!.id}/budget`, { dailyBudgetCents: 4321 }, { traceparent: `00-${traceId}-00f067aa0ba902b7-01` });
    expect(res.status).toBe(202);
    expect((await waitForJob(t.partner, res.body.jobId)).status).toBe("completed");

    const spans = await eventually(
      async () => {
        const mine = exporter.getFinishedSpans().filter((s) => s.spanContext().traceId === traceId);
        return mine.some((s) => s.name === "webhooks process") && mine.some((s) => s.name === "webhook deliver") ? mine : undefined;
      },
      "the webhooks service to fan out and deliver the write's event",
      20_000,
    );
    const named = (name: string | RegExp) => spans.filter((s) => (typeof name === "string" ? s.name === name : name.test(s.name)));
    const server = named(/^PATCH \/v1\/projects\/:projectId\/ads\/:platform\/campaigns\/:campaignId\/budget$/);
    const gate = named("gate process");
    const dispatcher = named("dispatcher-meta process");
    const platform = named(/^meta /);
    const webhooks = named("webhooks process");
    const delivery = named("webhook deliver");
    for (const [what, found] of Object.entries({ server, gate, dispatcher, platform, webhooks, delivery })) expect(found.length, what).toBeGreaterThan(0);

    // The server span continues the caller's span; the platform call is a child of the dispatch span.
    const parentOf = (s: ReadableSpan) => s.parentSpanContext?.spanId;
    expect(parentOf(server[0]!)).toBe("00f067aa0ba902b7");
    expect(dispatcher.map((d) => d.spanContext().spanId)).toContain(parentOf(platform[0]!));
    // Each delivery attempt is a client span under the fan-out of the event it delivers.
    expect(webhooks.map((w) => w.spanContext().spanId)).toContain(parentOf(delivery[0]!));
    expect(delivery[0]!.kind).toBe(2);
    expect(delivery[0]!.attributes["layers.endpoint_id"]).toBe(endpoint.body.id);
    // The server span is @fastify/otel's, with a child span per route handler.
    expect(server[0]!.attributes["http.route"]).toBe("/v1/projects/:projectId/ads/:platform/campaigns/:campaignId/budget");
    expect(spans.some((s) => s.name.startsWith("handler - ") && parentOf(s) === server[0]!.spanContext().spanId)).toBe(true);
    // Server, consumer and client kinds as the semantic conventions have them.
    expect(server[0]!.kind).toBe(1);
    expect(gate[0]!.kind).toBe(4);
    expect(platform[0]!.kind).toBe(2);
    // The hops happened in order.
    expect(server[0]!.startTime[0] * 1e9 + server[0]!.startTime[1]).toBeLessThanOrEqual(gate[0]!.startTime[0] * 1e9 + gate[0]!.startTime[1]);
  });
});

/**
 * The same across processes, with the production wiring: the gate and dispatcher-meta run as their
 * own processes (main.ts → startTracing → the OpenTelemetry Node SDK) exporting OTLP/JSON to a
 * collector stand-in here; the gateway's spans stay in memory. All carry the caller's trace id.
 */
describe("OpenTelemetry across processes: OTLP from the services' main.ts", () => {
  const exporter = new InMemorySpanExporter();
  let stack: E2EStack;
  let collector: Server;
  let collectorUrl = "";
  const exported: Array<{ service: string; name: string; traceId: string; parentSpanId: string; spanId: string }> = [];
  const children: ChildService[] = [];

  beforeAll(async () => {
    trace.setGlobalTracerProvider(new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter })] }));
    collector = createServer((req, res) => {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString()));
      req.on("end", () => {
        if (req.url === "/v1/traces") {
          for (const rs of JSON.parse(body).resourceSpans ?? []) {
            const service = (rs.resource?.attributes ?? []).find((a: any) => a.key === "service.name")?.value?.stringValue ?? "?";
            for (const ss of rs.scopeSpans ?? []) for (const sp of ss.spans ?? []) exported.push({ service, name: sp.name, traceId: sp.traceId, spanId: sp.spanId, parentSpanId: sp.parentSpanId ?? "" });
          }
        }
        res.writeHead(200, { "content-type": "application/json" }).end("{}");
      });
    });
    await new Promise<void>((r) => collector.listen(0, "127.0.0.1", r));
    collectorUrl = `http://127.0.0.1:${(collector.address() as AddressInfo).port}`;
    stack = await startStack({ dispatcher: false });
    await stack.stopGate();
    const otel = { OTEL_EXPORTER_OTLP_ENDPOINT: collectorUrl, OTEL_EXPORTER_OTLP_PROTOCOL: "http/json", OTEL_BSP_SCHEDULE_DELAY: "100" };
    children.push(spawnService("gate", stack.childEnv({ ...otel, RELAY_INTERVAL_MS: "200" })), spawnService("dispatcher", stack.childEnv({ ...otel, RETRY_LADDER_MS: "50,100,200" })));
    await Promise.all(children.map((c) => c.ready));
  });
  afterAll(async () => {
    await Promise.all(children.map((c) => c.stop()));
    await stack?.stop();
    await new Promise((r) => collector?.close(r));
    trace.disable();
  });

  it("the gate's and the dispatcher's processes export spans of the caller's trace", async () => {
    const t = await autoTenant(stack);
    const [c] = await createCampaigns(t, 1, "TracedOtlp");
    const traceId = "0af7651916cd43dd8448eb211c80319c";
    const res = await t.partner.patch(`${t.campaignsPath}/${c!.id}/budget`, { dailyBudgetCents: 5432 }, { traceparent: `00-${traceId}-b7ad6b7169203331-01` });
    expect(res.status).toBe(202);
    expect((await waitForJob(t.partner, res.body.jobId)).status).toBe("completed");

    const mine = await eventually(
      async () => {
        const spans = exported.filter((s) => s.traceId === traceId);
        // The consumer span ends after the platform call's client span (it also records the outcome), so it may be exported a batch later.
        return spans.some((s) => s.service === "gate") &&
          spans.some((s) => s.service === "dispatcher-meta" && /^meta /.test(s.name)) &&
          spans.some((s) => s.service === "dispatcher-meta" && s.name === "dispatcher-meta process")
          ? spans
          : undefined;
      },
      "the child processes to export their spans",
      20_000,
    );
    const server = exporter.getFinishedSpans().find((s) => s.spanContext().traceId === traceId && s.kind === 1);
    expect(server, "the gateway's server span (in this process)").toBeDefined();
    expect(mine.filter((s) => s.service === "gate").map((s) => s.name)).toContain("gate process");
    const dispatch = mine.find((s) => s.service === "dispatcher-meta" && s.name === "dispatcher-meta process");
    const call = mine.find((s) => s.service === "dispatcher-meta" && /^meta /.test(s.name));
    expect(call!.parentSpanId).toBe(dispatch!.spanId);
  });
});
