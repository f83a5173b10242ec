import { Writable } from 'node:stream';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeSmsServer } from '@luot/sms/testing';
import type { TestHub } from '@luot/hub/testing';
import { bookingHub, post, tuesday } from './helpers.js';

let t: TestHub | null = null;
let fake: FakeSmsServer | null = null;
afterEach(async () => {
  await t?.close();
  await fake?.close();
  t = null;
  fake = null;
});

const citizen = { service: 'A', slotStart: tuesday(9), name: 'Nguyễn Văn An', phone: '0912345678' };
const httpSms = (url: string) => ({
  kind: 'http',
  url: `${url}/send`,
  body: { phone: '{to}', message: '{text}' },
  attempts: 2,
  backoffMs: 0,
  idField: 'result.id',
});

describe('one-time codes by SMS', () => {
  it('through a provider that fails sometimes: retried, delivered, stored with its status', async () => {
    fake = await FakeSmsServer.start({ answer: (n) => (n === 1 ? 503 : 200) });
    t = await bookingHub({ hub: { sms: httpSms(fake.url) } });
    const req = await post(t, '/api/book/otp', citizen);
    expect(req.status).toBe(200);
    const code = /(\d{6})/.exec(fake.delivered[0]!.body.message!)![1]!;
    expect(fake.delivered[0]!.body.phone).toBe('+84912345678');
    const ok = await post(t, '/api/book/confirm', { requestId: req.body.requestId, code });
    expect(ok.body.status).toBe('booked');
    const stored = t.hub.store.db
      .prepare('SELECT status, attempts, provider_id, text FROM sms_messages')
      .get();
    expect(stored).toMatchObject({ status: 'sent', attempts: 2, provider_id: 'fake-2' });
    expect((stored as { text: string }).text).not.toContain(code);
  });

  it('a message that cannot be sent tells the citizen to try again, and is stored as failed', async () => {
    fake = await FakeSmsServer.start({ answer: () => 503 });
    t = await bookingHub({ hub: { sms: httpSms(fake.url) } });
    const req = await post(t, '/api/book/otp', citizen);
    expect(req.status).toBe(502);
    expect(req.body.error).toBe('SMS_FAILED');
    expect(req.body.message.vi).toBe('Chưa gửi được tin nhắn chứa mã xác nhận; vui lòng thử lại.');
    expect(t.hub.store.db.prepare('SELECT status, attempts FROM sms_messages').get()).toEqual({
      status: 'failed',
      attempts: 2,
    });
  });

  it('in production the code never reaches the hub’s log', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    // What NODE_ENV=production chooses for the log gateway.
    t = await bookingHub({
      hub: { sms: { kind: 'log', showSecrets: false } },
      logger: pino({ level: 'debug', base: null }, sink),
    });
    const req = await post(t, '/api/book/otp', citizen);
    expect(req.status).toBe(200);
    const log = lines.join('');
    expect(log).toContain('Mã xác nhận đặt lịch');
    expect(log).toMatch(/••••••/);
    // The code is stored only as an HMAC, and no six digits appear anywhere in the log.
    const otp = t.hub.store.db.prepare('SELECT id, code_hmac FROM otp_requests').get() as {
      id: string;
      code_hmac: string;
    };
    expect(otp.code_hmac).toMatch(/^[0-9a-f]{64}$/);
    expect(log).not.toMatch(/\b\d{6}\b/);
  });
});

describe('an SMS provider that never answers', () => {
  it('does not hold up the hub’s start, though reminders are due', async () => {
    // Accepts connections and never answers: the gateway waits out its timeout.
    const { createServer } = await import('node:net');
    const sockets: import('node:net').Socket[] = [];
    const silent = createServer((s) => void sockets.push(s)).listen(0, '127.0.0.1');
    await new Promise((r) => silent.once('listening', r));
    const port = (silent.address() as import('node:net').AddressInfo).port;
    try {
      t = await bookingHub({
        hub: { sms: { ...httpSms(`http://127.0.0.1:${port}`), timeoutMs: 30_000, attempts: 1 } },
      });
      const auth = {
        authorization: 'Bearer test-integration-ihanoi-token',
        'content-type': 'application/json',
      };
      for (const [i, h] of [9, 10, 11].entries()) {
        const res = await fetch(`${t.hub.url}/api/bookings`, {
          method: 'POST',
          headers: auth,
          body: JSON.stringify({
            externalId: `IH-${i}`,
            service: 'A',
            slotStart: tuesday(h),
            name: 'Đỗ Văn Bình',
            phone: `09120000${i}0`,
            source: 'ihanoi',
          }),
        });
        expect(res.status).toBe(201);
      }
      t.clock.now = tuesday(8, 30); // every reminder is due
      const started = performance.now();
      await t.restart();
      expect(performance.now() - started).toBeLessThan(10_000);
      // On a fresh connection: fetch's pool may still hold one the restart closed.
      const { get } = await import('node:http');
      const status = await new Promise<number | undefined>((resolve, reject) =>
        get(`${t!.hub.url}/api/health`, { agent: false }, (res) => {
          res.resume();
          resolve(res.statusCode);
        }).on('error', reject),
      );
      expect(status).toBe(200);
      // Closing does not wait on the provider either.
      const closing = performance.now();
      await t.close();
      t = null;
      expect(performance.now() - closing).toBeLessThan(10_000);
    } finally {
      for (const s of sockets) s.destroy();
      silent.close();
    }
  });
});
