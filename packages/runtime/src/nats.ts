import { connect, type NatsConnection } from "@nats-io/transport-node";
import {
  AckPolicy,
  DeliverPolicy,
  jetstream,
  jetstreamManager,
  type JetStreamClient,
  type JetStreamManager,
  RetentionPolicy,
  StorageType,
} from "@nats-io/jetstream";
import type { NatsNames } from "@layers/contracts";

export interface NatsHandles {
  nc: NatsConnection;
  js: JetStreamClient;
  jsm: JetStreamManager;
}

/** Connects and never gives up reconnecting: a NATS restart must pause services, not end them. */
export async function connectNats(url: string, name: string): Promise<NatsHandles> {
  const nc = await connect({
    servers: url.split(","),
    name,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 500,
    waitOnFirstConnect: true,
  });
  const jsm = await jetstreamManager(nc);
  return { nc, js: jetstream(nc, { timeout: 5_000 }), jsm };
}

const DAY_NS = 24 * 60 * 60 * 1_000_000_000;

/**
 * The streams are Limits-retention logs (SPEC §6): work is read through durable consumers, and
 * ops can replay any range by time or sequence. Idempotent: safe for every service to call at boot.
 * `replicas` comes from NATS_STREAM_REPLICAS (R3 on a three-node cluster); an existing stream is
 * updated to it, which JetStream does in place.
 */
export async function ensureStreams(jsm: JetStreamManager, names: NatsNames, opts: { replicas?: number } = {}): Promise<void> {
  const specs = [
    { name: names.streams.intents, subjects: [names.subjects.intentsAll], max_age: 14 * DAY_NS },
    { name: names.streams.dispatch, subjects: [names.subjects.dispatchAll], max_age: 14 * DAY_NS },
    { name: names.streams.events, subjects: [names.subjects.eventsAll], max_age: 30 * DAY_NS },
    { name: names.streams.pending, subjects: [names.subjects.pendingAll], max_age: 14 * DAY_NS },
  ];
  for (const s of specs) {
    const config = {
      name: s.name,
      subjects: s.subjects,
      retention: RetentionPolicy.Limits,
      storage: StorageType.File,
      max_age: s.max_age,
      duplicate_window: 2 * 60 * 1_000_000_000,
      num_replicas: opts.replicas ?? 1,
    };
    try {
      await jsm.streams.info(s.name);
      await jsm.streams.update(s.name, config);
    } catch (err) {
      if (!isNotFound(err)) throw err;
      try {
        await jsm.streams.add(config);
      } catch (addErr) {
        // Another service created it between our info() and add().
        if (!/already in use|stream name already/i.test(String(addErr))) throw addErr;
      }
    }
  }
}

export interface DurableSpec {
  stream: string;
  durable: string;
  filterSubject: string;
  ackWaitMs: number;
  maxAckPending: number;
}

/** Creates or updates a durable pull consumer with explicit acks. Delivery limits are enforced in code (ack-policy). */
export async function ensureDurable(jsm: JetStreamManager, spec: DurableSpec): Promise<void> {
  const config = {
    durable_name: spec.durable,
    filter_subject: spec.filterSubject,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    ack_wait: spec.ackWaitMs * 1_000_000,
    max_ack_pending: spec.maxAckPending,
    max_deliver: -1,
  };
  try {
    await jsm.consumers.info(spec.stream, spec.durable);
    await jsm.consumers.update(spec.stream, spec.durable, {
      ack_wait: config.ack_wait,
      max_ack_pending: config.max_ack_pending,
      max_deliver: -1,
    });
  } catch (err) {
    if (!isNotFound(err)) throw err;
    try {
      await jsm.consumers.add(spec.stream, config);
    } catch (addErr) {
      if (!/already exists|consumer name already in use/i.test(String(addErr))) throw addErr;
    }
  }
}

export function isNotFound(err: unknown): boolean {
  return /not found/i.test(String((err as Error)?.message ?? err));
}

/** Deletes every stream of a namespace (test cleanup). */
export async function deleteStreams(jsm: JetStreamManager, names: NatsNames): Promise<void> {
  for (const s of Object.values(names.streams)) {
    await jsm.streams.delete(s).catch(() => undefined);
  }
}
