import { afterEach, describe, expect, it } from 'vitest';
import type { Socket as NetSocket } from 'node:net';
import type { Writable } from 'node:stream';
import { io, type Socket } from 'socket.io-client';
import WebSocket from 'ws';
import type { CommandAck, StreamEvent } from '@luot/protocol';
import { connectRawDevice } from '@luot/testing';
import { startTestHub, testConfig, type TestHub } from '@luot/hub/testing';

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

describe('broadcasting to devices over real sockets', () => {
  it('WebSocket and long-polling devices all get the same events', async () => {
    const hub = (t = await startTestHub());
    const ws = await Promise.all(
      [1, 2, 3].map(() => listener(hub.hub.url, 'test-display-token', ['websocket'])),
    );
    const polling = await listener(hub.hub.url, 'test-supervisor-token', ['polling']);
    const events: StreamEvent[] = [
      { seq: 9001, at: 1, event: { type: 'counter.paused', counter: 3, reason: 'Họp giao ban — 15 phút' } },
    ];
    hub.hub.sockets.broadcast(events, new Set());
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
    // The answer is checked in Socket.IO's own callback, as it is decoded: a promise's continuation
    // runs only after every packet of the same network read has been handled, and the events that
    // follow an answer often arrive in the same read when the machine is busy.
    const acks = await Promise.all(
      Array.from(
        { length: 300 },
        (_, i) =>
          new Promise<{ seq: number }>((resolve) =>
            kiosk.socket.emit(
              'command',
              { type: 'ticket.issue', service: ['A', 'B', 'C'][i % 3]!, requestId: `burst-command-${i}` },
              (ack: CommandAck) => {
                const seq = ack.ok ? ack.seq : -1;
                if (own.includes(seq)) seenBeforeAnswer.push(seq);
                resolve({ seq });
              },
            ),
          ),
      ),
    );
    const end = hub.hub.engine.seq;
    expect(Math.max(...acks.map((a) => a.seq))).toBe(end);
    expect(seenBeforeAnswer).toEqual([]);
    const all = Array.from({ length: end - start }, (_, i) => start + 1 + i);
    await expect.poll(() => [own, ...watchers.map((w) => w.seqs)]).toEqual([all, all, all, all]);
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
      const hubSide = [...hub.hub.sockets.io.of('/').sockets.values()].find(
        (s) => s.data.device?.id === 'display',
      )!;
      let seq = 0;
      const change = (size = 10) => [
        {
          seq: ++seq,
          at: 0,
          event: { type: 'counter.paused', counter: 1, reason: 'ồ'.repeat(size) },
        } as StreamEvent,
      ];
      // About 24 MB it does not read: more than the kernel will buffer on loopback, so writes back up.
      for (let i = 0; i < 24; i++) hub.hub.sockets.broadcast(change(350_000), new Set());
      // Packets now wait in Engine.IO's queue for this socket: sent to it alone, then to everyone.
      hubSide.emit('events', change());
      hubSide.emit('events', change());
      hub.hub.sockets.broadcast(change(), new Set());
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
