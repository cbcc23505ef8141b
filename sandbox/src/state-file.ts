import { mkdirSync, readFileSync } from "node:fs";
import { rename, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import type { Logger } from "@layers/runtime";
import type { LedgerEntry } from "./ledger.ts";
import type { AppleStoreSnapshot } from "./apple/apple-store.ts";
import type { MetaStoreSnapshot } from "./meta/meta-store.ts";
import type { TiktokStoreSnapshot } from "./tiktok/tiktok-store.ts";
import type { OauthStoreSnapshot } from "./oauth/oauth-store.ts";

/** What survives a restart: platform objects and the ledger. Faults are test-scoped and do not. */
export interface SandboxState {
  version: 1;
  meta: MetaStoreSnapshot;
  /** Absent in files written before the Apple surface existed. */
  apple?: AppleStoreSnapshot;
  /** Absent in files written before the TikTok surface existed. */
  tiktok?: TiktokStoreSnapshot;
  /** Absent in files written before the OAuth surfaces existed: sign-in sessions, API users, issued grants. */
  oauth?: OauthStoreSnapshot;
  ledger: LedgerEntry[];
}

/** Reads the state file at boot; a missing file is a fresh start, a corrupt one stops the boot. */
export function readStateFile(path: string): SandboxState | undefined {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw err;
  }
  const state = JSON.parse(text) as Partial<SandboxState>;
  if (state.version !== 1 || state.meta === undefined || !Array.isArray(state.ledger)) {
    throw new Error(`${path} is not a sandbox state file (version 1)`);
  }
  return state as SandboxState;
}

const MAX_DELAY_MS = 5_000;

export interface StateWriter {
  /** Asks for a write soon; many calls within the debounce window become one write. */
  schedule(): void;
  /** Writes any pending change now and waits for it (call on shutdown). */
  flush(): Promise<void>;
}

export interface StateWriterOptions {
  path: string;
  snapshot: () => SandboxState;
  log: Logger;
  debounceMs?: number;
}

/**
 * Debounced, atomic persistence: the whole state goes to a temp file that is then renamed over
 * the old one, so a crash mid-write leaves the previous state intact. The timer is not reset by
 * later calls, so a steady stream of writes still persists regularly (every `debounceMs`, or
 * longer once the state is big enough that serialising it is costly; at most every 5 s).
 */
export function createStateWriter(opts: StateWriterOptions): StateWriter {
  const debounceMs = opts.debounceMs ?? 100;
  const tmp = `${opts.path}.${process.pid}.tmp`;
  mkdirSync(dirname(opts.path), { recursive: true });
  let timer: NodeJS.Timeout | undefined;
  let dirty = false;
  let inFlight: Promise<void> | undefined;
  let lastSerialiseMs = 0;

  const writeNow = async (): Promise<void> => {
    dirty = false;
    const t0 = performance.now();
    const text = JSON.stringify(opts.snapshot());
    lastSerialiseMs = performance.now() - t0;
    await writeFile(tmp, text);
    await rename(tmp, opts.path);
  };

  // Serialising blocks the event loop; waiting ten times as long as it took keeps persistence
  // under ~10 % of the loop however large the ledger grows.
  const delay = () => Math.min(MAX_DELAY_MS, Math.max(debounceMs, lastSerialiseMs * 10));

  const run = (): Promise<void> => {
    timer = undefined;
    inFlight = writeNow()
      .catch((err: unknown) => opts.log.error({ err, path: opts.path }, "sandbox state write failed"))
      .finally(() => {
        inFlight = undefined;
        // Changes made while writing wait for their own delay instead of a back-to-back rewrite.
        if (dirty && timer === undefined) timer = setTimeout(run, delay());
      });
    return inFlight;
  };

  return {
    schedule() {
      dirty = true;
      if (timer === undefined && inFlight === undefined) timer = setTimeout(run, delay());
    },
    async flush() {
      if (inFlight !== undefined) await inFlight;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      if (dirty) await run();
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    },
  };
}
