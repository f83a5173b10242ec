import { applyEvent } from '@luot/core';
import type { Snapshot, StreamEvent } from '@luot/protocol';

/**
 * A client's copy of the hub's day: a snapshot plus the events after it, applied with the same
 * core code the hub runs, so every screen computes exactly what the hub computed.
 */
export class Mirror {
  current: Snapshot | null = null;

  get seq(): number | null {
    return this.current?.seq ?? null;
  }

  reset(snapshot: Snapshot): void {
    this.current = snapshot;
  }

  /**
   * Apply events in order. Returns 'gap' when an event is missing (the caller resyncs);
   * events already seen are skipped, so a replay after a reconnect is harmless.
   */
  apply(events: StreamEvent[]): 'ok' | 'gap' | 'none' {
    const snap = this.current;
    if (!snap) return 'none';
    let applied = false;
    for (const e of events) {
      if (e.seq <= snap.seq) continue;
      if (e.seq !== snap.seq + 1) return 'gap';
      if (e.event.type === 'printer.status') {
        const { type: _t, ...p } = e.event;
        snap.printers = { ...snap.printers, [p.device]: p };
      } else {
        applyEvent(snap.state, e.event, e.at, snap.config);
      }
      snap.seq = e.seq;
      applied = true;
    }
    return applied ? 'ok' : 'none';
  }
}
