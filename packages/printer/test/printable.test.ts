import { entryPlace, estimateWait, openCountersServing } from '@luot/core';
import { Day } from '@luot/core/testing';
import { describe, expect, it } from 'vitest';
import { decodeEscPos } from '../src/decode.js';
import { encodeTicket } from '../src/encode.js';
import { printableTicket, type IssuedTicket } from '../src/printable.js';
import { renderTicketBitmaps } from '../src/render.js';
import { inkBands, longestColumnRun, solidRows } from './helpers.js';

/** Issue a ticket the way the hub's ticket.issue handler does: the estimate is taken before it joins the line. */
function issue(day: Day, service: string, priority: string | null): IssuedTicket {
  const estimate = estimateWait(day.config, day.state, service, priority !== null);
  const ticket = day.issue(service, { priority });
  return {
    ticket,
    url: 'http://hub:8080/t/q7Xz3LmP9aKd2VwR',
    estimate,
    counters: openCountersServing(day.config, day.state, ticket.service, ticket.priority !== null),
    entryPlace: entryPlace(day.state, ticket.id),
  };
}

describe('printed from the hub’s answer', () => {
  it('a priority ticket issued into a full hall prints the outside notice and no wait', async () => {
    const day = new Day().setLevel(4).signIn(5); // level 4: the hall holds 20, C (Hộ tịch) is essential
    for (let i = 0; i < 20; i++) issue(day, 'C', null);
    const issued = issue(day, 'C', 'elderly');
    expect(issued.entryPlace).toBe(1);
    const printable = printableTicket(day.config, issued, 'vi');

    const { images } = decodeEscPos(await encodeTicket(printable, { paperWidth: 80 }));
    const bmp = images[0]!.bitmap;
    const margin = 12; // METRICS[80].margin
    // The boxed notice: its left side is a long black column just inside the margin.
    const [boxTop, boxBottom] = longestColumnRun(bmp, margin + 1);
    expect(boxBottom - boxTop).toBeGreaterThan(80);
    // Between the rule above the details and the box: issued at, people ahead, counters, and no
    // "Thời gian chờ dự kiến: dưới 1 phút" line.
    const rule = solidRows(bmp, margin, bmp.width - margin)
      .filter(([, end]) => end < boxTop)
      .at(-1)!;
    const lines = inkBands(bmp, rule[1], boxTop, margin, bmp.width - margin);
    expect(lines).toHaveLength(2 + (issued.counters.length > 0 ? 1 : 0));
    // And it is exactly the ticket with place 1 in the entry line and no wait line.
    const [expected] = renderTicketBitmaps(
      { ...printable, estimatedWaitMinutes: null, outside: { place: 1 } },
      80,
    );
    expect(Buffer.from(bmp.data).equals(Buffer.from(expected!.data))).toBe(true);
  });
});
