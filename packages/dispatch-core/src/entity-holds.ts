/**
 * The entities this process is landing a write on right now (claimed, not yet past its platform
 * call), with that write's place in its entity's order. A later write to such an entity is
 * certainly fenced — the held write is open until it is recorded — so its message can be acked at
 * once, without asking Postgres: the record of the held write hands it on. This is what lets a
 * backlog of thousands of messages on one entity be passed over in memory while other entities'
 * writes behind it in the stream are reached. A hold is dropped before the outcome is recorded,
 * never after, so the hand-on that follows the record always finds the entity free here.
 */
export interface EntityHolds {
  hold(entityKey: string, entitySeq: number): void;
  /** Drops the hold of this write (a later write's hold on the same entity stays). */
  release(entityKey: string, entitySeq: number): void;
  /** True when a write ahead of `entitySeq` on the entity is held here. */
  isBehind(entityKey: string, entitySeq: number): boolean;
}

export function createEntityHolds(): EntityHolds {
  const held = new Map<string, number>();
  return {
    hold(entityKey, entitySeq) {
      held.set(entityKey, entitySeq);
    },
    release(entityKey, entitySeq) {
      if (held.get(entityKey) === entitySeq) held.delete(entityKey);
    },
    isBehind(entityKey, entitySeq) {
      const ahead = held.get(entityKey);
      return ahead !== undefined && ahead < entitySeq;
    },
  };
}
