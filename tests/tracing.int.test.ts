import { trace } from "@opentelemetry/api";
import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider, type ReadableSpan } from "@opentelemetry/sdk-trace";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, waitForJob } from "./support/api.ts";
import { startStack, type E2EStack } from "./support/stack.ts";
import { autoTenant, createCampaigns } from "./support/tenant.ts";
import { startWebhookReceiver, type WebhookReceiver } from "./support/webhook-receiver.ts";

/**
 * One write, one trace (issue 13): the gateway's server span, the gate's and the dispatcher's
 * consumer spans, the platform call and the webhooks' fan-out all share the trace id the partner
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
        return mine.some((s) => s.name === "webhooks process") ? mine : undefined;
      },
      "the webhooks service to fan out the write's event",
      20_000,
    );
    const named = (name: string | RegExp) => spans.filter((s) => (typeof name === "string" ? s.name === name : name.test(s.name)));
    const server = named(/^PATCH \/v1\/projects\/:projectId\/ads\/:platform\/campaigns\/:campaignId\/budget$/);
    const gate = named("gate process");
    const dispatcher = named("dispatcher-meta process");
    const platform = named(/^meta /);
    const webhooks = named("webhooks process");
    for (const [what, found] of Object.entries({ server, gate, dispatcher, platform, webhooks })) expect(found.length, what).toBeGreaterThan(0);

    // The server span continues the caller's span; the platform call is a child of the dispatch span.
    const parentOf = (s: ReadableSpan) => s.parentSpanContext?.spanId;
    expect(parentOf(server[0]!)).toBe("00f067aa0ba902b7");
    expect(dispatcher.map((d) => d.spanContext().spanId)).toContain(parentOf(platform[0]!));
    // Server, consumer and client kinds as the semantic conventions have them.
    expect(server[0]!.kind).toBe(1);
    expect(gate[0]!.kind).toBe(4);
    expect(platform[0]!.kind).toBe(2);
    // The hops happened in order.
    expect(server[0]!.startTime[0] * 1e9 + server[0]!.startTime[1]).toBeLessThanOrEqual(gate[0]!.startTime[0] * 1e9 + gate[0]!.startTime[1]);
  });
});
