/**
 * Progress of a long ops command on stderr (stdout stays the one JSON report): a bar redrawn in
 * place on a terminal, plain lines otherwise (CI logs, pipes), at most one every `everyMs`.
 */
export function progressLine(label: string, done: number, total: number, width = 30): string {
  const ratio = total === 0 ? 1 : Math.min(1, done / total);
  const filled = Math.round(ratio * width);
  return `${label} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total} (${Math.floor(ratio * 100)}%)`;
}

export interface ProgressSink {
  isTTY?: boolean;
  write(s: string): unknown;
}

export function progressReporter(label: string, out: ProgressSink, opts: { everyMs?: number; now?: () => number } = {}) {
  const everyMs = opts.everyMs ?? (out.isTTY ? 100 : 2_000);
  const now = opts.now ?? Date.now;
  let last = Number.NEGATIVE_INFINITY;
  let drew = false;
  return {
    update({ done, total }: { done: number; total: number }): void {
      const final = done >= total;
      if (!final && now() - last < everyMs) return;
      last = now();
      if (out.isTTY) {
        out.write(`\r${progressLine(label, done, total)}`);
        drew = true;
      } else out.write(`${label}: ${done}/${total}\n`);
    },
    /** Ends the bar's line on a terminal. */
    end(): void {
      if (drew) out.write("\n");
    },
  };
}
