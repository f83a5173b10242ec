/**
 * The hub's time as seen from this screen. Times in the day (calledAt…) are the hub's clock; the
 * PC's clock may be off by minutes, so "time since called" counts from the hub's time, which is
 * observed from every snapshot and live event and then advanced with the local clock.
 */
export class HubClock {
  private offset = 0;

  observe(hubTime: number, localNow = Date.now()): void {
    this.offset = hubTime - localNow;
  }

  /**
   * Events as they arrive: the last one's time is the hub's now. Events replayed by a resync after
   * a reconnect happened minutes ago and say nothing about the hub's clock: ignored.
   */
  observeEvents(events: readonly { at: number }[], live: boolean, localNow = Date.now()): void {
    const last = events.at(-1);
    if (live && last) this.observe(last.at, localNow);
  }

  now(localNow = Date.now()): number {
    return localNow + this.offset;
  }
}

/** "mm:ss", or "h:mm:ss" past an hour. */
export function formatElapsed(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const pad = (x: number) => String(x).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s % 60)}` : `${pad(m)}:${pad(s % 60)}`;
}
