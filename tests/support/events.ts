import type { LayersEvent } from "@layers/contracts";
import { outboxDrained } from "@layers/testkit";
import type { E2EStack } from "./stack.ts";

/** Every event on this stack's events stream so far, oldest first (an ordered consumer, no acks). */
export async function readEvents(stack: E2EStack): Promise<LayersEvent[]> {
  await outboxDrained(stack.env);
  const { jsm, js } = stack.env.nats;
  const stream = stack.env.names.streams.events;
  const last = (await jsm.streams.info(stream)).state.last_seq;
  const out: LayersEvent[] = [];
  if (last === 0) return out;
  const consumer = await js.consumers.get(stream);
  while (true) {
    const msgs = await consumer.fetch({ max_messages: 500, expires: 1000 });
    let got = 0;
    for await (const m of msgs) {
      got++;
      out.push(m.json<LayersEvent>());
      if (m.seq >= last) return out;
    }
    if (got === 0) return out;
  }
}
