import type { Snapshot } from '@luot/protocol';

/** The whole day as `sync` sends it: a snapshot without the answer's own `serverTime`. */
export type Day = Omit<Snapshot, 'serverTime'>;

/**
 * The day as JSON, with each ticket's JSON made when the ticket changes rather than when a device
 * asks for the day.
 *
 * A 3,000-ticket day is 1.35 MB of JSON, nearly all of it tickets, and a ticket changes a few
 * times in its life. Serialising the whole day when devices asked for it took ~15 ms of the event
 * loop at once — the kiosks' issue latency during a snapshot flood (docs/hub.md, "Snapshots").
 * Here the engine hands over the tickets each committed batch changed (`applyEvent`'s `changed`
 * set, which includes tickets a closing counter sends back to their line) and they are serialised
 * then, a few microseconds each; a snapshot only joins the kept strings and serialises the rest of
 * the day (counters, lines, config), which is small. The result parses to exactly what
 * `JSON.stringify(day)` gives (tested).
 */
export class DayJson {
  private readonly tickets = new Map<string, string>();

  /** The day was replaced (started, or rebuilt from the log): serialise all of it again. */
  reset(tickets: Day['state']['tickets']): void {
    this.tickets.clear();
    this.changed(tickets, Object.keys(tickets));
  }

  /** These tickets changed (a batch was committed): serialise them now. */
  changed(tickets: Day['state']['tickets'], ids: Iterable<string>): void {
    for (const id of ids) {
      const t = tickets[id];
      if (t) this.tickets.set(id, JSON.stringify(t));
      else this.tickets.delete(id); // yesterday's, closed by the new day
    }
  }

  build(day: Day): string {
    const { tickets, ...state } = day.state;
    const parts: string[] = [];
    for (const id in tickets) {
      let json = this.tickets.get(id);
      // A ticket the engine never reported (it should not happen): serialised here, not left out.
      if (json === undefined) this.tickets.set(id, (json = JSON.stringify(tickets[id])));
      parts.push(`${JSON.stringify(id)}:${json}`);
    }
    // A new day's tickets replace the old day's: forget those no longer in it.
    if (this.tickets.size > parts.length) {
      for (const id of this.tickets.keys()) if (!(id in tickets)) this.tickets.delete(id);
    }
    const { state: _, ...top } = day;
    const stateJson = withField(JSON.stringify(state), 'tickets', `{${parts.join(',')}}`);
    return withField(JSON.stringify(top), 'state', stateJson);
  }
}

/** Add `"key": valueJson` to an object's JSON. */
function withField(objectJson: string, key: string, valueJson: string): string {
  const field = `${JSON.stringify(key)}:${valueJson}`;
  return objectJson === '{}' ? `{${field}}` : `${objectJson.slice(0, -1)},${field}}`;
}
