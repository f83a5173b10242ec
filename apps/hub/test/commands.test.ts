import { afterEach, describe, expect, it } from 'vitest';
import { COMMANDS, type CommandType } from '@luot/protocol';
import { startTestHub, type TestHub } from '@luot/hub/testing';

let t: TestHub | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe('commands and their contract', () => {
  it('every answer has the shape the protocol declares for its command', async () => {
    t = await startTestHub();
    const kiosk = await t.client('test-kiosk-1-token');
    const boss = await t.supervisor();
    const c3 = await t.counter(3);
    const rating = await t.client('test-rating-3-token');
    const answers: Array<[CommandType, unknown]> = [];
    const keep = async <T extends CommandType>(type: T, p: Promise<{ result: unknown }>) =>
      answers.push([type, (await p).result]);
    await keep('ticket.issue', kiosk.issue({ service: 'A' }));
    await keep('printer.report', kiosk.reportPrinter({ ok: true }));
    await keep('counter.callNext', c3.callNext());
    await keep('counter.startServing', c3.startServing());
    const done = await c3.finish({ kind: 'received' });
    answers.push(['counter.finish', done.result]);
    await keep('rating.submit', rating.rate(done.result.ticket!.id, 4));
    await keep('counter.pause', c3.pause('Họp'));
    await keep('counter.resume', c3.resume());
    await keep(
      'supervisor.pauseCounter',
      boss.send('supervisor.pauseCounter', { counter: 3, reason: 'Vắng' }),
    );
    await keep('supervisor.setLevel', boss.setLevel(2));
    await keep('supervisor.signIn', boss.signInSupervisor('ld1', '1234'));
    await keep('supervisor.active', boss.send('supervisor.active', {}));
    await keep('supervisor.setCounterClosed', boss.setCounterClosed(7, true, 'Cán bộ đi tập huấn'));
    await keep(
      'supervisor.setCounterServices',
      boss.send('supervisor.setCounterServices', { counter: 4, services: ['A'] }),
    );
    const waiting = (await kiosk.issue({ service: 'A' })).result.ticket;
    await keep(
      'supervisor.moveTicket',
      boss.send('supervisor.moveTicket', { ticketId: waiting.id, toService: 'C' }),
    );
    await keep('supervisor.setNotice', boss.send('supervisor.setNotice', { text: 'Thông báo', until: null }));
    await keep('supervisor.ackAlert', boss.send('supervisor.ackAlert', { key: 'hall-full:hall:1' }));
    await keep('supervisor.closeDay', boss.closeDay('Hết giờ làm việc'));
    await keep('supervisor.signOut', boss.signOutSupervisor());
    for (const [type, result] of answers) {
      const check = COMMANDS[type].result.safeParse(result);
      expect(check.success, `${type}: ${JSON.stringify(check.error?.issues)}`).toBe(true);
    }
    // The answer is the command's own moment, not the end of its batch.
    expect(done.result.ticket!.status).toBe('done');
  });

  it('supervisor.pauseCounter: the head pauses an idle counter; only a supervisor may', async () => {
    t = await startTestHub();
    const boss = await t.supervisor();
    const display = await t.client('test-display-token');
    const c3 = await t.counter(3);
    const ack = await boss.send('supervisor.pauseCounter', { counter: 3, reason: 'Cán bộ vắng mặt' });
    expect(ack.result.counter).toMatchObject({ number: 3, status: 'paused', pauseReason: 'Cán bộ vắng mặt' });
    await display.waitFor((s) => s.state.counters[3]!.status === 'paused');
    await expect(
      c3.send('supervisor.pauseCounter' as never, { counter: 3, reason: 'x' } as never),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // The queue's own rules still hold: a counter with a citizen at it is not paused under them.
    await c3.resume();
    const kiosk = await t.client('test-kiosk-1-token');
    await kiosk.issue({ service: 'A' });
    await c3.callNext();
    await expect(boss.send('supervisor.pauseCounter', { counter: 3, reason: 'Vắng' })).rejects.toMatchObject({
      code: 'COUNTER_BUSY',
    });
    await expect(boss.send('supervisor.pauseCounter', { counter: 99, reason: 'Vắng' })).rejects.toMatchObject(
      {
        code: 'UNKNOWN_COUNTER',
      },
    );
  });
});

describe('ticket.reactivate', () => {
  it('the counter that skipped a ticket, or a supervisor, puts it back in line; another counter may not', async () => {
    t = await startTestHub();
    const kiosk = await t.client('test-kiosk-1-token');
    const boss = await t.supervisor();
    const c3 = await t.counter(3);
    const c4 = await t.counter(4);
    const first = (await kiosk.issue({ service: 'A' })).result.ticket;
    for (let i = 0; i < 3; i++) await kiosk.issue({ service: 'A' });
    await c3.callNext();
    await c3.noShow();
    await expect(c4.reactivate(first.id)).rejects.toMatchObject({ code: 'TICKET_NOT_FOR_COUNTER' });
    const back = await c3.reactivate(first.id);
    expect(COMMANDS['ticket.reactivate'].result.safeParse(back.result).success).toBe(true);
    expect(back.result.ticket).toMatchObject({ id: first.id, status: 'waiting', counter: null });
    // After the next 2 waiting (the default `fairness.reactivateBehind`).
    const line = () => t!.hub.engine.state.lines.waiting['A']!.normal.map((id) => id.slice(-4));
    expect(line()).toEqual(['A002', 'A003', 'A001', 'A004']);
    await expect(c3.reactivate(first.id)).rejects.toMatchObject({ code: 'TICKET_NOT_NO_SHOW' });

    // The supervisor may bring back a ticket any counter skipped.
    await c3.callNext();
    const skipped = (await c3.noShow()).result.ticket!;
    // …saying why: the audit log keeps it.
    await expect(boss.reactivate(skipped.id)).rejects.toMatchObject({ code: 'REASON_REQUIRED' });
    await boss.reactivate(skipped.id, 'Công dân đã quay lại sảnh');
    expect(t.hub.engine.state.tickets[skipped.id]!.status).toBe('waiting');
    // A counter with nobody signed in may not.
    await c4.signOut();
    await expect(c4.reactivate(first.id)).rejects.toMatchObject({ code: 'NOT_SIGNED_IN' });
    // A rating screen may not.
    const rating = await t.client('test-rating-3-token');
    await expect(rating.reactivate(first.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
