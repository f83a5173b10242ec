import { Agent, request } from 'node:http';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { TestHub } from '@luot/hub/testing';
import { bookingHub, tuesday, type Json } from './helpers.js';

let t: TestHub | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

const BOOKERS = 1000;
const PLACES = 50;

/**
 * The load is bounded (parallel-safe on a shared 2-core machine): the thousand requests are sent
 * at once, through at most 200 connections — the hub has hundreds of requests in flight, which is
 * the race; a thousand fresh TCP handshakes at once only measured the kernel and, beside other
 * test files, overflowed the listen queue.
 */
const agent = new Agent({ keepAlive: true, maxSockets: 200 });

afterAll(() => agent.destroy());

function post(hub: TestHub, path: string, body: unknown): Promise<{ status: number; body: Json }> {
  const data = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      `${hub.hub.url}${path}`,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(text) as Json }));
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

function getHealth(hub: TestHub): Promise<void> {
  return new Promise((resolve, reject) => {
    request(`${hub.hub.url}/api/health`, { agent }, (res) => res.resume().on('end', resolve))
      .on('error', reject)
      .end();
  });
}

describe('a thousand citizens racing for one slot', () => {
  it('books exactly the places there are over real HTTP; everyone else is told "hết chỗ" with other slots', async () => {
    // The one-time codes, read from what the log gateway writes to the hub's log.
    const codes = new Map<string, string>();
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        for (const line of chunk.toString().split('\n')) {
          if (!line.includes('"sms"')) continue;
          const { sms } = JSON.parse(line) as { sms: { to: string; text: string; kind: string } };
          const code = /(\d{6})/.exec(sms.text)?.[1];
          if (sms.kind === 'otp' && code) codes.set(sms.to, code);
        }
        done();
      },
    });
    t = await bookingHub({
      bookings: { fixedPlaces: PLACES },
      // Everyone comes from 127.0.0.1 here: the per-address limit is not what this test is about.
      hub: { publicRequestsPerMinute: 100_000 },
      logger: pino({ level: 'info' }, sink),
    });

    const phones = Array.from({ length: BOOKERS }, (_, i) => `+8491${String(i).padStart(7, '0')}`);
    const slotStart = tuesday(9);
    const requests = await Promise.all(
      phones.map((phone, i) =>
        post(t!, '/api/book/otp', { service: 'A', slotStart, name: `Công dân số ${i}`, phone }),
      ),
    );
    expect(requests.filter((r) => r.status !== 200)).toEqual([]);
    expect(codes.size).toBe(BOOKERS);

    // The substrate, for the figure below: the same number of bare requests at once.
    const bare0 = performance.now();
    await Promise.all(phones.map(() => getHealth(t!)));
    const bare = performance.now() - bare0;

    const started = performance.now();
    const answers = await Promise.all(
      requests.map(async (r, i) => {
        const t0 = performance.now();
        const a = await post(t!, '/api/book/confirm', {
          requestId: r.body.requestId,
          code: codes.get(phones[i]!),
        });
        return { ...a, ms: performance.now() - t0 };
      }),
    );
    const elapsed = performance.now() - started;

    const booked = answers.filter((a) => a.status === 200);
    const refused = answers.filter((a) => a.status === 409);
    expect(booked).toHaveLength(PLACES);
    expect(refused).toHaveLength(BOOKERS - PLACES);
    for (const a of refused) {
      expect(a.body.error).toBe('SLOT_FULL');
      expect(a.body.message.vi).toContain('hết chỗ');
      expect(a.body.nearest.length).toBeGreaterThan(0);
    }
    // The database agrees: 50 rows for the slot, 50 distinct codes.
    const rows = t.hub.store.db
      .prepare("SELECT COUNT(DISTINCT code) AS n FROM bookings WHERE slot_start = ? AND status = 'booked'")
      .get(slotStart) as { n: number };
    expect(rows.n).toBe(PLACES);
    const ms = answers.map((a) => a.ms).sort((a, b) => a - b);
    console.log(
      `booking race: ${BOOKERS} confirms in ${Math.round(elapsed)} ms, p50 ${Math.round(ms[BOOKERS / 2]!)} ms, p99 ${Math.round(ms[Math.floor(BOOKERS * 0.99)]!)} ms (substrate: ${BOOKERS} bare GET /api/health at once in ${Math.round(bare)} ms)`,
    );
  }, 120_000);
});
