import { applyEvent } from '@luot/core';
import type { Snapshot, StreamEvent } from '@luot/protocol';
import { enableArrayMethods, freeze, produce } from 'immer';

// Array methods (indexOf, splice…) on drafts without a proxy per element: the day's lines are
// arrays of ids, up to a thousand waiting outside a full hall, and applyEvent searches and splices
// them. Safe here because those arrays hold ids and numbers only, never objects to draft.
enableArrayMethods();

/**
 * A client's copy of the hub's day: a snapshot plus the events after it, applied with the same
 * core code the hub runs, so every screen computes exactly what the hub computed.
 *
 * The copy is immutable: each change makes a new snapshot object, and within it new objects only
 * along the paths that changed (a called ticket, its counter, the lines it left), sharing the rest
 * with the previous one. Screens can therefore compare references (React's memo, useMemo,
 * useSyncExternalStore) instead of counting versions. The core's `applyEvent` mutates in place —
 * the hub relies on that for speed — so here it runs on an immer draft of the snapshot.
 */
export class Mirror {
  private snapshot: Snapshot | null = null;

  /** The current copy of the day, frozen; a new object after every change. */
  get current(): Snapshot | null {
    return this.snapshot;
  }

  get seq(): number | null {
    return this.snapshot?.seq ?? null;
  }

  /** Start over from a snapshot of the hub (frozen here: nothing may change it behind our back). */
  reset(snapshot: Snapshot): void {
    this.snapshot = freeze(snapshot, true);
  }

  /** Forget the copy: the next sync asks for a whole snapshot. */
  clear(): void {
    this.snapshot = null;
  }

  /**
   * Apply events in order. Returns 'gap' when an event is missing (the caller resyncs; the copy is
   * left as it was); events already seen are skipped, so a replay after a reconnect is harmless.
   */
  apply(events: readonly StreamEvent[]): 'ok' | 'gap' | 'none' {
    const base = this.snapshot;
    if (!base) return 'none';
    // Check the order first: a batch with a gap changes nothing, not even its first events.
    let seq = base.seq;
    for (const e of events) {
      if (e.seq <= seq) continue;
      if (e.seq !== seq + 1) return 'gap';
      seq = e.seq;
    }
    if (seq === base.seq) return 'none';
    this.snapshot = produce(base, (draft) => {
      for (const e of events) {
        if (e.seq <= draft.seq) continue;
        if (e.event.type === 'printer.status') {
          const { type: _t, ...p } = e.event;
          draft.printers[p.device] = p;
        } else {
          // The office configuration never changes with events: read the frozen original, not a draft.
          applyEvent(draft.state, e.event, e.at, base.config);
        }
        draft.seq = e.seq;
      }
    });
    return 'ok';
  }
}
