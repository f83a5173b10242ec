/**
 * What the board's reads cost (docs/city.md, "The board"): N offices (default 100) half way through
 * a simulated day on a private cluster, then the board's line of every office, of one, of ten, and
 * an office's monitor, averaged. A figure, not a test: `npx tsx apps/city/test/measure-board.ts 100`.
 */
import { performance } from 'node:perf_hooks';
import { hello, ingestBatch } from '../src/ingest.js';
import { createOffice } from '../src/offices.js';
import { Projector } from '../src/projector.js';
import { officeSummaries, officeMonitor } from '../src/board/index.js';
import { startTestDatabase } from '../src/testing.js';
import { createPool } from '../src/db.js';
import { runMigrations } from '../src/migrations.js';
import { batches, config, simulatedLog } from './helpers.js';

const N = Number(process.argv[2] ?? 100);
const db = await startTestDatabase();
const pool = createPool(db.url, 4);
await runMigrations(pool);
const projector = new Projector();
const t0 = performance.now();
const logs = [1, 2, 3, 4, 5].map((s) => simulatedLog(s));
let events = 0;
for (let i = 0; i < N; i++) {
  const id = `o${i}`;
  await createOffice(pool, { id, name: `Office ${i}`, province: `P${i % 5}`, commune: `C${i}` });
  await hello(pool, id, config, 0);
  // Each office half way through its day: people waiting, counters open.
  const log = logs[i % 5]!;
  const half = log.slice(0, Math.floor(log.length / 2));
  for (const b of batches(half, 1000)) await ingestBatch(pool, projector, id, b);
  events += half.length;
}
console.log(`${N} offices, ${events} events ingested in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
const time = async (what: string, n: number, f: () => Promise<unknown>) => {
  await f();
  const s = performance.now();
  for (let i = 0; i < n; i++) await f();
  console.log(`${what}: ${((performance.now() - s) / n).toFixed(2)} ms`);
};
await time('all offices', 20, () => officeSummaries(pool));
await time('one office', 200, () => officeSummaries(pool, ['o7']));
await time('ten offices', 100, () =>
  officeSummaries(
    pool,
    Array.from({ length: 10 }, (_, i) => `o${i * 3}`),
  ),
);
await time('office monitor', 100, () => officeMonitor(pool, 'o7'));
await pool.end();
await db.close();
