import type { Socket } from 'node:net';
import { connectRawDevice } from '@luot/testing';

/**
 * `count` raw device sockets that time one broadcast at a time: `time(send, marker)` starts the clock,
 * runs `send`, and resolves once every socket has received a frame containing `marker(result)` —
 * with each socket's arrival time from the start. Frames are only timestamped as they arrive (the
 * marker, e.g. an event's seq, is often known only from `send`'s answer); matching comes after.
 */
export async function fanoutProbe(port: number, token: string, count: number) {
  let early: Array<{ data: Buffer; at: number }> = [];
  let waiting: { marker: string; arrivals: number[]; done: () => void } | null = null;
  let start = 0;
  const onData = (data: Buffer, at: number) => {
    if (!waiting) return void early.push({ data: Buffer.from(data), at });
    if (data.includes(waiting.marker)) {
      waiting.arrivals.push(at - start);
      if (waiting.arrivals.length === sockets.length) waiting.done();
    }
  };
  const sockets: Socket[] = [];
  for (let i = 0; i < count; i += 50) {
    const batch = Array.from({ length: Math.min(50, count - i) }, () =>
      connectRawDevice(port, token, onData),
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
          () => reject(new Error(`only ${arrivals.length} of ${sockets.length} sockets got it`)),
          10_000,
        );
        waiting = { marker: marker(result), arrivals, done: () => (clearTimeout(timer), resolve()) };
        for (const f of early) onData(f.data, f.at);
      }).finally(() => {
        waiting = null;
        early = [];
      });
      return arrivals;
    },
    close: () => sockets.forEach((s) => s.destroy()),
  };
}
