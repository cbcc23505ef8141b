/**
 * One item's answer from a batch: its result, or `alone` when the batch could not take it (e.g. a
 * row another transaction held) and it must run on its own after the batch.
 */
export type BatchAnswer<Out> = { ok: Out } | { alone: true };

export interface GroupCommitSpec<In, Out> {
  /** Most items one batch takes; the rest wait for the next one. */
  maxBatch: number;
  /** Batches running at once: one can wait on its commit while the next one is built. */
  maxInFlight: number;
  /** Runs one batch (one statement or transaction for all items): one answer per item, in order. */
  runBatch(items: readonly In[]): Promise<ReadonlyArray<BatchAnswer<Out>>>;
  /** Runs one item on its own: the path of an item a batch could not take, or of every item of a batch that failed. */
  runAlone(item: In): Promise<Out>;
  /** Told when a batch of more than one item failed and its items run one by one. */
  onBatchError?(err: unknown, size: number): void;
}

export interface GroupCommitter<In, Out> {
  /** Resolves with the item's result once the batch that took it has run. */
  submit(item: In): Promise<Out>;
}

interface Waiter<In, Out> {
  item: In;
  resolve: (o: Out) => void;
  reject: (err: unknown) => void;
}

/**
 * Group commit: items submitted while a batch runs are taken together by the next one, so one
 * round trip (and one commit) serves many callers. No timer: an idle committer runs the first item
 * at once (a batch of one), and a busy one batches whatever arrived meanwhile — latency is never
 * traded for batching. A batch that throws is split and each item runs alone, so an error lands on
 * the item that caused it and never on its neighbours.
 */
export function createGroupCommitter<In, Out>(spec: GroupCommitSpec<In, Out>): GroupCommitter<In, Out> {
  if (spec.maxBatch < 1 || spec.maxInFlight < 1) throw new RangeError("maxBatch and maxInFlight must be at least 1");
  const queue: Array<Waiter<In, Out>> = [];
  let running = 0;

  async function runOne(w: Waiter<In, Out>): Promise<void> {
    try {
      w.resolve(await spec.runAlone(w.item));
    } catch (err) {
      w.reject(err);
    }
  }

  async function drain(): Promise<void> {
    running++;
    try {
      while (queue.length > 0) {
        const batch = queue.splice(0, spec.maxBatch);
        let answers: ReadonlyArray<BatchAnswer<Out>>;
        try {
          answers = await spec.runBatch(batch.map((w) => w.item));
          if (answers.length !== batch.length) throw new Error(`a batch of ${batch.length} answered ${answers.length} times`);
        } catch (err) {
          if (batch.length > 1) spec.onBatchError?.(err, batch.length);
          await Promise.all(batch.map(runOne));
          continue;
        }
        const alone: Array<Waiter<In, Out>> = [];
        batch.forEach((w, i) => {
          const a = answers[i]!;
          if ("ok" in a) w.resolve(a.ok);
          else alone.push(w);
        });
        await Promise.all(alone.map(runOne));
      }
    } finally {
      running--;
    }
  }

  return {
    submit(item) {
      return new Promise<Out>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        if (running < spec.maxInFlight) void drain();
      });
    },
  };
}
