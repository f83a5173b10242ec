import { afterEach, describe, expect, it } from 'vitest';
import type { Writable } from 'node:stream';
import { io, type Socket } from 'socket.io-client';
import WebSocket from 'ws';
import type { StreamEvent } from '@luot/protocol';
import { connectRawDevice, startTestHub, testConfig, type TestHub } from '@luot/testing';
import { broadcastEvents, idleSender, textFrame } from '../src/fanout.js';

let t: TestHub;
const raw: Socket[] = [];
afterEach(async () => {
  raw.splice(0).forEach((s) => s.close());
  await t?.close();
});

/** `ws`'s own frame parser (client side: frames from a server are unmasked), text frames in order. */
function decoder(): { write(bytes: Buffer): void; texts: string[] } {
  const { Receiver } = WebSocket as unknown as { Receiver: new () => Writable };
  const receiver = new Receiver();
  const texts: string[] = [];
  receiver.on('message', (data: Buffer, isBinary: boolean) =>
    texts.push(isBinary ? '<binary>' : data.toString()),
  );
  receiver.on('error', (e) => texts.push(`<error ${String(e)}>`));
  return { write: (bytes) => receiver.write(Buffer.from(bytes)), texts };
}

/** A bare Socket.IO client that records the seq of every event it is sent, in arrival order. */
async function listener(url: string, token: string, transports: Array<'websocket' | 'polling'>) {
  const socket = io(url, { auth: { token }, transports, forceNew: true });
  raw.push(socket);
  const seqs: number[] = [];
  const received: StreamEvent[] = [];
  socket.on('events', (events: StreamEvent[]) => {
    received.push(...events);
    seqs.push(...events.map((e) => e.seq));
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  return { socket, seqs, received };
}

describe('text frames', () => {
  it.each([0, 1, 125, 126, 1000, 65_535, 65_536, 200_000])('%i bytes decode to the same text', async (n) => {
    const text = 'Lượt '.repeat(Math.ceil(n / 8)).slice(0, n);
    const d = decoder();
    d.write(textFrame(text));
    expect(d.texts).toEqual([text]);
  });
});

describe('which sockets take the short path', () => {
  const conn = (over: Record<string, unknown> = {}, transport: Record<string, unknown> = {}) => ({
    readyState: 'open',
    upgrading: false,
    writeBuffer: [] as unknown[],
    ...over,
    transport: {
      name: 'websocket',
      writable: true,
      socket: { readyState: 1, _sender: { sendFrame: () => {}, _queue: [] } },
      ...transport,
    },
  });

  it('an open, idle WebSocket does', () => {
    expect(idleSender(conn())).not.toBeNull();
  });

  it.each([
    ['Engine.IO has packets queued', conn({ writeBuffer: [{ type: 'message' }] })],
    ['a write is in flight', conn({}, { writable: false })],
    ['long-polling', conn({}, { name: 'polling' })],
    ['upgrading to WebSocket', conn({ upgrading: true })],
    ['closing', conn({ readyState: 'closing' })],
    ['the WebSocket is closing', conn({}, { socket: { readyState: 2, _sender: { sendFrame: () => {} } } })],
    [
      'ws has frames queued',
      conn({}, { socket: { readyState: 1, _sender: { sendFrame: () => {}, _queue: [1] } } }),
    ],
    ['ws has no sendFrame', conn({}, { socket: { readyState: 1, _sender: {} } })],
  ])('not when %s', (_why, c) => {
    expect(idleSender(c)).toBeNull();
  });
});

describe('broadcasting to devices over real sockets', () => {
  it('WebSocket devices get the frame directly, a long-polling one through Socket.IO, all the same events', async () => {
    t = await startTestHub();
    const ws = await Promise.all(
      [1, 2, 3].map(() => listener(t.hub.url, 'test-display-token', ['websocket'])),
    );
    const polling = await listener(t.hub.url, 'test-supervisor-token', ['polling']);
    const events: StreamEvent[] = [
      { seq: 9001, at: 1, event: { type: 'counter.paused', counter: 3, reason: 'Họp giao ban — 15 phút' } },
    ];
    const sent = broadcastEvents(t.hub.io.of('/'), 'devices', events);
    expect(sent).toEqual({ direct: 3, queued: 1 });
    await expect
      .poll(() => [...ws, polling].map((l) => l.received))
      .toEqual([events, events, events, events]);
  });

  it('a burst of commands: every device sees every change once, in order, next to its own answers', async () => {
    t = await startTestHub({ config: testConfig({ alwaysOpen: true }) });
    const kiosk = await t.client('test-kiosk-1-token');
    const watchers = await Promise.all([
      listener(t.hub.url, 'test-display-token', ['websocket']),
      listener(t.hub.url, 'test-kiosk-2-token', ['websocket']),
      listener(t.hub.url, 'test-supervisor-token', ['polling']),
    ]);
    const own: number[] = [];
    kiosk.socket.on('events', (events) => own.push(...events.map((e) => e.seq)));
    const start = t.hub.engine.seq;
    const acks = await Promise.all(
      Array.from({ length: 300 }, (_, i) => kiosk.issue({ service: ['A', 'B', 'C'][i % 3]! })),
    );
    const end = t.hub.engine.seq;
    expect(Math.max(...acks.map((a) => a.seq))).toBe(end);
    const all = Array.from({ length: end - start }, (_, i) => start + 1 + i);
    await expect.poll(() => [own, ...watchers.map((w) => w.seqs)]).toEqual([all, all, all, all]);
  });

  it('a display that stops reading: what Engine.IO holds for it is never overtaken', async () => {
    t = await startTestHub();
    const d = decoder();
    const slow = await connectRawDevice(t.hub.port, 'test-display-token', (chunk) => d.write(chunk));
    slow.pause();
    const ns = t.hub.io.of('/');
    const hubSide = [...ns.sockets.values()].find((s) => s.data.device?.id === 'display')!;
    let seq = 0;
    const change = (size = 10) => [
      {
        seq: ++seq,
        at: 0,
        event: { type: 'counter.paused', counter: 1, reason: 'ồ'.repeat(size) },
      } as StreamEvent,
    ];
    // About 24 MB it does not read: more than the kernel will buffer on loopback, so writes back up.
    for (let i = 0; i < 24; i++)
      expect(broadcastEvents(ns, 'devices', change(350_000))).toEqual({ direct: 1, queued: 0 });
    // Engine.IO's own packets now wait: the first for its write to finish, the next in its queue.
    hubSide.emit('events', change());
    hubSide.emit('events', change());
    expect(broadcastEvents(ns, 'devices', change())).toEqual({ direct: 0, queued: 1 });
    slow.resume();
    const seqs = () =>
      d.texts
        .filter((m) => m.startsWith('42'))
        .flatMap((m) => (JSON.parse(m.slice(2))[1] as StreamEvent[]).map((e) => e.seq));
    await expect.poll(seqs, { timeout: 10_000 }).toHaveLength(seq);
    expect(seqs()).toEqual(Array.from({ length: seq }, (_, i) => i + 1));
    slow.destroy();
  });
});
