/**
 * `npm run demo`: the hub on the demo configuration with an office at work — two kiosks issuing
 * tickets and fifteen officers calling, serving and finishing at a realistic pace, all through the
 * same client the apps use. Counter 5 is left to you: open /counter?token=demo-counter-5-token.
 *   --speed 5   run five times faster      --data dir   where the SQLite file lives (default data/)
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import pino from 'pino';
import { LuotClient, LuotError } from '@luot/client';
import { DEMO_CONFIG, loadConfigFile, startHub } from '@luot/hub';

const { values } = parseArgs({
  options: {
    speed: { type: 'string', default: '1' },
    data: { type: 'string', default: 'data' },
    port: { type: 'string', default: '8080' },
  },
});
const speed = Math.max(0.1, Number(values.speed));
const logger = pino({ name: 'luot-demo', level: 'warn' });
const hub = await startHub({
  config: loadConfigFile(DEMO_CONFIG),
  dataDir: resolve(values.data),
  port: Number(values.port),
  host: '0.0.0.0',
  logger,
});
console.log(
  `Lượt demo: ${hub.url}/display  ·  ${hub.url}/kiosk?token=demo-kiosk-1-token  ·  ${hub.url}/counter?token=demo-counter-5-token (PIN cb05 / 1234)`,
);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms / speed));
const between = (lo: number, hi: number) => lo + Math.random() * (hi - lo);
const pickWeighted = <T>(items: Array<[T, number]>): T => {
  let r = Math.random() * items.reduce((a, [, w]) => a + w, 0);
  for (const [v, w] of items) if ((r -= w) <= 0) return v;
  return items[0]![0];
};

// Land matters dominate a district office's day; results and help are frequent too.
const SERVICE_WEIGHTS: Array<[string, number]> = [
  ['A', 9],
  ['B', 2],
  ['C', 4],
  ['E', 5],
  ['G', 2],
  ['K', 2],
  ['L', 2],
  ['M', 1],
  ['N', 1],
  ['T', 3],
  ['S', 3],
  ['V', 2],
  ['R', 4],
  ['H', 3],
];
const PRIORITY: Array<[string | null, number]> = [
  [null, 85],
  ['elderly', 7],
  ['disabled', 2],
  ['pregnant', 2],
  ['child', 2],
  ['merit', 2],
];

async function kiosk(token: string): Promise<void> {
  const c = new LuotClient({ url: hub.url, token }).connect();
  await c.ready();
  for (;;) {
    await sleep(between(4_000, 12_000));
    try {
      await c.issue({
        service: pickWeighted(SERVICE_WEIGHTS),
        priority: pickWeighted(PRIORITY),
        companions: Math.random() < 0.2 ? 1 : 0,
      });
    } catch (e) {
      if (!(e instanceof LuotError)) throw e;
    }
  }
}

async function officer(counter: number): Promise<void> {
  const c = new LuotClient({ url: hub.url, token: `demo-counter-${counter}-token` }).connect();
  await c.ready();
  await c.signIn(`cb${String(counter).padStart(2, '0')}`, '1234');
  // After a restart on the same data, this counter may still hold the citizen it had: finish that visit.
  if (c.snapshot?.state.counters[counter]?.current) await c.finish({ kind: 'other', note: 'demo restarted' });
  for (;;) {
    try {
      await serveOne(c, counter);
    } catch (e) {
      // The hub refused (e.g. the level closed this counter): wait and try again, like a person would.
      if (!(e instanceof LuotError)) throw e;
      await sleep(10_000);
    }
  }
}

async function serveOne(c: LuotClient, counter: number): Promise<void> {
  try {
    await c.callNext();
  } catch {
    await sleep(between(5_000, 15_000));
    return;
  }
  await sleep(between(3_000, 8_000));
  if (Math.random() < 0.08) {
    await c.recall();
    await sleep(8_000);
    if (Math.random() < 0.5) {
      await c.noShow();
      return;
    }
  }
  await c.startServing();
  await sleep(between(30_000, 120_000));
  const kind = pickWeighted<'received' | 'guided' | 'returned' | 'refused'>([
    ['received', 6],
    ['guided', 3],
    ['returned', 2],
    ['refused', 1],
  ]);
  await c.finish(
    kind === 'received' ? { kind, dossierCode: `000.00.${counter}.H38-${Date.now() % 100000}` } : { kind },
  );
}

const counters = Array.from({ length: 16 }, (_, i) => i + 1).filter((n) => n !== 5);
void Promise.all([kiosk('demo-kiosk-1-token'), kiosk('demo-kiosk-2-token'), ...counters.map(officer)]).catch(
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);

for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.once(sig, () => void hub.close().then(() => process.exit(0)));
}
