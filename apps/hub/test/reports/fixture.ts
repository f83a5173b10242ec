import type { Ticket } from '@luot/core';
import type { Store } from '../../src/storage/store.js';

/** The hand-computed day: Monday 23 November 2026 in Quốc Oai (Hà Nội, UTC+7; rating scale 4). */
export const HAND_DAY = '2026-11-23';

/** Epoch ms of a local time on the hand day (`days` later or earlier). */
export const local = (hour: number, minute: number, days = 0) =>
  Date.UTC(2026, 10, 23 + days, hour - 7, minute);

function ticket(t: Partial<Ticket> & Pick<Ticket, 'number' | 'status' | 'issuedAt'>, day = HAND_DAY): Ticket {
  const service = t.number[0]!;
  return {
    id: `${day.replaceAll('-', '')}-${t.number}`,
    day,
    serial: Number(t.number.slice(1)),
    service,
    issuedService: service,
    priority: null,
    party: 1,
    zone: 'main',
    queuedAt: t.issuedAt,
    order: 0,
    admittedAt: t.issuedAt,
    calledAt: null,
    servingAt: null,
    finishedAt: null,
    counter: null,
    targetCounter: null,
    officerId: null,
    callCount: t.calledAt ? 1 : 0,
    callsHere: t.calledAt ? 1 : 0,
    outcome: null,
    transfers: 0,
    kioskId: 'kiosk-1',
    rating: undefined,
    ...t,
  };
}

/**
 * Seven tickets whose figures are worked out by hand in the tests (minutes, local time):
 *
 * | ticket | issued | called | started | finished | status    | counter | officer | rating     |
 * | A001   | 08:00  | 08:10  | 08:11   | 08:21    | done      | 1       | cb1     | 4          |
 * | A002   | 08:05  | 08:45  | 08:46   | 08:52    | done      | 1       | cb1     | 3          |
 * | B001   | 08:30  | 08:50  | —       | 09:10    | done (transferred once) | 2 | cb2 | 1   |
 * | B002   | 09:15  | 09:20  | —       | 09:22    | no_show   | 2       | cb2     | —          |
 * | A003   | 09:40  | —      | —       | 17:00    | cancelled | —       | —       | —          |
 * | B003   | 10:00  | 10:30  | 10:31   | 10:35    | done      | 2       | cb2     | no answer  |
 * | B004   | 10:50  | —      | —       | —        | waiting   | —       | —       | —          |
 *
 * Waits 10, 40, 20, 5, 30; service times 10, 6, 20 (from the call: nobody pressed start), 4.
 * Plus one ticket the day before (C001, the previous period of a one-day report) and one the day
 * after (outside it).
 */
export function writeHandDay(store: Store): void {
  const t = (h: number, m: number) => local(h, m);
  const tickets = [
    ticket({
      number: 'A001',
      status: 'done',
      issuedAt: t(8, 0),
      calledAt: t(8, 10),
      servingAt: t(8, 11),
      finishedAt: t(8, 21),
      counter: 1,
      officerId: 'cb1',
    }),
    ticket({
      number: 'A002',
      status: 'done',
      issuedAt: t(8, 5),
      calledAt: t(8, 45),
      servingAt: t(8, 46),
      finishedAt: t(8, 52),
      counter: 1,
      officerId: 'cb1',
    }),
    ticket({
      number: 'B001',
      status: 'done',
      issuedAt: t(8, 30),
      calledAt: t(8, 50),
      finishedAt: t(9, 10),
      counter: 2,
      officerId: 'cb2',
      transfers: 1,
    }),
    ticket({
      number: 'B002',
      status: 'no_show',
      issuedAt: t(9, 15),
      calledAt: t(9, 20),
      finishedAt: t(9, 22),
      counter: 2,
      officerId: 'cb2',
    }),
    ticket({ number: 'A003', status: 'cancelled', issuedAt: t(9, 40), finishedAt: t(17, 0) }),
    ticket({
      number: 'B003',
      status: 'done',
      issuedAt: t(10, 0),
      calledAt: t(10, 30),
      servingAt: t(10, 31),
      finishedAt: t(10, 35),
      counter: 2,
      officerId: 'cb2',
    }),
    ticket({ number: 'B004', status: 'waiting', issuedAt: t(10, 50) }),
    ticket(
      {
        number: 'C001',
        status: 'done',
        issuedAt: local(9, 0, -1),
        calledAt: local(9, 1, -1),
        finishedAt: local(9, 5, -1),
        counter: 3,
        officerId: 'cb3',
      },
      '2026-11-22',
    ),
    ticket(
      {
        number: 'A001',
        status: 'done',
        issuedAt: local(9, 0, 1),
        calledAt: local(9, 1, 1),
        finishedAt: local(9, 5, 1),
        counter: 1,
        officerId: 'cb1',
      },
      '2026-11-24',
    ),
  ];
  const rate = (number: string, score: number | null, at: number) => {
    const k = tickets.find((x) => x.number === number && x.day === HAND_DAY)!;
    return {
      ticketId: k.id,
      score,
      reasons: [],
      officerId: k.officerId,
      counter: k.counter,
      service: k.service,
      at,
    };
  };
  store.write((w) => {
    for (const k of tickets) w.saveTicket(k);
    w.saveRating(rate('A001', 4, t(8, 22)));
    w.saveRating(rate('A002', 3, t(8, 53)));
    w.saveRating(rate('B001', 1, t(9, 11)));
    w.saveRating(rate('B003', null, t(10, 36)));
  });
}
