import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { PrinterEmulator, startFakePrinter } from '../src/fake-printer.js';

describe('fake printer', () => {
  it('splits jobs at ESC @ and at status requests; keeps commands cut across chunks whole', () => {
    const emulator = new PrinterEmulator();
    const replies: number[] = [];
    const session = emulator.session((b) => replies.push(...b));
    const job1 = [0x1b, 0x40, 0x1d, 0x76, 0x30, 0x00, 0x01, 0x00, 0x02, 0x00, 0xff, 0x81, 0x1d, 0x56, 0x00];
    const job2 = [0x1b, 0x40, 0x41, 0x0a];
    const stream = Uint8Array.from([...job1, ...job2, 0x10, 0x04, 0x01]);
    for (let i = 0; i < stream.length; i += 3) session.feed(stream.slice(i, i + 3)); // arrives in pieces
    expect(emulator.jobs.map((j) => Array.from(j.bytes))).toEqual([job1, job2]);
    expect(replies).toEqual([0x12]);
    expect(emulator.statusQueries).toEqual([1]);
  });

  it('answers DLE EOT hidden in image data, like a real printer (what the renderer avoids)', () => {
    const emulator = new PrinterEmulator();
    emulator.mode = 'paper_near_end';
    const replies: number[] = [];
    const session = emulator.session((b) => replies.push(...b));
    session.feed(
      Uint8Array.from([0x1b, 0x40, 0x1d, 0x76, 0x30, 0x00, 0x03, 0x00, 0x01, 0x00, 0x10, 0x04, 0x04]),
    );
    session.end();
    expect(emulator.strayStatusRequests).toBe(1);
    expect(replies).toEqual([0x1e]);
    expect(emulator.jobs).toHaveLength(1);
  });

  it('over TCP: records a job per connection and waitForJob gives jobs in order, or times out', async () => {
    const fake = await startFakePrinter();
    try {
      for (const payload of [[0x1b, 0x40, 0x41], [0x42]]) {
        await new Promise<void>((resolve, reject) => {
          const s = connect(fake.port, fake.host, () => s.end(Uint8Array.from(payload)));
          s.on('close', () => resolve());
          s.on('error', reject);
        });
      }
      expect(Array.from((await fake.waitForJob(1000)).bytes)).toEqual([0x1b, 0x40, 0x41]);
      expect(Array.from((await fake.waitForJob(1000)).bytes)).toEqual([0x42]);
      await expect(fake.waitForJob(30)).rejects.toThrow(/no print job/);
    } finally {
      await fake.close();
    }
  });
});
