/**
 * A city process killed (SIGKILL) while it writes a batch: PostgreSQL keeps the batch whole or not
 * at all, and the hub, reconnecting to another city process, resends from what the city has.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOffice } from '../src/offices.js';
import { rebuildProjections } from '../src/rebuild.js';
import type { City } from '../src/server.js';
import { startTestCity, startTestDatabase, type TestDatabase } from '../src/testing.js';
import { batches, eventSeqs, projections, RawUplink, simulatedLog } from './helpers.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
let db: TestDatabase;
let city: City;
let child: ChildProcess | null = null;

/** `npm run city`'s entry point in a process of its own, on the test database and a free port. */
function startCityProcess(url: string): Promise<{ proc: ChildProcess; url: string }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'apps/city/src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url, PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /"url":"(http:\/\/127\.0\.0\.1:\d+)","msg":"city listening"/.exec(out);
      if (m) resolve({ proc, url: m[1]! });
    });
    proc.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    proc.once('exit', (code) => reject(new Error(`city process exited (${code}): ${out}`)));
  });
}

beforeAll(async () => {
  db = await startTestDatabase();
  city = await startTestCity(db.url);
});
afterAll(async () => {
  child?.kill('SIGKILL');
  await city?.close();
  await db?.close();
});

describe('a city process killed mid-batch', () => {
  it('leaves every event exactly once: the batch whole or not at all, then resent', async () => {
    const log = simulatedLog(3);
    const all = batches(log, 1000);
    const { token } = await createOffice(city.pool, {
      id: 'kill',
      name: 'Kill',
      province: 'Hà Nội',
      commune: 'K',
    });
    const started = await startCityProcess(db.url);
    child = started.proc;
    const u = await RawUplink.connect(started.url, token);
    expect(await u.hello()).toMatchObject({ lastSeq: 0 });
    expect(await u.request(all[0]!)).toEqual({ type: 'ack', seq: 1000 });
    // The second batch sent, and the process killed as soon as it is on the wire.
    const exited = new Promise((r) => child!.once('exit', r));
    u.ws.send(JSON.stringify(all[1]), () => child!.kill('SIGKILL'));
    await exited;
    child = null;

    // The hub reconnects to another city process, which says what it has: 1000 or 2000.
    const again = await RawUplink.connect(city.url, token);
    const hello = await again.hello();
    expect(hello.type).toBe('hello');
    const have = (hello as { lastSeq: number }).lastSeq;
    expect([1000, 2000]).toContain(have);
    expect(await eventSeqs(city.pool, 'kill')).toEqual(log.slice(0, have).map((e) => e.seq));
    for (const b of all.filter((b) => b.events.at(-1)!.seq > have)) {
      expect(await again.request(b)).toEqual({ type: 'ack', seq: b.events.at(-1)!.seq });
    }
    again.close();
    u.close();
    expect(await eventSeqs(city.pool, 'kill')).toEqual(log.map((e) => e.seq));
    // The projections as a rebuild from the raw events makes them: nothing half-written.
    const live = await projections(city.pool, 'kill');
    await rebuildProjections(city.pool, 'kill');
    expect(await projections(city.pool, 'kill')).toEqual(live);
  });
});
