import { DeliverPolicy, type JetStreamClient, type JetStreamManager, type JsMsg } from "@nats-io/jetstream";
import { headers as natsHeaders } from "@nats-io/transport-node";
import type { NatsNames } from "@layers/contracts";
import type { Db } from "@layers/db";
import { UsageError } from "./orgs.ts";
import { FINISHED_INTENT_STATES } from "@layers/lifecycle";

export interface ReplayOptions {
  stream: "intents" | "dispatch";
  /** Only this platform's subject (default: every platform). */
  platform?: "meta" | "tiktok" | "apple";
  fromSeq?: number;
  toSeq?: number;
  since?: string;
  until?: string;
  dryRun?: boolean;
  /** Called once the range is counted (`done` 0) and after each batch (the CLI draws progress on stderr). */
  onProgress?: (p: { done: number; total: number }) => void;
}

export interface ReplayReport {
  /** True for `--dry-run`: nothing was published; `wouldRequeue` lists what a real run would put back to work. */
  dryRun: boolean;
  stream: string;
  /** Messages in the range, counted before anything is republished. */
  count: number;
  runId: string;
  fromSeq: number | null;
  throughSeq: number;
  scanned: number;
  republished: number;
  /** Intents whose write already landed (or was decided for good): consumers skip them on redelivery. */
  alreadyLanded: Array<{ seq: number; intentId: string; state: string }>;
  /** Intents that will be worked again (empty on a dry run). */
  requeued: Array<{ seq: number; intentId: string; state: string }>;
  /** Dry run only: the intents a real run would requeue. */
  wouldRequeue: Array<{ seq: number; intentId: string; state: string }>;
  unknown: number[];
}

/** One definition of "finished" for every reader (@layers/lifecycle). */
const LANDED: ReadonlySet<string> = new Set(FINISHED_INTENT_STATES);

/**
 * Re-runs a range of a stream by republishing it to the same subjects under new msg ids. Nothing is
 * applied twice: the gate re-emits already-decided verdicts, dispatchers skip intents that landed.
 * The range ends at the stream's last sequence when the replay starts, so it never chases itself.
 */
export async function replay(js: JetStreamClient, jsm: JetStreamManager, db: Db, names: NatsNames, opts: ReplayOptions): Promise<ReplayReport> {
  if (opts.fromSeq === undefined && opts.since === undefined) throw new UsageError("give --from-seq or --since");
  if (opts.since && Number.isNaN(Date.parse(opts.since))) throw new UsageError("--since must be an ISO date-time");
  if (opts.until && Number.isNaN(Date.parse(opts.until))) throw new UsageError("--until must be an ISO date-time");
  const stream = opts.stream === "intents" ? names.streams.intents : names.streams.dispatch;
  const filter = opts.platform
    ? opts.stream === "intents" ? names.subjects.intent(opts.platform) : names.subjects.dispatch(opts.platform)
    : opts.stream === "intents" ? names.subjects.intentsAll : names.subjects.dispatchAll;
  const info = await jsm.streams.info(stream);
  const lastAtStart = info.state.last_seq;
  const throughSeq = Math.min(opts.toSeq ?? lastAtStart, lastAtStart);
  const untilMs = opts.until ? Date.parse(opts.until) : Number.POSITIVE_INFINITY;
  const runId = new Date().toISOString().replace(/[^0-9]/g, "").slice(0, 14);
  const dryRun = opts.dryRun ?? false;
  const report: ReplayReport = { dryRun, stream, count: 0, runId, fromSeq: opts.fromSeq ?? null, throughSeq, scanned: 0, republished: 0, alreadyLanded: [], requeued: [], wouldRequeue: [], unknown: [] };
  if (info.state.messages === 0 || (opts.fromSeq !== undefined && opts.fromSeq > throughSeq)) {
    opts.onProgress?.({ done: 0, total: 0 });
    return report;
  }

  const open = () =>
    js.consumers.get(stream, {
      filter_subjects: filter,
      ...(opts.fromSeq !== undefined
        ? { deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: Math.max(1, opts.fromSeq) }
        : { deliver_policy: DeliverPolicy.StartTime, opt_start_time: new Date(opts.since!).toISOString() }),
    });
  // The range, message by message, up to throughSeq / --until (an ordered consumer per pass).
  async function* range(): AsyncGenerator<JsMsg> {
    const consumer = await open();
    while (true) {
      const msgs = await consumer.fetch({ max_messages: 500, expires: 1_000 });
      let got = 0;
      for await (const m of msgs) {
        got++;
        if (m.seq > throughSeq || m.info.timestampNanos / 1e6 > untilMs) return;
        yield m;
        if (m.seq === throughSeq) return;
      }
      if (got === 0) return;
    }
  }

  // Count first, so the operator sees the size of the replay before anything is republished.
  for await (const _ of range()) report.count++;
  opts.onProgress?.({ done: 0, total: report.count });

  const batch: JsMsg[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const ids = batch.map((m) => intentIdOf(m));
    const known = ids.filter((x): x is string => x !== null);
    const states = known.length
      ? await db.selectFrom("write_intents").select(["id", "state"]).where("id", "in", known).execute()
      : [];
    const stateOf = new Map(states.map((r) => [r.id, r.state]));
    const publishes: Promise<unknown>[] = [];
    batch.forEach((m, i) => {
      const intentId = ids[i];
      const state = intentId ? stateOf.get(intentId) : undefined;
      if (!intentId || !state) report.unknown.push(m.seq);
      else (LANDED.has(state) ? report.alreadyLanded : dryRun ? report.wouldRequeue : report.requeued).push({ seq: m.seq, intentId, state });
      if (!dryRun) {
        const h = natsHeaders();
        for (const [k, v] of m.headers ?? []) if (k !== "Nats-Msg-Id") for (const one of v) h.append(k, one);
        h.set("Layers-Replay-Of", String(m.seq));
        publishes.push(js.publish(m.subject, m.data, { msgID: `replay-${runId}-${stream}-${m.seq}`, headers: h }));
      }
    });
    await Promise.all(publishes);
    report.republished += publishes.length;
    batch.length = 0;
    opts.onProgress?.({ done: report.scanned, total: Math.max(report.count, report.scanned) });
  };

  for await (const m of range()) {
    report.scanned++;
    batch.push(m);
    if (batch.length >= 500) await flush();
  }
  await flush();
  return report;
}

function intentIdOf(m: JsMsg): string | null {
  try {
    const v = (m.json() as { intentId?: unknown }).intentId;
    return typeof v === "string" ? v : null;
  } catch {
    return null;
  }
}
