import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { decodeSnapshot } from '@luot/client';
import type { CommandFail, EncodedSnapshot, SyncReply } from '@luot/protocol';
import { startTestHub, testConfig, type TestHub } from '@luot/hub/testing';
import { SnapshotLimit } from '../src/transport/snapshot-limit.js';

// A device asking for the whole day over and over (item 16 of "What citizens, officers and attackers
// hit today"): the hub builds each day once per seq, and gives each device only so many.

let t: TestHub;
const raw: Socket[] = [];
afterEach(async () => {
  raw.splice(0).forEach((s) => s.disconnect());
  vi.restoreAllMocks();
  await t?.close();
});

async function socketOf(token: string): Promise<Socket> {
  const socket = io(t.hub.url, { auth: { token }, transports: ['websocket'], forceNew: true });
  raw.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  return socket;
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

const fullSync = (s: Socket) =>
  s.timeout(5000).emitWithAck('sync', { lastSeq: null }) as Promise<SyncReply | CommandFail>;

describe('whole-day snapshots', () => {
  it('refuses a display that floods sync beyond its allowance, and keeps answering the others', async () => {
    t = await startTestHub(); // the default allowance: 5 at once, then one per 2 s
    const kiosk = await t.client('test-kiosk-1-token');
    const sockets = await Promise.all(Array.from({ length: 10 }, () => socketOf('test-display-token')));
    // 200 full syncs from the display's ten connections, ten at a time, while the kiosk issues.
    const replies: Array<SyncReply | CommandFail> = [];
    const issued: number[] = [];
    await Promise.all([
      (async () => {
        for (let round = 0; round < 20; round++) replies.push(...(await Promise.all(sockets.map(fullSync))));
      })(),
      (async () => {
        for (let i = 0; i < 10; i++) issued.push((await kiosk.issue({ service: 'C' })).seq);
      })(),
    ]);
    const served = replies.filter((r) => 'kind' in r);
    const refused = replies.filter((r): r is CommandFail => 'ok' in r);
    expect(served.length).toBeGreaterThanOrEqual(5); // the allowance (and a token per 2 s after it)
    expect(served.length).toBeLessThanOrEqual(7);
    expect(refused.length).toBe(200 - served.length);
    const error = refused[0]!.error;
    expect(error.code).toBe('TOO_MANY_SNAPSHOTS');
    expect(error.message.vi).toBe('Thiết bị yêu cầu dữ liệu quá thường xuyên; sẽ tự thử lại sau giây lát.');
    expect(error.message.vi).toBe(error.message.vi.normalize('NFC'));
    expect(error.message.en).toMatch(/too often/);
    expect(error.details?.retryAfterMs).toBeGreaterThan(0);
    expect(error.details?.retryAfterMs).toBeLessThanOrEqual(2000);

    // The others are answered as ever: the kiosk issued throughout, and a counter gets the day.
    expect(issued).toHaveLength(10);
    const counter = await t.client('test-counter-1-token');
    expect(counter.snapshot!.state).toEqual(t.hub.engine.state);
    // The display's events still flow: the flood cost it snapshots only.
    const seen = new Promise((resolve) => sockets[0]!.once('events', resolve));
    await kiosk.issue({ service: 'C' });
    await seen;
  });

  it('builds the day at most once a second and sends the same compressed bytes to every request', async () => {
    t = await startTestHub();
    const kiosk = await t.client('test-kiosk-1-token');
    for (let i = 0; i < 30; i++) await kiosk.issue({ service: i % 2 ? 'C' : 'E' });
    // The hub's monotonic clock, moved on past the second the kiosk's own snapshot is shared for.
    const real = performance.now.bind(performance);
    let later = 1500;
    vi.spyOn(performance, 'now').mockImplementation(() => real() + later);
    const build = vi.spyOn(t.hub.engine, 'snapshot');
    const [a, b] = await Promise.all([socketOf('test-display-token'), socketOf('test-counter-2-token')]);
    const [ra, rb] = (await Promise.all([fullSync(a), fullSync(b)])) as [EncodedSnapshot, EncodedSnapshot];
    expect(build).toHaveBeenCalledTimes(1);
    expect(ra.seq).toBe(t.hub.engine.seq);
    expect(Buffer.from(ra.gzip as Uint8Array).equals(Buffer.from(rb.gzip as Uint8Array))).toBe(true);
    expect(t.hub.engine.encodedSnapshot()).toBe(t.hub.engine.encodedSnapshot());
    // Compressed, and what it holds is this seq's day (the answer's own clock is beside it).
    const json = gunzipSync(ra.gzip as Uint8Array).toString('utf8');
    expect(ra.gzip.byteLength * 4).toBeLessThan(Buffer.byteLength(json));
    const day = await decodeSnapshot(ra);
    expect(day.serverTime).toBe(t.clock.now);
    expect(day.state).toEqual(t.hub.engine.state);

    // Within a second, a later seq gets the same bytes and the events since them.
    const { seq } = await kiosk.issue({ service: 'C' });
    const [rc, rd] = (await Promise.all([fullSync(a), fullSync(b)])) as [EncodedSnapshot, EncodedSnapshot];
    expect(build).toHaveBeenCalledTimes(1);
    expect(rc.seq).toBe(ra.seq);
    expect(Buffer.from(rc.gzip as Uint8Array).equals(Buffer.from(ra.gzip as Uint8Array))).toBe(true);
    expect(rc.events.map((e) => e.seq)).toEqual(range(ra.seq + 1, seq));
    expect(rd.events).toEqual(rc.events);
    // A client makes the hub's day of them.
    const viewer = await t.client('test-counter-3-token');
    expect(viewer.snapshot!.seq).toBe(seq);
    expect(viewer.snapshot!.state).toEqual(t.hub.engine.state);
    expect(build).toHaveBeenCalledTimes(1);

    // A second later, the day is built again, once.
    later += 1500;
    const [re, rf] = (await Promise.all([fullSync(a), fullSync(b)])) as [EncodedSnapshot, EncodedSnapshot];
    expect(build).toHaveBeenCalledTimes(2);
    expect([re.seq, rf.seq]).toEqual([seq, seq]);
    expect(re.events).toEqual([]);
    expect((await decodeSnapshot(re)).state.tickets).toEqual(t.hub.engine.state.tickets);
  });

  it('a refused LuotClient waits as the hub asked, then gets the day, without hammering', async () => {
    t = await startTestHub({ config: testConfig({ snapshotLimit: { burst: 1, intervalMs: 800 } }) });
    const kiosk = await t.client('test-kiosk-1-token');
    await kiosk.issue({ service: 'C' });
    const take = vi.spyOn(SnapshotLimit.prototype, 'take');
    // Someone with the display's token spent its allowance just now.
    expect('kind' in (await fullSync(await socketOf('test-display-token')))).toBe(true);
    const started = performance.now();
    const display = await t.client('test-display-token');
    expect(performance.now() - started).toBeGreaterThanOrEqual(700);
    // One refused ask, then the one that got through (the doubling back-off never went below the
    // hub's retryAfterMs), not a retry every half second.
    const asks = take.mock.calls.filter(([device]) => device === 'display').length;
    expect(asks).toBe(3); // the raw socket's, the refused one, the served one
    expect(display.snapshot!.state).toEqual(t.hub.engine.state);
    // And it follows the day live afterwards.
    const { seq } = await kiosk.issue({ service: 'E' });
    await display.waitFor((s) => s.seq >= seq);
  });
});
