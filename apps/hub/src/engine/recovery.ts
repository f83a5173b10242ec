import { applyEvent, createDay, localTime, type DayState, type OfficeConfig } from '@luot/core';
import type { HubEvent, PrinterState } from '@luot/protocol';
import type { Store } from '../storage/store.js';

/** The hub's memory: the day as the core sees it, and the hub's own facts (printers). */
export interface HubView {
  state: DayState;
  printers: Record<string, PrinterState>;
}

/** Apply one logged event to the hub's view: queue events through the core, hub facts here. */
export function applyHubEvent(
  view: HubView,
  event: HubEvent,
  at: number,
  office: OfficeConfig,
  changed?: Set<string>,
): void {
  if (event.type === 'printer.status') {
    const { type: _t, ...p } = event;
    view.printers[p.device] = p;
  } else {
    applyEvent(view.state, event, at, office, changed);
  }
}

/**
 * Rebuild the current day from the log, after a restart or a failed write: replay the events since
 * the last `day.opened` through the same core code that produced them. On a brand-new database the
 * day is empty and `opened` is false: the caller opens it.
 */
export function rebuildDay(
  store: Store,
  office: OfficeConfig,
  now: number,
): HubView & { seq: number; opened: boolean } {
  const view: HubView = {
    state: createDay(office, localTime(now, office.sessions.timeZone).day),
    printers: store.printerStates(),
  };
  const from = store.lastDayOpenedSeq();
  if (from !== null) {
    let after = from - 1;
    for (;;) {
      const batch = store.eventsAfter(after, 5000);
      if (batch.length === 0) break;
      for (const e of batch) applyHubEvent(view, e.event, e.at, office);
      after = batch.at(-1)!.seq;
    }
  }
  return { ...view, seq: store.lastSeq(), opened: from !== null };
}
