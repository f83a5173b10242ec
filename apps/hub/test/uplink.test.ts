/**
 * The uplink against a scripted city (a bare WebSocket server on 127.0.0.1): bounded batches in
 * order, one in flight, a resend honoured, a cut connection resumed from what the city says it has.
 * The real city on PostgreSQL is in apps/city/test/uplink.test.ts.
 */
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { quocOai } from '@luot/core/testing';
import { UplinkFromHubSchema, type UplinkFromCity } from '@luot/protocol';
import { Uplink, type UplinkLog } from '../src/uplink/uplink.js';

const office = quocOai();

function fakeLog(n: number): UplinkLog & { rows: Array<{ seq: number; at: number; data: string }> } {
  const rows = Array.from({ length: n }, (_, i) => ({
    seq: i + 1,
    at: 1_800_000_000_000 + i,
    data: JSON.stringify({ type: 'notice.set', text: `n${i + 1}`, until: null }),
  }));
  return {
    rows,
    lastSeq: () => rows.length,
    rawEventsAfter: (seq, limit) => rows.filter((r) => r.seq > seq).slice(0, limit),
  };
}

/** Wait for a condition by polling it (bounded). */
async function until(what: string, check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

let uplink: Uplink | null = null;
let server: WebSocketServer | null = null;
afterEach(async () => {
  uplink?.close();
  await new Promise((r) => server?.close(r) ?? r(undefined));
});

/**
 * A city that keeps what it receives, answering each connection with `script(batchNumber, batch)`:
 * an answer, or 'cut' to drop the connection without one.
 */
async function scriptedCity(
  script: (n: number, fromSeq: number, seqs: number[], have: number) => UplinkFromCity | 'cut',
  startAt = 0,
  /** false: a city (or a NAT) that stopped answering pings. */
  autoPong = true,
) {
  const received: number[][] = [];
  const state = { have: startAt, hellos: 0, auth: [] as string[] };
  server = new WebSocketServer({ host: '127.0.0.1', port: 0, autoPong });
  server.on('connection', (ws: WebSocket, req) => {
    state.auth.push(req.headers.authorization ?? '');
    ws.on('message', (data) => {
      const m = UplinkFromHubSchema.parse(JSON.parse(String(data)));
      const send = (a: UplinkFromCity) => ws.send(JSON.stringify(a));
      if (m.type === 'hello') {
        state.hellos++;
        return send({ type: 'hello', officeId: 'qo', lastSeq: state.have });
      }
      const seqs = m.events.map((e) => e.seq);
      received.push(seqs);
      const answer = script(received.length, m.fromSeq, seqs, state.have);
      if (answer === 'cut') return ws.terminate();
      if (answer.type === 'ack') state.have = answer.seq;
      if (answer.type === 'resend') state.have = answer.fromSeq - 1;
      send(answer);
    });
  });
  await new Promise((r) => server!.once('listening', r));
  const port = (server.address() as AddressInfo).port;
  return { url: `http://127.0.0.1:${port}`, received, state };
}

describe('the uplink', () => {
  it('sends bounded batches in order, honours a resend, resumes after a cut from what the city has', async () => {
    const log = fakeLog(20);
    const city = await scriptedCity((n, fromSeq, seqs, have) => {
      if (n === 1) return { type: 'resend', fromSeq: 3, message: 'lost 3…5' };
      if (n === 3) return 'cut';
      // An ack of the batch if it follows what the city has.
      expect(fromSeq).toBe(have + 1);
      return { type: 'ack', seq: seqs.at(-1)! };
    }, 5);
    uplink = new Uplink({
      url: city.url,
      officeToken: 't'.repeat(32),
      log,
      office,
      batchSize: 4,
      minBackoffMs: 10,
      maxBackoffMs: 50,
    });
    uplink.start();
    await until('caught up', () => uplink!.status().lag === 0 && city.state.have === 20);
    expect(city.received).toEqual([
      [6, 7, 8, 9], // from the city's hello: it has 5
      [3, 4, 5, 6], // the resend from 3
      [7, 8, 9, 10], // cut before the answer: not acknowledged
      [7, 8, 9, 10], // after the reconnect, from the city's 6
      [11, 12, 13, 14],
      [15, 16, 17, 18],
      [19, 20],
    ]);
    expect(city.state.hellos).toBe(2);
    expect(city.state.auth[0]).toBe(`Bearer ${'t'.repeat(32)}`);
    expect(uplink.status()).toMatchObject({ state: 'online', lastAckedSeq: 20, hubSeq: 20, lag: 0 });

    // New events are sent when the hub says it committed some.
    log.rows.push({
      seq: 21,
      at: 1_800_000_000_100,
      data: JSON.stringify({ type: 'day.closed', day: '2026-11-30' }),
    });
    uplink.notify();
    await until('the new event', () => city.state.have === 21);
    expect(city.received.at(-1)).toEqual([21]);
  });

  it('sends nothing when the city has more than the hub (a new hub database under an old token)', async () => {
    const city = await scriptedCity(() => ({ type: 'ack', seq: 0 }), 50);
    uplink = new Uplink({
      url: city.url,
      officeToken: 't'.repeat(32),
      log: fakeLog(10),
      office,
      minBackoffMs: 10,
    });
    uplink.start();
    await until(
      'the refusal',
      () => uplink!.status().lastError?.includes('wrong token or a new database') ?? false,
    );
    expect(city.received).toEqual([]);
    expect(uplink.status().state).not.toBe('online');
  });

  it('drops a connection whose pings go unanswered, and connects again', async () => {
    const city = await scriptedCity(() => ({ type: 'ack', seq: 0 }), 10, false);
    uplink = new Uplink({
      url: city.url,
      officeToken: 't'.repeat(32),
      log: fakeLog(10),
      office,
      minBackoffMs: 10,
      heartbeatMs: 20,
    });
    uplink.start();
    // The scripted city never closes a connection: only the missed pongs make the uplink hello again.
    await until('a second hello', () => city.state.hellos >= 2);
  });
});
