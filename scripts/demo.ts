/**
 * `npm run demo`: the hub on the demo configuration with an office at work — two kiosks issuing
 * tickets and fifteen officers calling, serving and finishing, all through the same client the apps
 * use. What happens is a simulated office day (@luot/sim: arrivals by service and hour, a morning
 * peak, a lunch break, recalls, no-shows, transfers, ratings), played in real time from its first
 * session on, then the next day. Counter 5 is left to you: open /counter?token=demo-counter-5-token.
 *   --speed 5   run five times faster      --data dir   where the SQLite file lives (default data/)
 *   --port n    (default 8080)             --seed n     replay the same days
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import pino from 'pino';
import { LuotClient } from '@luot/client';
import { localTime } from '@luot/core';
import { DEMO_CONFIG, loadConfigFile, startHub } from '@luot/hub';
import { bookAhead } from './demo-bookings.js';
import { DaySimulator, runLive, type LiveHub, type ProfileOptions } from '@luot/sim';

const { values } = parseArgs({
  options: {
    speed: { type: 'string', default: '1' },
    data: { type: 'string', default: 'data' },
    port: { type: 'string', default: '8080' },
    seed: { type: 'string' },
  },
});
const speed = Math.max(0.1, Number(values.speed));
const seed = values.seed !== undefined ? Number(values.seed) : Math.floor(Math.random() * 2 ** 31);
const logger = pino({ name: 'luot-demo', level: 'warn' });
const config = loadConfigFile(DEMO_CONFIG);
const hub = await startHub({
  config,
  dataDir: resolve(values.data),
  port: Number(values.port),
  host: '0.0.0.0',
  logger,
});
console.log(
  `Lượt demo: ${hub.url}/display  ·  ${hub.url}/kiosk?token=demo-kiosk-1-token  ·  ${hub.url}/counter?token=demo-counter-5-token (PIN cb05 / 1234)`,
);

/** Each device connects the first time the simulation needs it. */
const devices = new Map<string, Promise<LuotClient>>();
function device(token: string): Promise<LuotClient> {
  let d = devices.get(token);
  if (!d) {
    const client = new LuotClient({ url: hub.url, token }).connect();
    devices.set(token, (d = client.ready().then(() => client)));
  }
  return d;
}

/** The simulated day's clock on the wall: its first action now, the rest `speed` times faster. */
let anchor: { virtual: number; wall: number } | null = null;
const live: LiveHub = {
  kiosk: (id) => device(`demo-${id}-token`),
  counter: (n) => device(`demo-counter-${n}-token`),
  rating: (n) => device(`demo-rating-${n}-token`),
  // The demo's office head (ld01, PIN 1234) is signed in on the supervisor device to close days.
  supervisor: () =>
    // A device of its own: a sign-in replaces the one on the same device (the console's).
    device('demo-simulator-token').then(async (c) => {
      await c.signInSupervisor('ld01', '1234');
      return c;
    }),
  pin: () => '1234',
  until: (at) => {
    anchor ??= { virtual: at, wall: Date.now() };
    const wait = anchor.wall + (at - anchor.virtual) / speed - Date.now();
    return new Promise((r) => setTimeout(r, Math.max(0, wait)));
  },
};

const profile: ProfileOptions = {
  leaveOut: [5], // for you
  officerId: (n) => `cb${String(n).padStart(2, '0')}`, // as in the demo configuration
  closeDay: false, // the hub's day stays open for the next simulated day (and for you)
  // Officers are at their counters when the demo starts, and the first citizens come in at once.
  // You may send citizens to any counter: the officers there look up now and then, as people do.
  pace: { early: [0, 0], idlePoll: 2 },
};

const stopBookings = bookAhead(
  hub,
  () => device('demo-kiosk-2-token'),
  (line) => console.log(line),
);

async function run(): Promise<void> {
  const date = localTime(Date.now(), config.office.sessions.timeZone).day;
  for (let n = 0; ; n++) {
    const sim = new DaySimulator(config.office, { seed: seed + n, date, profile });
    console.log(
      `Ngày mô phỏng ${n + 1} (seed ${seed + n}): ${sim.citizens.length} lượt công dân, tốc độ ×${speed}`,
    );
    anchor = null;
    await runLive(sim, live);
    const { issued, turnedAway } = sim.stats;
    console.log(
      `Hết ngày ${n + 1}: ${issued} số đã cấp, ${Object.values(turnedAway).reduce((a, b) => a + b, 0)} người không lấy được số`,
    );
  }
}

run().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});

for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.once(sig, () => {
    stopBookings();
    void hub.close().then(() => process.exit(0));
  });
}
