import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { checkMigrations, runMigrations, type Migration } from '../../src/storage/migrations.js';
import { MIGRATIONS } from '../../src/storage/migrations/index.js';
import { CALLED_SQL } from '../../src/storage/reports/bookings.js';
import { OPEN_DAYS_SQL, OPEN_SQL, SCAN_SQL } from '../../src/storage/reports/scan.js';

/** A database brought to `version` by the real migrations, as a hub of that version left it. */
function databaseAt(version: number): Database.Database {
  const db = new Database(':memory:');
  runMigrations(db, MIGRATIONS.slice(0, version));
  expect(db.pragma('user_version', { simple: true })).toBe(version);
  return db;
}

const tables = (db: Database.Database) =>
  (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
      name: string;
    }[]
  )
    .map((r) => r.name)
    .filter((n) => !n.startsWith('sqlite_'));

describe('the migration runner', () => {
  it('brings an empty database to the newest schema, and leaves it there when run again', () => {
    const db = new Database(':memory:');
    expect(runMigrations(db)).toBe(MIGRATIONS.length);
    expect(runMigrations(db)).toBe(MIGRATIONS.length);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    db.close();
  });

  it('refuses a database from a newer Lượt', () => {
    const db = databaseAt(MIGRATIONS.length);
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    expect(() => runMigrations(db)).toThrow(/newer version of Lượt/);
    db.close();
  });

  it('refuses a list with a repeated or out-of-order number', () => {
    const m = (version: number, name = `m${version}`): Migration => ({ version, name, up: () => {} });
    expect(() => checkMigrations([m(1), m(2), m(2, 'again')])).toThrow(/number 2 is used twice/);
    expect(() => checkMigrations([m(1), m(3), m(2)])).toThrow(/out of order/);
    expect(() => checkMigrations([m(2)])).toThrow(/out of order/);
    expect(() => checkMigrations(MIGRATIONS)).not.toThrow();
  });

  it('rolls a failing migration back whole and keeps the version', () => {
    const db = databaseAt(1);
    const broken: Migration = {
      version: 2,
      name: 'broken',
      up: (d) => {
        d.exec('CREATE TABLE half (x)');
        throw new Error('disk says no');
      },
    };
    expect(() => runMigrations(db, [MIGRATIONS[0]!, broken])).toThrow('disk says no');
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(tables(db)).not.toContain('half');
    db.close();
  });
});

// One test per migration: a database at the version before it, with data in it, then the migration.
describe('migration 1: initial schema', () => {
  it('creates the log, tickets, tokens, replay answers and ratings', () => {
    const db = databaseAt(0);
    runMigrations(db, MIGRATIONS.slice(0, 1));
    expect(tables(db)).toEqual(['events', 'ratings', 'requests', 'ticket_tokens', 'tickets']);
    db.close();
  });
});

describe('migration 2: Ticket.seq becomes Ticket.serial', () => {
  it('rewrites issued tickets in the log and in stored answers, and nothing else', () => {
    const db = databaseAt(1);
    const ticket = { id: '20261130-A012', number: 'A012', day: '2026-11-30', seq: 12, service: 'A' };
    const insert = db.prepare('INSERT INTO events (at, day, type, data) VALUES (?, ?, ?, ?)');
    insert.run(1, '2026-11-30', 'ticket.issued', JSON.stringify({ type: 'ticket.issued', ticket }));
    const other = JSON.stringify({ type: 'counter.paused', counter: 3, reason: 'seq' });
    insert.run(2, '2026-11-30', 'counter.paused', other);
    const ack = { ok: true, seq: 1, result: { ticket, token: 'x' }, replayed: false };
    db.prepare('INSERT INTO requests (device, request_id, hash, ack, at) VALUES (?, ?, ?, ?, ?)').run(
      'kiosk-1',
      'kiosk-1-0001',
      'h',
      JSON.stringify(ack),
      1,
    );
    const signIn = JSON.stringify({ ok: true, seq: 2, result: { counter: { number: 3 } }, replayed: false });
    db.prepare('INSERT INTO requests (device, request_id, hash, ack, at) VALUES (?, ?, ?, ?, ?)').run(
      'counter-3',
      'counter-3-0001',
      'h',
      signIn,
      2,
    );

    runMigrations(db, MIGRATIONS.slice(0, 2));

    const events = db.prepare('SELECT data FROM events ORDER BY seq').all() as { data: string }[];
    const issued = JSON.parse(events[0]!.data) as { ticket: Record<string, unknown> };
    expect(issued.ticket).toEqual({ ...ticket, seq: undefined, serial: 12 });
    expect(issued.ticket).not.toHaveProperty('seq');
    expect(events[1]!.data).toBe(other);
    const answers = db.prepare('SELECT ack FROM requests ORDER BY at').all() as { ack: string }[];
    const stored = JSON.parse(answers[0]!.ack) as typeof ack;
    expect(stored.result.ticket).toMatchObject({ serial: 12, number: 'A012' });
    expect(stored.result.ticket).not.toHaveProperty('seq');
    expect(stored.seq).toBe(1);
    expect(answers[1]!.ack).toBe(signIn);
    db.close();
  });
});

describe('migration 3: wrong PINs are kept in the database', () => {
  it('adds an empty pin_failures table and leaves the data already there alone', () => {
    const db = databaseAt(2);
    const event = JSON.stringify({ type: 'counter.paused', counter: 3, reason: 'họp' });
    db.prepare('INSERT INTO events (at, day, type, data) VALUES (?, ?, ?, ?)').run(
      1,
      '2026-11-30',
      'counter.paused',
      event,
    );
    const before = tables(db);

    runMigrations(db, MIGRATIONS.slice(0, 3));

    expect(tables(db)).toEqual([...before, 'pin_failures'].sort());
    expect(db.prepare('SELECT COUNT(*) AS n FROM pin_failures').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT data FROM events').all()).toEqual([{ data: event }]);
    // What the hub writes and reads there: officer code and time, counted per officer in a window.
    const insert = db.prepare('INSERT INTO pin_failures (officer_id, at) VALUES (?, ?)');
    insert.run('cb1', 1000);
    insert.run('cb1', 2000);
    insert.run('nobody', 2000);
    const count = db.prepare('SELECT COUNT(*) AS n FROM pin_failures WHERE officer_id = ? AND at > ?');
    expect(count.get('cb1', 1000)).toEqual({ n: 1 });
    db.close();
  });
});

describe('migration 4: every ticket’s print outcome', () => {
  it('adds an empty ticket_prints table and leaves tickets and wrong PINs alone', () => {
    const db = databaseAt(3);
    db.prepare(
      `INSERT INTO tickets (id, day, number, service, issued_service, priority, party, status, issued_at,
         call_count, transfers, kiosk_id)
       VALUES ('20261130-A001', '2026-11-30', 'A001', 'A', 'A', NULL, 1, 'waiting', 1000, 0, 0, 'kiosk-1')`,
    ).run();
    db.prepare('INSERT INTO pin_failures (officer_id, at) VALUES (?, ?)').run('cb1', 1000);
    const before = tables(db);
    const ticketsBefore = db.prepare('SELECT * FROM tickets').all();

    runMigrations(db, MIGRATIONS.slice(0, 4));

    expect(db.pragma('user_version', { simple: true })).toBe(4);
    expect(tables(db)).toEqual([...before, 'ticket_prints'].sort());
    expect(db.prepare('SELECT * FROM tickets').all()).toEqual(ticketsBefore);
    expect(db.prepare('SELECT COUNT(*) AS n FROM pin_failures').get()).toEqual({ n: 1 });
    expect(db.prepare('SELECT COUNT(*) AS n FROM ticket_prints').get()).toEqual({ n: 0 });
    // What the hub writes: one row per ticket, the last print wins; only the three outcomes.
    const upsert = db.prepare(
      `INSERT INTO ticket_prints (ticket_id, device, outcome, fault, at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (ticket_id) DO UPDATE SET outcome = excluded.outcome, fault = excluded.fault, at = excluded.at`,
    );
    upsert.run('20261130-A001', 'kiosk-1', 'not_printed', 'paper_end', 2000);
    upsert.run('20261130-A001', 'kiosk-1', 'printed', null, 3000);
    expect(db.prepare('SELECT outcome, fault FROM ticket_prints').all()).toEqual([
      { outcome: 'printed', fault: null },
    ]);
    expect(() => upsert.run('20261130-A002', 'kiosk-1', 'lost', null, 1)).toThrow(/CHECK/);
    db.close();
  });
});

describe('migration 5: supervisors’ sessions and the audit log', () => {
  it('adds two empty tables and leaves tickets and print outcomes alone', () => {
    const db = databaseAt(4);
    db.prepare(
      `INSERT INTO tickets (id, day, number, service, issued_service, priority, party, status, issued_at,
         call_count, transfers, kiosk_id)
       VALUES ('20261130-A001', '2026-11-30', 'A001', 'A', 'A', NULL, 1, 'waiting', 1000, 0, 0, 'kiosk-1')`,
    ).run();
    db.prepare(
      'INSERT INTO ticket_prints (ticket_id, device, outcome, fault, at) VALUES (?, ?, ?, ?, ?)',
    ).run('20261130-A001', 'kiosk-1', 'printed', null, 1000);
    const before = tables(db);
    const ticketsBefore = db.prepare('SELECT * FROM tickets').all();

    runMigrations(db, MIGRATIONS.slice(0, 5));

    expect(db.pragma('user_version', { simple: true })).toBe(5);
    expect(tables(db)).toEqual([...before, 'audit', 'supervisor_sessions'].sort());
    expect(db.prepare('SELECT * FROM tickets').all()).toEqual(ticketsBefore);
    expect(db.prepare('SELECT COUNT(*) AS n FROM ticket_prints').get()).toEqual({ n: 1 });
    // One session per device: a second sign-in there replaces the first.
    const put = db.prepare(
      `INSERT INTO supervisor_sessions (device, officer_id, token_sha256, signed_in_at, last_active_at)
       VALUES (?, ?, ?, ?, ?) ON CONFLICT (device) DO UPDATE SET officer_id = excluded.officer_id`,
    );
    put.run('boss', 'ld1', 'a'.repeat(64), 1000, 1000);
    put.run('boss', 'ld2', 'b'.repeat(64), 2000, 2000);
    expect(db.prepare('SELECT device, officer_id FROM supervisor_sessions').all()).toEqual([
      { device: 'boss', officer_id: 'ld2' },
    ]);
    expect(() =>
      db
        .prepare('INSERT INTO audit (at, device, action, details) VALUES (?, ?, ?, ?)')
        .run(1, 'boss', null, '{}'),
    ).toThrow(/NOT NULL/);
  });
});

describe('migration 6: the report scan reads one covering index', () => {
  const ticketSql = `INSERT INTO tickets (id, day, number, service, issued_service, priority, party, status, issued_at,
      first_called_at, call_count, transfers, kiosk_id)
    VALUES (?, '2026-11-30', ?, 'A', 'A', NULL, 1, 'done', 1000, 2000, 1, 0, 'kiosk-1')`;
  const ratingSql = `INSERT INTO ratings (ticket_id, score, reasons, officer_id, counter, service, at)
    VALUES (?, ?, '[]', 'cb1', 1, 'A', 3000)`;
  const ratingOf = (db: Database.Database, id: string) =>
    (db.prepare('SELECT rating FROM tickets WHERE id = ?').get(id) as { rating: number | null }).rating;

  it('copies ratings onto their tickets, now and from then on, and keeps every row', () => {
    const db = databaseAt(5);
    db.prepare(ticketSql).run('20261130-A001', 'A001');
    db.prepare(ticketSql).run('20261130-A002', 'A002');
    db.prepare(ticketSql).run('20261130-A003', 'A003');
    db.prepare(ratingSql).run('20261130-A001', 4);
    db.prepare(ratingSql).run('20261130-A002', null);
    const ratingsBefore = db.prepare('SELECT * FROM ratings').all();

    runMigrations(db, MIGRATIONS.slice(0, 6));

    expect(db.pragma('user_version', { simple: true })).toBe(6);
    expect(db.prepare('SELECT * FROM ratings').all()).toEqual(ratingsBefore);
    // Existing ratings: a score, a timed-out screen (0), none.
    expect(['20261130-A001', '20261130-A002', '20261130-A003'].map((id) => ratingOf(db, id))).toEqual([
      4,
      0,
      null,
    ]);
    // A rating written after its ticket, as the hub writes it.
    db.prepare(ratingSql).run('20261130-A003', 2);
    expect(ratingOf(db, '20261130-A003')).toBe(2);
    // A rating written before its ticket in the same transaction (the foreign key is deferred).
    db.transaction(() => {
      db.prepare(ratingSql).run('20261130-A004', 3);
      db.prepare(ticketSql).run('20261130-A004', 'A004');
    })();
    expect(ratingOf(db, '20261130-A004')).toBe(3);
    // The hub's upsert of a ticket (Store.saveTicket) leaves the copy alone.
    db.prepare(
      `INSERT INTO tickets (id, day, number, service, issued_service, party, status, issued_at, call_count, transfers)
       VALUES ('20261130-A004', '2026-11-30', 'A004', 'A', 'A', 1, 'done', 1000, 1, 0)
       ON CONFLICT (id) DO UPDATE SET status = excluded.status, transfers = excluded.transfers`,
    ).run();
    expect(ratingOf(db, '20261130-A004')).toBe(3);
    db.close();
  });

  const planOf = (db: Database.Database, sql: string, params: Record<string, unknown> = {}) =>
    db
      .prepare(`EXPLAIN QUERY PLAN ${sql}`)
      .all(params)
      .map((r) => (r as { detail: string }).detail);
  const filters = { service: null, counter: null, officer: null };

  it('plans the scan of storage/reports/scan.ts on the covering index alone', () => {
    const db = databaseAt(MIGRATIONS.length);
    expect(planOf(db, SCAN_SQL, { from: '2026-11-01', to: '2026-11-30', ...filters })).toEqual([
      expect.stringContaining('USING COVERING INDEX tickets_report'),
    ]);
    // Finding the days with open tickets reads two indexes and no ticket; their tickets, one day.
    const openDays = planOf(db, OPEN_DAYS_SQL, { from: '2026-11-01', to: '2026-11-30' }).join('\n');
    expect(openDays).toContain('USING COVERING INDEX tickets_day');
    expect(openDays).toContain('USING COVERING INDEX tickets_report');
    expect(planOf(db, OPEN_SQL, { day: '2026-11-30', ...filters }).join('\n')).toContain(
      'USING INDEX tickets_day (day=?)',
    );
    db.close();
  });

  it('reads the bookings report’s tickets only on days with bookings, through their indexes', () => {
    const db = databaseAt(MIGRATIONS.length);
    const plan = planOf(db, CALLED_SQL, { from: '2026-01-01', to: '2026-12-31', service: null }).join('\n');
    // Never a scan of the range's tickets: a year's report would read them all at once.
    expect(plan).toContain('SEARCH bookings USING INDEX bookings_date');
    expect(plan).toContain('SEARCH t USING INDEX tickets_day (day=?)');
    expect(plan).not.toContain('day>?');
    db.close();
  });

  it('finds the log’s last day opening and its printers’ states through their own indexes (7)', () => {
    const db = databaseAt(MIGRATIONS.length);
    expect(
      planOf(db, "SELECT seq FROM events WHERE type = 'day.opened' ORDER BY seq DESC LIMIT 1").join('\n'),
    ).toContain('events_day_opened');
    expect(
      planOf(
        db,
        "SELECT json_extract(data, '$.device'), MAX(seq) FROM events WHERE type = 'printer.status' GROUP BY 1",
      ).join('\n'),
    ).toContain('events_printer_status');
    db.close();
  });
});

describe('migration 7: live writes leave the reports’ and the log’s indexes alone', () => {
  it('keeps every ticket and event, and indexes only ended tickets and the two looked-up event types', () => {
    const db = databaseAt(6);
    const ticket =
      db.prepare(`INSERT INTO tickets (id, day, number, service, issued_service, party, status, issued_at,
      call_count, transfers) VALUES (?, '2026-11-30', ?, 'A', 'A', 1, ?, 1000, 0, 0)`);
    ticket.run('20261130-A001', 'A001', 'done');
    ticket.run('20261130-A002', 'A002', 'waiting');
    ticket.run('20261130-A003', 'A003', 'cancelled');
    const event = db.prepare("INSERT INTO events (at, day, type, data) VALUES (1, '2026-11-30', ?, '{}')");
    for (const type of ['day.opened', 'ticket.issued', 'printer.status']) event.run(type);
    const before = {
      tickets: db.prepare('SELECT * FROM tickets').all(),
      events: db.prepare('SELECT * FROM events').all(),
    };

    runMigrations(db, MIGRATIONS.slice(0, 7));

    expect(db.prepare('SELECT * FROM tickets').all()).toEqual(before.tickets);
    expect(db.prepare('SELECT * FROM events').all()).toEqual(before.events);
    expect(
      db
        .prepare(
          "SELECT id FROM tickets INDEXED BY tickets_report WHERE status IN ('done', 'no_show', 'cancelled') ORDER BY id",
        )
        .pluck()
        .all(),
    ).toEqual(['20261130-A001', '20261130-A003']);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'events_type'").all()).toEqual([]);
    expect(
      db
        .prepare("SELECT type FROM events INDEXED BY events_day_opened WHERE type = 'day.opened'")
        .pluck()
        .all(),
    ).toEqual(['day.opened']);
    expect(
      db
        .prepare("SELECT type FROM events INDEXED BY events_printer_status WHERE type = 'printer.status'")
        .pluck()
        .all(),
    ).toEqual(['printer.status']);
    db.close();
  });
});

describe('migration 8: bookings', () => {
  it('adds bookings, one-time code requests and text messages beside the day, keeping every row', () => {
    const db = databaseAt(7);
    db.prepare(
      `INSERT INTO tickets (id, day, number, service, issued_service, party, status, issued_at, call_count, transfers)
       VALUES ('20261130-A001', '2026-11-30', 'A001', 'A', 'A', 1, 'waiting', 1000, 0, 0)`,
    ).run();
    const before = db.prepare('SELECT * FROM tickets').all();

    runMigrations(db, MIGRATIONS.slice(0, 8));

    expect(db.pragma('user_version', { simple: true })).toBe(8);
    expect(db.prepare('SELECT * FROM tickets').all()).toEqual(before);
    expect(tables(db)).toEqual(expect.arrayContaining(['bookings', 'otp_requests', 'sms_messages']));
    const insert = db.prepare(
      `INSERT INTO bookings (code, service, date, slot_start, name, phone, status, created_at, source, external_id)
       VALUES (?, 'A', '2026-12-01', 1000, 'Nguyễn Văn An', '+84912345678', ?, 1, ?, ?)`,
    );
    insert.run('ABCDEFGH', 'booked', 'ihanoi', 'IH-1');
    // One booking per (source, externalId): an import is idempotent.
    expect(() => insert.run('BCDEFGHJ', 'booked', 'ihanoi', 'IH-1')).toThrow(/UNIQUE/);
    // Bookings from the page have no external id: any number of them.
    insert.run('CDEFGHJK', 'booked', null, null);
    insert.run('DEFGHJKM', 'booked', null, null);
    expect(() => insert.run('EFGHJKMN', 'maybe', null, null)).toThrow(/CHECK/);
  });
});

describe('migration 9: a booked ticket carries its booking’s slot', () => {
  it('fills booking_slot from the bookings table for tickets checked in before it; walk-ins stay null', () => {
    const db = databaseAt(8);
    const ticket =
      db.prepare(`INSERT INTO tickets (id, day, number, service, issued_service, party, status, issued_at,
      call_count, transfers) VALUES (?, '2026-11-30', ?, 'A', 'A', 1, 'done', 1000, 0, 0)`);
    ticket.run('20261130-A001', 'A001');
    ticket.run('20261130-A002', 'A002');
    db.prepare(
      `INSERT INTO bookings (code, service, date, slot_start, status, created_at, ticket_id)
       VALUES ('K7QM2R9X', 'A', '2026-11-30', 1764471600000, 'served', 1, '20261130-A002'),
              ('H3PW8N4T', 'A', '2026-11-30', 1764471600000, 'no_show', 1, NULL)`,
    ).run();

    runMigrations(db, MIGRATIONS.slice(0, 9));

    expect(db.prepare('SELECT id, booking_slot FROM tickets ORDER BY id').all()).toEqual([
      { id: '20261130-A001', booking_slot: null },
      { id: '20261130-A002', booking_slot: 1764471600000 },
    ]);
    db.close();
  });
});

describe('migration 10: each booking has its phone page’s token', () => {
  it('gives every existing booking a different random token', () => {
    const db = databaseAt(9);
    const insert = db.prepare(
      `INSERT INTO bookings (code, service, date, slot_start, status, created_at) VALUES (?, 'A', '2026-11-30', 1, 'booked', 1)`,
    );
    for (const code of ['AAAAAAAA', 'BBBBBBBB', 'CCCCCCCC']) insert.run(code);

    runMigrations(db, MIGRATIONS.slice(0, 10));

    const tokens = db.prepare('SELECT page_token FROM bookings').pluck().all() as string[];
    expect(tokens).toHaveLength(3);
    for (const token of tokens) expect(token).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set(tokens).size).toBe(3);
    db.close();
  });
});
