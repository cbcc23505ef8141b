import type { EndpointLoad } from "@layers/webhook-store";

// The claim reads each endpoint's load in the store; the plan below is this service's.
export type { EndpointLoad };

export interface ClaimLimits {
  /** Attempts allowed in flight to one endpoint. */
  perEndpoint: number;
  /** Free slots of this process. */
  free: number;
}

/**
 * The per-endpoint concurrency gate: how many due deliveries to claim from each endpoint. An
 * endpoint never gets more than `perEndpoint - inFlight`, so a slow or dead endpoint only ever
 * holds its own slots and nothing queues behind it. When free slots are short they are dealt one
 * at a time, round-robin, starting with the endpoint that has waited longest, so a busy endpoint
 * cannot starve a quiet one.
 */
export function planClaims(loads: readonly EndpointLoad[], limits: ClaimLimits): Map<string, number> {
  const plan = new Map<string, number>();
  const wants = loads
    .map((l) => ({ id: l.endpointId, at: l.oldestDueAt, left: Math.max(0, Math.min(limits.perEndpoint - l.inFlight, l.due)) }))
    .filter((w) => w.left > 0)
    .sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  let free = Math.max(0, limits.free);
  while (free > 0 && wants.length > 0) {
    for (let i = 0; i < wants.length && free > 0; ) {
      const w = wants[i]!;
      plan.set(w.id, (plan.get(w.id) ?? 0) + 1);
      free--;
      w.left--;
      if (w.left === 0) wants.splice(i, 1);
      else i++;
    }
  }
  return plan;
}

/**
 * This process's slots: a total cap, and a count per endpoint (the database lease count is the
 * cross-instance authority; this is the local mirror that decides how much to claim and refuses
 * anything beyond the caps should the two ever disagree).
 */
export class SlotTracker {
  readonly #total: number;
  readonly #perEndpoint: number;
  readonly #byEndpoint = new Map<string, number>();
  #used = 0;

  constructor(total: number, perEndpoint: number) {
    if (total < 1 || perEndpoint < 1) throw new RangeError("concurrency limits must be at least 1");
    this.#total = total;
    this.#perEndpoint = perEndpoint;
  }

  get free(): number {
    return this.#total - this.#used;
  }

  get inFlight(): number {
    return this.#used;
  }

  inFlightFor(endpointId: string): number {
    return this.#byEndpoint.get(endpointId) ?? 0;
  }

  /** Takes a slot for the endpoint; false (nothing taken) when either cap is reached. */
  tryAcquire(endpointId: string): boolean {
    const n = this.inFlightFor(endpointId);
    if (this.#used >= this.#total || n >= this.#perEndpoint) return false;
    this.#byEndpoint.set(endpointId, n + 1);
    this.#used++;
    return true;
  }

  release(endpointId: string): void {
    const n = this.inFlightFor(endpointId);
    if (n === 0) throw new Error(`no slot held for endpoint ${endpointId}`);
    if (n === 1) this.#byEndpoint.delete(endpointId);
    else this.#byEndpoint.set(endpointId, n - 1);
    this.#used--;
  }
}
