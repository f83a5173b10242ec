import { afterEach, describe, expect, it } from 'vitest';
import { createServer } from 'node:http';
import type { AddressInfo, Socket as NetSocket } from 'node:net';
import type { Writable } from 'node:stream';
import { Server } from 'socket.io';
import { io, type Socket } from 'socket.io-client';
import WebSocket from 'ws';
import type { StreamEvent } from '@luot/protocol';
import { connectRawDevice, startTestHub, testConfig, type TestHub } from '@luot/testing';
import { broadcastEvents, idleSender, textFrame } from '../src/fanout.js';

let t: TestHub | undefined;
const raw: Socket[] = [];
const tcp: NetSocket[] = [];
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  raw.splice(0).forEach((s) => s.close());
  tcp.splice(0).forEach((s) => s.destroy());
  for (const close of closers.splice(0)) await close();
  await t?.close();
  t = undefined;
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
    const hub = (t = await startTestHub());
    const ws = await Promise.all(
      [1, 2, 3].map(() => listener(hub.hub.url, 'test-display-token', ['websocket'])),
    );
    const polling = await listener(hub.hub.url, 'test-supervisor-token', ['polling']);
    const events: StreamEvent[] = [
      { seq: 9001, at: 1, event: { type: 'counter.paused', counter: 3, reason: 'Họp giao ban — 15 phút' } },
    ];
    const sent = broadcastEvents(hub.hub.io.of('/'), 'devices', events);
    expect(sent).toEqual({ direct: 3, queued: 1 });
    await expect
      .poll(() => [...ws, polling].map((l) => l.received))
      .toEqual([events, events, events, events]);
  });

  it('a burst of commands: every device sees every change once, in order; the kiosk has each answer first', async () => {
    const hub = (t = await startTestHub({ config: testConfig({ alwaysOpen: true }) }));
    const kiosk = await hub.client('test-kiosk-1-token');
    const watchers = await Promise.all([
      listener(hub.hub.url, 'test-display-token', ['websocket']),
      listener(hub.hub.url, 'test-kiosk-2-token', ['websocket']),
      listener(hub.hub.url, 'test-supervisor-token', ['polling']),
    ]);
    const own: number[] = [];
    kiosk.socket.on('events', (events) => own.push(...events.map((e) => e.seq)));
    const start = hub.hub.engine.seq;
    const seenBeforeAnswer: number[] = [];
    const acks = await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        kiosk.issue({ service: ['A', 'B', 'C'][i % 3]! }).then((ack) => {
          if (own.includes(ack.seq)) seenBeforeAnswer.push(ack.seq);
          return ack;
        }),
      ),
    );
    const end = hub.hub.engine.seq;
    expect(Math.max(...acks.map((a) => a.seq))).toBe(end);
    expect(seenBeforeAnswer).toEqual([]);
    const all = Array.from({ length: end - start }, (_, i) => start + 1 + i);
    await expect.poll(() => [own, ...watchers.map((w) => w.seqs)]).toEqual([all, all, all, all]);
  });

  it('writes byte for byte what Socket.IO would', async () => {
    const hub = (t = await startTestHub());
    const bytes: Buffer[] = [];
    tcp.push(await connectRawDevice(hub.hub.port, 'test-display-token', (c) => bytes.push(Buffer.from(c))));
    const ns = hub.hub.io.of('/');
    const event = {
      type: 'counter.paused',
      counter: 3,
      reason: 'Họp giao ban 🗓️ \u2028 — 15′',
      note: undefined,
      list: [1, undefined, 'ồ'],
    };
    const events = [{ seq: 1, at: 2, event } as unknown as StreamEvent];
    ns.to('devices').emit('events', events);
    await expect.poll(() => bytes.length).toBeGreaterThan(0);
    const bySocketIo = Buffer.concat(bytes.splice(0));
    expect(broadcastEvents(ns, 'devices', events)).toEqual({ direct: 1, queued: 0 });
    await expect.poll(() => Buffer.concat(bytes).length).toBe(bySocketIo.length);
    expect(Buffer.concat(bytes).equals(bySocketIo)).toBe(true);
  });

  it('leaves the sending to Socket.IO when it numbers packets itself, or when told to', async () => {
    const server = createServer();
    const ioServer = new Server(server, { connectionStateRecovery: {} });
    ioServer.on('connection', (s) => void s.join('devices'));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    closers.push(() => new Promise((r) => void ioServer.close(() => r())));
    const { port } = server.address() as AddressInfo;
    const client = await listener(`http://127.0.0.1:${port}`, 'any', ['websocket']);
    const events: StreamEvent[] = [{ seq: 7, at: 0, event: { type: 'counter.resumed', counter: 2 } }];
    expect(broadcastEvents(ioServer.of('/'), 'devices', events)).toEqual({ direct: 0, queued: 1 });
    await expect.poll(() => client.seqs).toEqual([7]);

    const hub = (t = await startTestHub());
    const display = await listener(hub.hub.url, 'test-display-token', ['websocket']);
    expect(broadcastEvents(hub.hub.io.of('/'), 'devices', events, { shortPath: false })).toEqual({
      direct: 0,
      queued: 1,
    });
    await expect.poll(() => display.seqs).toEqual([7]);
  });

  it(
    'a display that stops reading: what Engine.IO holds for it is never overtaken',
    { timeout: 30_000 },
    async () => {
      const hub = (t = await startTestHub());
      const d = decoder();
      const slow = await connectRawDevice(hub.hub.port, 'test-display-token', (chunk) => d.write(chunk));
      tcp.push(slow);
      slow.pause();
      const ns = hub.hub.io.of('/');
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
      await expect.poll(seqs, { timeout: 20_000 }).toHaveLength(seq);
      expect(seqs()).toEqual(Array.from({ length: seq }, (_, i) => i + 1));
    },
  );
});
