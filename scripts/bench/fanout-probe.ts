import type { Socket } from 'node:net';
import { connectRawDevice } from '@luot/testing';

/**
 * `count` raw device sockets that time one broadcast at a time: `time(send, marker)` starts the clock,
 * runs `send`, and resolves once every socket has received a frame containing `marker(result)` —
 * with each socket's arrival time from the start. Frames are only timestamped as they arrive (the
 * marker, e.g. an event's seq, is often known only from `send`'s answer); matching comes after.
 */
export async function fanoutProbe(port: number, token: string, count: number) {
  let early: Array<{ socket: number; data: Buffer; at: number }> = [];
  let waiting: { marker: string; arrivals: number[]; got: Uint8Array; done: () => void } | null = null;
  let start = 0;
  const onData = (socket: number, data: Buffer, at: number) => {
    if (!waiting) return void early.push({ socket, data: Buffer.from(data), at });
    if (!waiting.got[socket] && data.includes(waiting.marker)) {
      waiting.got[socket] = 1;
      waiting.arrivals.push(at - start);
      if (waiting.arrivals.length === count) waiting.done();
    }
  };
  const sockets: Socket[] = [];
  for (let i = 0; i < count; i += 50) {
    const batch = Array.from({ length: Math.min(50, count - i) }, (_, k) =>
      connectRawDevice(port, token, (data, at) => onData(i + k, data, at)),
    );
    sockets.push(...(await Promise.all(batch)));
  }
  return {
    async time<T>(send: () => Promise<T>, marker: (result: T) => string): Promise<number[]> {
      early = [];
      start = performance.now();
      const result = await send();
      const arrivals: number[] = [];
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`only ${arrivals.length} of ${count} sockets got it`)),
          10_000,
        );
        const done = () => (clearTimeout(timer), resolve());
        waiting = { marker: marker(result), arrivals, got: new Uint8Array(count), done };
        for (const f of early) onData(f.socket, f.data, f.at);
      }).finally(() => {
        waiting = null;
        early = [];
      });
      return arrivals;
    },
    close: () => sockets.forEach((s) => s.destroy()),
  };
}
