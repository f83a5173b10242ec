import { afterEach, describe, expect, it } from 'vitest';
import { COMMANDS, ROLE_COMMANDS, type CommandType } from '@luot/protocol';
import { startTestHub, testConfig, type TestHub } from '@luot/hub/testing';
import { hashPin } from '../src/auth.js';

// Supervisors sign in on the console with their officer code and PIN; every action they take is
// on record (docs/hub.md, "Supervisors").

let t: TestHub | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const MINUTE = 60_000;

describe('supervisor sessions', () => {
  it('no action without a signed-in supervisor; an officer without the role cannot sign in', async () => {
    t = await startTestHub();
    const device = await t.client('test-supervisor-token');
    await expect(device.setLevel(2)).rejects.toMatchObject({
      code: 'SUPERVISOR_SIGNED_OUT',
      details: { expired: false },
    });
    await expect(device.signInSupervisor('ld1', '9999')).rejects.toMatchObject({ code: 'WRONG_PIN' });
    const notHead = device.signInSupervisor('cb3', '1234'); // a counter officer, right PIN
    await expect(notHead).rejects.toMatchObject({ code: 'NOT_SUPERVISOR' });
    await expect(notHead).rejects.toMatchObject({
      messages: { vi: 'Cán bộ này không có quyền lãnh đạo, giám sát.' },
    });
    const { result } = await device.signInSupervisor('ld1', '1234');
    expect(result).toMatchObject({ officer: { id: 'ld1', name: 'Nguyễn Văn Lãnh' }, idleMinutes: 15 });
    await device.setLevel(2);
    expect(t.hub.engine.state.level).toBe(2);
    await device.signOutSupervisor();
    await expect(device.setLevel(3)).rejects.toMatchObject({ code: 'SUPERVISOR_SIGNED_OUT' });
    await device.signOutSupervisor(); // twice is not an error
  });

  it('signs out a supervisor idle past the limit; activity keeps the session; a restart does not end it', async () => {
    t = await startTestHub({ config: testConfig({ supervisorIdleMinutes: 10 }) });
    const boss = await t.supervisor();
    t.clock.advance(9 * MINUTE);
    await boss.send('supervisor.active', {}); // the person moved the mouse
    t.clock.advance(9 * MINUTE);
    await boss.setLevel(2); // 18 minutes after sign-in, 9 after the last activity
    await t.restart();
    const again = await t.client('test-supervisor-token');
    await again.setLevel(3); // the session is on disk
    t.clock.advance(10 * MINUTE + 1);
    await expect(again.setLevel(1)).rejects.toMatchObject({
      code: 'SUPERVISOR_SIGNED_OUT',
      details: { expired: true },
    });
    expect(t.hub.engine.state.level).toBe(3);
    const actions = t.hub.store.supervisors.auditLog(0, Number.MAX_SAFE_INTEGER).map((a) => a.action);
    expect(actions[0]).toBe('supervisor.idleSignOut');
  });

  it('opens the supervisor HTTP routes only with a signed-in session of a supervisor device', async () => {
    t = await startTestHub();
    const url = `${t.hub.url}/api/state`;
    const get = (headers: Record<string, string>) => fetch(url, { headers });
    expect((await get({})).status).toBe(401);
    expect((await get({ authorization: 'Bearer test-supervisor-token' })).status).toBe(401);
    for (const token of [
      'test-counter-3-token',
      'test-kiosk-1-token',
      'test-display-token',
      'test-rating-3-token',
    ]) {
      const res = await get({ authorization: `Bearer ${token}`, 'x-luot-session': 'anything' });
      expect(res.status, token).toBe(403);
    }
    const headers = await t.supervisorHeaders();
    expect((await get(headers)).status).toBe(200);
    const wrong = await get({ ...headers, 'x-luot-session': 'not-the-session' });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({
      error: { code: 'SUPERVISOR_SIGNED_OUT', message: { vi: expect.stringContaining('đăng nhập lại') } },
    });
    // Signing out ends the HTTP session too.
    const device = await t.client('test-supervisor-token');
    await device.signOutSupervisor();
    expect((await get(headers)).status).toBe(401);
  });

  it('no supervisor action is open to another role (Socket.IO)', async () => {
    t = await startTestHub();
    const supervisorOnly = (Object.keys(COMMANDS) as CommandType[]).filter((c) =>
      c.startsWith('supervisor.'),
    );
    expect(supervisorOnly.length).toBeGreaterThan(8);
    for (const role of ['kiosk', 'counter', 'display', 'rating'] as const) {
      for (const c of supervisorOnly) expect(ROLE_COMMANDS[role], `${role} ${c}`).not.toContain(c);
    }
    const counter = await t.counter(3);
    const kiosk = await t.client('test-kiosk-1-token');
    for (const device of [counter, kiosk]) {
      await expect(
        device.send('supervisor.signIn' as never, { officerId: 'ld1', pin: '1234' } as never),
      ).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
      await expect(
        device.send('supervisor.closeDay' as never, { reason: 'x' } as never),
      ).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
    }
  });
});

describe('the console’s actions', () => {
  it('services of a counter, moving a ticket, a wall notice, an acknowledged alert: seen by every device', async () => {
    t = await startTestHub();
    const boss = await t.supervisor();
    const display = await t.client('test-display-token');
    const kiosk = await t.client('test-kiosk-1-token');
    await t.counter(5);
    const { ticket } = (await kiosk.issue({ service: 'C' })).result;
    const services = await boss.send('supervisor.setCounterServices', { counter: 5, services: ['E', 'C'] });
    expect(services.result.counter.services).toEqual(['E', 'C']);
    const moved = await boss.send('supervisor.moveTicket', { ticketId: ticket.id, toService: 'E' });
    expect(moved.result.ticket).toMatchObject({ service: 'E', issuedService: 'C', status: 'waiting' });
    const until = t.clock.now + 3_600_000;
    await boss.send('supervisor.setNotice', { text: '  Mạng liên thông\u202e tạm gián đoạn  ', until });
    const { seq } = await boss.send('supervisor.ackAlert', { key: 'printer:kiosk-1:1764468000000' });
    const seen = (await display.waitFor((s) => s.seq >= seq)).state;
    expect(seen.counters[5]!.services).toEqual(['E', 'C']);
    expect(seen.tickets[ticket.id]!.service).toBe('E');
    expect(seen.notice).toEqual({ text: 'Mạng liên thông tạm gián đoạn', until }); // cleaned at the edge
    expect(seen.acks['printer:kiosk-1:1764468000000']).toEqual({ officerId: 'ld1', at: t.clock.now });
    const actions = t.hub.store.supervisors.auditLog(0, Number.MAX_SAFE_INTEGER).map((a) => a.action);
    expect(actions.slice(0, 4)).toEqual([
      'supervisor.ackAlert',
      'supervisor.setNotice',
      'supervisor.moveTicket',
      'supervisor.setCounterServices',
    ]);
    // Refusals carry the queue's Vietnamese reason.
    await expect(
      boss.send('supervisor.moveTicket', { ticketId: ticket.id, toService: 'E' }),
    ).rejects.toMatchObject({ code: 'INVALID_TRANSFER', messages: { vi: 'Chuyển không hợp lệ.' } });
  });
});

describe('presence', () => {
  it('tells supervisor devices which devices are connected, and since when', async () => {
    t = await startTestHub();
    const boss = await t.supervisor();
    await expect.poll(() => boss.presence?.find((d) => d.id === 'boss')?.online).toBe(true);
    expect(boss.presence!.find((d) => d.id === 'counter-3')).toMatchObject({
      online: false,
      role: 'counter',
      counter: 3,
    });
    t.clock.advance(60_000);
    const c3 = await t.counter(3, false);
    await expect.poll(() => boss.presence?.find((d) => d.id === 'counter-3')?.online).toBe(true);
    expect(boss.presence!.find((d) => d.id === 'counter-3')!.since).toBe(t.clock.now);
    t.clock.advance(60_000);
    c3.close();
    await expect.poll(() => boss.presence?.find((d) => d.id === 'counter-3')?.online).toBe(false);
    expect(boss.presence!.find((d) => d.id === 'counter-3')!.since).toBe(t.clock.now);
    // Other roles are not told.
    const kiosk = await t.client('test-kiosk-1-token');
    expect(kiosk.presence).toBeNull();
  });
});

describe('the audit log', () => {
  it('keeps who, when, where, what and why of every supervisor action, and never a PIN', async () => {
    t = await startTestHub();
    const boss = await t.supervisor();
    const kiosk = await t.client('test-kiosk-1-token');
    const { ticket } = (await kiosk.issue({ service: 'A' })).result;
    await boss.setLevel(2);
    await boss.setCounterClosed(7, true, 'Cán bộ đi tập huấn');
    await boss.cancelTicket(ticket.id, 'Công dân xin huỷ');
    await boss.send('supervisor.active', {});
    const log = t.hub.store.supervisors.auditLog(0, Number.MAX_SAFE_INTEGER).reverse();
    expect(log.map((a) => [a.action, a.officerId, a.device, a.reason])).toEqual([
      ['supervisor.signIn', 'ld1', 'boss', null],
      ['supervisor.setLevel', 'ld1', 'boss', null],
      ['supervisor.setCounterClosed', 'ld1', 'boss', 'Cán bộ đi tập huấn'],
      ['supervisor.cancelTicket', 'ld1', 'boss', 'Công dân xin huỷ'],
    ]);
    expect(log[1]!.details).toEqual({ level: 2 });
    expect(log[2]!.details).toEqual({ counter: 7, closed: true, reason: 'Cán bộ đi tập huấn' });
    expect(log[0]!.at).toBe(t.clock.now);
    expect(JSON.stringify(log)).not.toContain('1234');
  });

  it('is read over HTTP by office-local days, with the officer’s name', async () => {
    t = await startTestHub(); // the clock stands at Monday 2026-11-30 09:00 in Hà Nội
    const boss = await t.supervisor();
    await boss.setLevel(2);
    t.clock.advance(15 * 3_600_000); // 00:00 on Tuesday, local time: idle, so signed in again
    const headers = await t.supervisorHeaders();
    await boss.setLevel(3);
    const read = async (q: string) =>
      (await (await fetch(`${t!.hub.url}/api/audit${q}`, { headers })).json()) as {
        entries: Array<{ action: string; details: unknown; officerName: string }>;
      };
    const monday = await read('?from=2026-11-30&to=2026-11-30');
    expect(monday.entries.map((e) => e.action)).toEqual(['supervisor.setLevel', 'supervisor.signIn']);
    expect(monday.entries[0]).toMatchObject({ details: { level: 2 }, officerName: 'Nguyễn Văn Lãnh' });
    const tuesday = await read('?from=2026-12-01&to=2026-12-01');
    expect(tuesday.entries.map((e) => e.details)).toEqual([{ level: 3 }, { officerId: 'ld1' }]);
    expect((await read('?from=2026-11-30&to=2026-12-01')).entries).toHaveLength(4);
    const bad = await fetch(`${t.hub.url}/api/audit?from=2026-12-02&to=2026-12-01`, { headers });
    expect(bad.status).toBe(400);
  });

  it('refuses an action that needs a reason without one, and writes nothing', async () => {
    t = await startTestHub();
    const boss = await t.supervisor();
    await expect(
      boss.send('supervisor.setCounterClosed', { counter: 7, closed: true }),
    ).rejects.toMatchObject({
      code: 'INVALID_PAYLOAD',
      details: { issues: [{ path: 'reason' }] },
    });
    await expect(boss.send('supervisor.closeDay', { reason: '   ' } as never)).rejects.toMatchObject({
      code: 'INVALID_PAYLOAD',
    });
    await boss.setCounterClosed(7, false); // opening again needs none
    expect(t.hub.engine.state.closed).toBe(false);
    const actions = t.hub.store.supervisors.auditLog(0, Number.MAX_SAFE_INTEGER).map((a) => a.action);
    expect(actions).toEqual(['supervisor.setCounterClosed', 'supervisor.signIn']);
  });
});

// A supervisor configured with a hashed PIN of their own signs in with it.
describe('configuration', () => {
  it('an officer is an officer unless the configuration says supervisor', async () => {
    const config = testConfig();
    expect(config.hub.officers.find((o) => o.id === 'cb1')!.role).toBe('officer');
    expect(config.hub.officers.find((o) => o.id === 'ld1')!.role).toBe('supervisor');
    expect(hashPin('1234')).not.toBe(hashPin('1234')); // salted: no two hashes alike
  });
});
