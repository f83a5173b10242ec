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

describe('the printed wait', () => {
  /** The ink lines between the rule above the details and the QR code's block (the first tall band). */
  function detailLines(bmp: Parameters<typeof solidRows>[0]): [number, number][] {
    const margin = 12; // METRICS[80].margin
    const rule = solidRows(bmp, margin, bmp.width - margin)[0]!;
    return inkBands(bmp, rule[1], bmp.height, margin, bmp.width - margin);
  }

  it('is the kiosk’s 5-minute range, the same number the screen shows', async () => {
    const day = new Day().signIn(1).signIn(2);
    for (let i = 0; i < 3; i++) issue(day, 'A', null);
    const issued = issue(day, 'A', null);
    // 3 ahead ÷ 2 staffed counters × 15 min = 22.5: the kiosk's tile says "20–25 phút".
    expect(issued.estimate.range).toEqual([20, 25]);
    const printable = printableTicket(day.config, issued, 'vi');
    const { images } = decodeEscPos(await encodeTicket(printable, { paperWidth: 80 }));
    const bmp = images[0]!.bitmap;
    const [asRange] = renderTicketBitmaps(
      { ...printable, estimatedWaitMinutes: null, estimatedWaitRange: [20, 25] },
      80,
    );
    const [asMinutes] = renderTicketBitmaps(
      { ...printable, estimatedWaitMinutes: 23, estimatedWaitRange: undefined },
      80,
    );
    expect(Buffer.from(bmp.data).equals(Buffer.from(asRange!.data))).toBe(true);
    expect(Buffer.from(bmp.data).equals(Buffer.from(asMinutes!.data))).toBe(false);
  });

  it('is left out when nobody is signed in, instead of "dưới 1 phút"', async () => {
    const day = new Day(); // 08:00, every counter "Chưa mở"
    const issued = issue(day, 'A', null);
    expect(issued.estimate.minutes).toBeNull();
    const printable = printableTicket(day.config, issued, 'vi');
    const bmp = decodeEscPos(await encodeTicket(printable, { paperWidth: 80 })).images[0]!.bitmap;
    const signedIn = new Day().signIn(1);
    const withWait = printableTicket(signedIn.config, issue(signedIn, 'A', null), 'vi');
    const bmpWithWait = decodeEscPos(await encodeTicket(withWait, { paperWidth: 80 })).images[0]!.bitmap;
    // One detail line fewer than the same ticket with an officer at counter 1 (which prints a wait).
    expect(detailLines(bmpWithWait).length - detailLines(bmp).length).toBe(1);
  });
});
