import { quocOai } from '@luot/core/testing';
import { describe, expect, it } from 'vitest';
import { decodeEscPos } from '../src/decode.js';
import { encodeTicket } from '../src/encode.js';
import { printableTicket, type IssuedTicket } from '../src/printable.js';
import { SAMPLE_ISSUED_AT } from '../src/sample.js';
import { compareWithGolden, goldenTicket, inkBands, longestColumnRun, readQr, solidRows } from './helpers.js';

// A citizen who booked online and checked in at the kiosk (docs/queue-rules.md, "Bookings"): the
// ticket says "Đặt lịch 09:15" in a frame under the number, so the officer sees a booked number.

/** 09:15 in Hà Nội on the sample's day. */
const SLOT = SAMPLE_ISSUED_AT + 60 * 60_000;
const MARGIN = 12; // METRICS[80].margin

async function printed(overrides: Parameters<typeof goldenTicket>[0]) {
  const ticket = goldenTicket({ priorityLabel: undefined, ...overrides });
  const { images } = decodeEscPos(await encodeTicket(ticket, { paperWidth: 80 }));
  expect(images).toHaveLength(1);
  return { ticket, bmp: images[0]!.bitmap };
}

describe('a booked ticket on paper', () => {
  it('prints the slot in a frame between the number and the details, and matches its golden PNG', async () => {
    const { ticket, bmp } = await printed({ booking: { slotStart: SLOT }, number: 'A013' });
    expect(compareWithGolden('ticket-vi-booked-80', bmp)).toBeLessThan(0.005);
    expect(readQr(bmp)).toBe(ticket.qrUrl);
    // The frame: its left side is the longest black column just inside the margin, and it sits
    // above the rule that opens the details (a full-width run of black rows).
    const [top, bottom] = longestColumnRun(bmp, MARGIN + 1);
    expect(bottom - top).toBeGreaterThan(30);
    const rules = solidRows(bmp, MARGIN, bmp.width - MARGIN);
    const detailsRule = rules.find(([start]) => start > bottom)!;
    expect(detailsRule).toBeDefined();
    // Inside the frame, one line of text ("Đặt lịch 09:15"): its ink (with the dots under ặ and ị,
    // bands of their own) spans less than one line's height (26-dot type, 34-dot lines).
    const inner = inkBands(bmp, top + 4, bottom - 4, MARGIN + 8, bmp.width - MARGIN - 8);
    expect(inner.length).toBeGreaterThan(0);
    expect(inner.at(-1)![1] - inner[0]![0]).toBeLessThan(34);
  });

  it('a walk-in ticket has no such frame: nothing tall stands just inside the margin', async () => {
    const { bmp } = await printed({});
    const [top, bottom] = longestColumnRun(bmp, MARGIN + 1);
    expect(bottom - top).toBeLessThan(10);
  });

  it('printableTicket carries the booking the hub answered with, and nothing for a walk-in', () => {
    const issued = (booking: IssuedTicket['ticket']['booking']): IssuedTicket => ({
      ticket: { number: 'A013', service: 'A', priority: null, issuedAt: SAMPLE_ISSUED_AT, booking },
      url: 'http://hub:8080/t/x',
      estimate: { peopleAhead: 0, minutes: null },
      counters: [1],
      entryPlace: null,
    });
    const config = quocOai();
    expect(printableTicket(config, issued({ code: 'ABCD2345', slotStart: SLOT })).booking).toEqual({
      slotStart: SLOT,
    });
    expect(printableTicket(config, issued(null)).booking).toBeUndefined();
    expect(printableTicket(config, issued(undefined)).booking).toBeUndefined();
  });
});
