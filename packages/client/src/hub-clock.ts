/**
 * The hub's time as seen from this device. Times in the day (calledAt…) and the office's sessions
 * are the hub's clock; a PC's or a TV's clock may be off by minutes, so screens count "time since
 * called", open and close issuing and show the time of day by the hub's time, observed from every
 * snapshot and live event and then advanced with the local clock. LuotClient owns one (`client.now()`).
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
