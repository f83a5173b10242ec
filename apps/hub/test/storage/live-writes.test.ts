import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Ticket } from '@luot/core';
import { afterEach, describe, expect, it } from 'vitest';
import { openStorage, type Storage } from '../../src/storage/index.js';

/**
 * What a committed batch costs is mostly the pages it writes to the WAL before its fsync (docs/hub.md,
 * "Durability"). The reports' and the log's indexes must not make a call's commit write more: a
 * ticket called at a counter touches the log's table and the ticket's row, nothing else.
 */

const DAY = '2026-12-07';
const at = (minute: number) => Date.parse(`${DAY}T02:00:00Z`) + minute * 60_000;

function ticket(n: number, patch: Partial<Ticket> = {}): Ticket {
  return {
    id: `20261207-A${String(n).padStart(3, '0')}`,
    day: DAY,
    number: `A${String(n).padStart(3, '0')}`,
    serial: n,
    service: 'A',
    issuedService: 'A',
    priority: null,
    party: 1,
    zone: 'main',
    status: 'waiting',
    issuedAt: at(n),
    queuedAt: at(n),
    order: n,
    admittedAt: at(n),
    calledAt: null,
    servingAt: null,
    finishedAt: null,
    counter: null,
    targetCounter: null,
    officerId: null,
    callCount: 0,
    callsHere: 0,
    outcome: null,
    transfers: 0,
    kioskId: 'kiosk-1',
    rating: undefined,
    ...patch,
  };
}

const called = (n: number) =>
  ticket(n, {
    status: 'called',
    calledAt: at(60 + n),
    counter: 3,
    officerId: 'CB01',
    callCount: 1,
    callsHere: 1,
  });

let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

/** A day of 400 waiting tickets and 100 ended ones, on disk, with its WAL emptied. */
function busyDay(bare: boolean): { storage: Storage; wal: string } {
  const dir = mkdtempSync(join(tmpdir(), 'luot-live-writes-'));
  dirs.push(dir);
  const file = join(dir, 'luot.sqlite');
  const storage = openStorage(file);
  // The same schema without the indexes under test: what a call must cost, no more.
  if (bare)
    storage.store.db.exec(
      'DROP INDEX tickets_report; DROP INDEX events_day_opened; DROP INDEX events_printer_status;',
    );
  storage.store.write((w) => {
    w.appendEvent(at(0), DAY, { type: 'day.opened', day: DAY, level: 1 });
    for (let n = 1; n <= 500; n++) {
      w.saveTicket(
        n <= 100
          ? ticket(n, { status: 'done', calledAt: at(n), finishedAt: at(n + 5), counter: 1 })
          : ticket(n),
      );
    }
  });
  storage.store.db.pragma('wal_autocheckpoint = 0');
  storage.store.db.pragma('wal_checkpoint(TRUNCATE)');
  return { storage, wal: `${file}-wal` };
}

/** WAL bytes written by calling tickets 201…220, one commit each, as the engine writes a call. */
function walOfCalls(day: { storage: Storage; wal: string }): number {
  const before = statSync(day.wal).size;
  for (let n = 201; n <= 220; n++) {
    day.storage.store.write((w) => {
      w.appendEvent(at(60 + n), DAY, {
        type: 'ticket.called',
        ticketId: called(n).id,
        counter: 3,
        officerId: 'CB01',
        recall: false,
        priorityInRow: 0,
      });
      w.saveTicket(called(n));
    });
  }
  return statSync(day.wal).size - before;
}

describe('a call’s durable write', () => {
  it('writes no page of the reports’ index or the log’s type indexes', () => {
    const indexed = busyDay(false);
    const bare = busyDay(true);
    try {
      expect(walOfCalls(indexed)).toBe(walOfCalls(bare));
    } finally {
      indexed.storage.close();
      bare.storage.close();
    }
  });

  it('still puts an ended ticket in the reports’ index, once', () => {
    const day = busyDay(false);
    try {
      day.storage.store.write((w) =>
        w.saveTicket(ticket(300, { status: 'done', calledAt: at(70), finishedAt: at(80), counter: 2 })),
      );
      const plan = day.storage.store.db
        .prepare(
          "SELECT COUNT(*) FROM tickets INDEXED BY tickets_report WHERE day = ? AND status IN ('done', 'no_show', 'cancelled')",
        )
        .pluck()
        .get(DAY);
      expect(plan).toBe(101);
    } finally {
      day.storage.close();
    }
  });
});
