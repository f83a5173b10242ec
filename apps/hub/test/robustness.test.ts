import { afterEach, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { LuotClient } from '@luot/client';
import { startTestHub, type TestHub } from '@luot/hub/testing';

let t: TestHub;
afterEach(async () => t?.close());

describe('retries, restarts and bad input', () => {
  it('an issue retried with the same requestId returns the same ticket and prints one number', async () => {
    t = await startTestHub();
    const kiosk = await t.client('test-kiosk-1-token');
    const [a, b] = await Promise.all([
      kiosk.issue({ service: 'A' }, 'kiosk-1-tap-0001'),
      kiosk.issue({ service: 'A' }, 'kiosk-1-tap-0001'),
    ]);
    const c = await kiosk.issue({ service: 'A' }, 'kiosk-1-tap-0001');
    expect(a.result.ticket.number).toBe('A001');
    expect(b.result.ticket.number).toBe('A001');
    expect(c.result.ticket.number).toBe('A001');
    expect(c.replayed).toBe(true);
    expect((await kiosk.issue({ service: 'A' })).result.ticket.number).toBe('A002');
    await expect(kiosk.issue({ service: 'B' }, 'kiosk-1-tap-0001')).rejects.toMatchObject({
      code: 'REQUEST_ID_REUSED',
    });
  });

  it('two copies of one request in the same instant: one ticket, the copy marked as a replay', async () => {
    t = await startTestHub();
    const kiosk = await t.client('test-kiosk-1-token');
    const [a, b, c] = await Promise.allSettled([
      kiosk.issue({ service: 'A' }, 'kiosk-1-tap-0002'),
      kiosk.issue({ service: 'A' }, 'kiosk-1-tap-0002'),
      kiosk.issue({ service: 'B' }, 'kiosk-1-tap-0002'),
    ]);
    expect(a).toMatchObject({
      status: 'fulfilled',
      value: { replayed: false, result: { ticket: { number: 'A001' } } },
    });
    expect(b).toMatchObject({
      status: 'fulfilled',
      value: { replayed: true, result: { ticket: { number: 'A001' } } },
    });
    expect(c).toMatchObject({ status: 'rejected', reason: { code: 'REQUEST_ID_REUSED' } });
  });

  it('a burst of PIN guesses is cut off, and the PIN is never stored', async () => {
    t = await startTestHub();
    const c1 = await t.counter(1, false);
    const guesses = Array.from({ length: 20 }, (_, i) => String(1220 + i)); // 1234 is among them
    const results = await Promise.allSettled(guesses.map((pin) => c1.signIn('cb1', pin)));
    const codes = results.map((r) => (r.status === 'fulfilled' ? 'OK' : (r.reason as { code: string }).code));
    expect(codes.filter((c) => c === 'TOO_MANY_ATTEMPTS').length).toBeGreaterThanOrEqual(15);
    expect(codes.filter((c) => c !== 'TOO_MANY_ATTEMPTS').length).toBeLessThanOrEqual(5);
    // The lock-out is the officer's, not the device's: another counter is locked out too.
    const c2 = await t.counter(2, false);
    await expect(c2.signIn('cb1', '1234')).rejects.toMatchObject({ code: 'TOO_MANY_ATTEMPTS' });
    const db = new Database(join(t.dir, 'luot.sqlite'), { readonly: true });
    expect(
      db.prepare("SELECT COUNT(*) AS n FROM requests WHERE request_id LIKE 'counter.signIn%'").get(),
    ).toEqual({ n: 0 });
    db.close();
  });

  it('shutting down while a sign-in is being checked loses nothing and does not crash', async () => {
    t = await startTestHub();
    const c1 = await t.counter(1, false);
    const pending = c1.signIn('cb1', '1234').catch((e: { code: string }) => e.code);
    await t.hub.close();
    expect(['OFFLINE', 'TIMEOUT', 'INTERNAL']).toContain(await pending);
  });

  it('a hub killed and restarted mid-day keeps numbering without gaps or repeats, and clients resync', async () => {
    t = await startTestHub();
    const kiosk = await t.client('test-kiosk-1-token');
    const c1 = await t.counter(1);
    const display = await t.client('test-display-token');
    for (let i = 0; i < 3; i++) await kiosk.issue({ service: 'A' });
    await c1.sendAndSee('counter.callNext', {});
    const seqBefore = t.hub.engine.seq;

    const offline = new Promise<void>((r) => display.on('status', (s) => s === 'offline' && r()));
    await t.restart();
    await offline;
    // Clients reconnect by themselves and resync to the new hub.
    await display.waitFor((s) => s.seq >= seqBefore && display.status === 'online');
    await kiosk.waitFor(() => kiosk.status === 'online');
    const next = await kiosk.issue({ service: 'A' });
    expect(next.result.ticket.number).toBe('A004');
    // The officer's ticket in hand survived the restart.
    const s = await c1.waitFor((s) => s.seq >= next.seq);
    expect(s.state.counters[1]!.current).toBe('20261130-A001');
    expect(s.state.counters[1]!.officer?.id).toBe('cb1');
    await display.waitFor((s) => s.state.tickets['20261130-A004'] !== undefined);
    expect(display.snapshot!.state).toEqual(t.hub.engine.state);
  });

  it('a new day restarts numbering and closes yesterday', async () => {
    t = await startTestHub();
    const kiosk = await t.client('test-kiosk-1-token');
    await kiosk.issue({ service: 'A' });
    t.clock.advance(24 * 3600_000);
    const ack = await kiosk.issue({ service: 'A' });
    expect(ack.result.ticket.id).toBe('20261201-A001');
    const db = new Database(join(t.dir, 'luot.sqlite'), { readonly: true });
    expect(db.prepare("SELECT status FROM tickets WHERE id = '20261130-A001'").get()).toEqual({
      status: 'cancelled',
    });
    db.close();
  });

  it('refuses a bad token at the door', async () => {
    t = await startTestHub();
    const c = new LuotClient({ url: t.hub.url, token: 'not-a-real-token' }).connect();
    t.clients.push(c);
    await new Promise<void>((r) => c.on('status', (s) => s === 'unauthorized' && r()));
  });

  it('malformed and unauthorised commands get a clear error and change nothing', async () => {
    t = await startTestHub();
    const kiosk = await t.client('test-kiosk-1-token');
    const seq = t.hub.engine.seq;
    const raw = (payload: unknown) => kiosk.socket.timeout(2000).emitWithAck('command', payload);
    const bad = await raw({ type: 'ticket.issue', requestId: 'short', service: 'a' });
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'INVALID_PAYLOAD', message: { vi: expect.any(String) } },
    });
    expect(await raw('nonsense')).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    expect(await raw({ type: 'counter.callNext', requestId: 'kiosk-call-001' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await raw({ type: 'ticket.issue', requestId: 'kiosk-x-00001', service: 'Z' })).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_SERVICE' },
    });
    // An unknown extra field is refused, not ignored.
    expect(
      await raw({ type: 'ticket.issue', requestId: 'kiosk-x-00002', service: 'A', counter: 3 }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_PAYLOAD' },
    });
    const c2 = await t.counter(2, false);
    await expect(c2.callNext()).rejects.toMatchObject({ code: 'NOT_SIGNED_IN' });
    await expect(c2.signIn('cb2', '9999')).rejects.toMatchObject({ code: 'WRONG_PIN' });
    // An unknown code is not told apart from a wrong PIN (apps/hub/test/pin-lockout.test.ts).
    await expect(c2.signIn('nobody', '1234')).rejects.toMatchObject({ code: 'WRONG_PIN' });
    expect(t.hub.engine.seq).toBe(seq);
  });

  it('free text is stored clean: NFC, without bidi overrides or control characters', async () => {
    t = await startTestHub();
    const kiosk = await t.client('test-kiosk-1-token');
    await kiosk.issue({ service: 'A' });
    const c1 = await t.counter(1);
    await c1.callNext();
    // "Thiếu bản sao" typed with combining marks, a right-to-left override hiding "txt.exe", a newline.
    const note = 'Thie\u0302\u0301u\u202E exe.txt\u202C  ba\u0309n\nsao\u0007';
    const ack = await c1.finish({ kind: 'returned', note });
    const clean = 'Thiếu exe.txt bản sao';
    expect(ack.result.ticket!.outcome!.note).toBe(clean);
    const db = new Database(join(t.dir, 'luot.sqlite'), { readonly: true });
    const row = db.prepare("SELECT outcome FROM tickets WHERE id = '20261130-A001'").get() as {
      outcome: string;
    };
    db.close();
    const stored = (JSON.parse(row.outcome) as { note: string }).note;
    expect(stored).toBe(clean);
    expect(stored).toBe(stored.normalize('NFC'));
    expect(stored).not.toMatch(/[\u202A-\u202E\u2066-\u2069\p{Cc}]/u);
  });

  it('a counter acts only for its own counter, and ratings are stored once per ticket', async () => {
    t = await startTestHub();
    const kiosk = await t.client('test-kiosk-1-token');
    await kiosk.issue({ service: 'C' });
    await kiosk.issue({ service: 'A' });
    const c5 = await t.counter(5);
    await expect(c5.callTicket('20261130-A001')).rejects.toMatchObject({ code: 'TICKET_NOT_FOR_COUNTER' });
    await c5.callNext();
    await c5.finish({ kind: 'received', dossierCode: 'H38.123-261130-0001', returnDate: '2026-12-07' });
    const rating5 = await t.client('test-rating-5-token');
    const rating6 = await t.client('test-rating-6-token');
    await expect(rating6.rate('20261130-C001', 4)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // The officer's own terminal cannot rate the officer.
    await expect(c5.rate('20261130-C001', 4)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await rating5.rate('20261130-C001', 4);
    await expect(rating5.rate('20261130-C001', 1)).rejects.toMatchObject({ code: 'ALREADY_RATED' });
    const db = new Database(join(t.dir, 'luot.sqlite'), { readonly: true });
    expect(db.prepare('SELECT score, officer_id, counter, service FROM ratings').all()).toEqual([
      { score: 4, officer_id: 'cb5', counter: 5, service: 'C' },
    ]);
    db.close();
  });

  it('phone pages see their own ticket only, by an unguessable token', async () => {
    t = await startTestHub();
    const kiosk = await t.client('test-kiosk-1-token');
    const a = await kiosk.issue({ service: 'A' });
    await kiosk.issue({ service: 'A' });
    expect(a.result.url).toMatch(/\/t\/[\w-]{20,}$/);
    const res = await fetch(`${t.hub.url}/api/tickets/by-token/${a.result.token}`);
    expect(await res.json()).toMatchObject({ ticket: { number: 'A001', status: 'waiting' }, ahead: 0 });
    expect((await fetch(`${t.hub.url}/api/tickets/by-token/xxxxxxxxxxxxxxxxxxxxxx`)).status).toBe(404);

    const phone = io(t.hub.url, { auth: { ticketToken: a.result.token }, transports: ['websocket'] });
    const seen: string[] = [];
    await new Promise<void>((resolve) => {
      phone.on('ticket', (w: { ticket: { number: string; status: string } }) => {
        seen.push(`${w.ticket.number}:${w.ticket.status}`);
        if (w.ticket.status === 'called') resolve();
        else if (seen.length === 1) void t.counter(1).then((c) => c.callNext());
      });
    });
    phone.disconnect();
    expect(seen.every((s) => s.startsWith('A001:'))).toBe(true);
  });

  it('HTTP: health is public; state and reports need a supervisor token', async () => {
    t = await startTestHub();
    const health = await (await fetch(`${t.hub.url}/api/health`)).json();
    expect(health).toMatchObject({ ok: true, day: '2026-11-30' });
    expect((await fetch(`${t.hub.url}/api/state`)).status).toBe(401);
    const auth = { headers: await t.supervisorHeaders() };
    expect((await fetch(`${t.hub.url}/api/state`, auth)).status).toBe(200);
    const report = async () =>
      (await (await fetch(`${t!.hub.url}/api/reports/day`, auth)).json()) as { byService: unknown[] };
    expect(await report()).toMatchObject({ day: '2026-11-30', byService: [] });
    // A ticket transferred to another service still counts under the service it was issued for.
    const kiosk = await t.client('test-kiosk-1-token');
    await kiosk.issue({ service: 'C' });
    await kiosk.issue({ service: 'E' });
    const c5 = await t.counter(5);
    await c5.callNext();
    await c5.transfer({ toService: 'E' });
    expect((await report()).byService).toMatchObject([
      { service: 'C', issued: 1, transferred: 1 },
      { service: 'E', issued: 1, transferred: 0 },
    ]);
    const csv = await (await fetch(`${t.hub.url}/api/exports/tickets.csv`, auth)).text();
    expect(csv).toContain('number,service');
  });

  it('a failed write acknowledges nothing, rebuilds the day from the log, and the next command works', async () => {
    t = await startTestHub();
    const kiosk = await t.client('test-kiosk-1-token');
    const display = await t.client('test-display-token');
    await kiosk.issue({ service: 'A' });
    const seq = t.hub.engine.seq;
    const counter = await t.counter(1, false);
    // A real fault inside SQLite, not a mock: the next event the hub writes aborts its transaction.
    t.hub.store.db.exec(
      "CREATE TEMP TRIGGER fail_writes BEFORE INSERT ON events BEGIN SELECT RAISE(ABORT, 'injected disk fault'); END",
    );
    const [issue, call] = await Promise.allSettled([
      kiosk.issue({ service: 'A' }),
      counter.signIn('cb1', '1234'),
    ]);
    expect(issue).toMatchObject({ status: 'rejected', reason: { code: 'STORAGE_FAILED' } });
    expect(call).toMatchObject({ status: 'rejected', reason: { code: 'STORAGE_FAILED' } });
    // Memory was rebuilt from the log: the refused ticket and sign-in never happened.
    expect(t.hub.engine.seq).toBe(seq);
    expect(Object.values(t.hub.engine.state.tickets).map((x) => x.number)).toEqual(['A001']);
    expect(t.hub.engine.state.lastNumber.A).toBe(1);
    expect(t.hub.engine.state.counters[1]!.officer).toBeNull();
    t.hub.store.db.exec('DROP TRIGGER fail_writes');
    const next = await kiosk.issue({ service: 'A' });
    expect(next.result.ticket.number).toBe('A002');
    // Devices saw nothing of what failed: the next event after A001's is A002's.
    await display.waitFor((s) => s.seq >= next.seq);
    expect(Object.values(display.snapshot!.state.tickets).map((x) => x.number)).toEqual(['A001', 'A002']);
  });
});
