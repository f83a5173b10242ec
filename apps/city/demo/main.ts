/**
 * `npm run demo:city`: a city and N simulated offices (default 12), each a real hub with its
 * uplink, at work on simulated days, so the board and the reports have a live city at once.
 *
 *   --offices 12   how many offices       --speed 5   days run five times faster than the clock
 *   --seed n       replay the same days   --data dir  the hubs' SQLite files (default data/city/demo)
 *
 * The city runs on DATABASE_URL, or on the private PostgreSQL cluster under data/city (as
 * `npm run city`); PORT (default 8090) and HOST (127.0.0.1) say where it listens.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { z } from 'zod';
import { localTime } from '@luot/core';
import { PgCluster } from '@luot/pgcluster';
import { DEMO_VIEWER_TOKEN, startDemoCity } from './demo-city.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

const Args = z.object({
  offices: z.coerce.number().int().min(1).max(200),
  speed: z.coerce.number().min(0.1).max(1000),
  seed: z.coerce.number().int(),
  data: z.string().min(1),
});
const Env = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'a postgres:// URL')
    .optional(),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8090),
});

const { values } = parseArgs({
  options: {
    offices: { type: 'string', default: '12' },
    speed: { type: 'string', default: '5' },
    seed: { type: 'string', default: String(Math.floor(Math.random() * 2 ** 31)) },
    data: { type: 'string', default: resolve(ROOT, 'data/city/demo') },
  },
});
const args = Args.safeParse(values);
const env = Env.safeParse(process.env);
if (!args.success || !env.success) {
  const issues = [...(args.error?.issues ?? []), ...(env.error?.issues ?? [])];
  console.error(
    `Tham số không hợp lệ / Invalid arguments:\n${issues.map((i) => `  --${i.path.join('.')}: ${i.message}`).join('\n')}`,
  );
  process.exit(2);
}

const logger = pino({ name: 'luot-demo-city', level: 'warn' });
let stopCluster = async () => undefined as void;
let databaseUrl = env.data.DATABASE_URL;
if (!databaseUrl) {
  const cluster = new PgCluster({ dir: resolve(ROOT, 'data/city/postgres') });
  const ours = !(await cluster.attach());
  if (ours) await cluster.start();
  databaseUrl = await cluster.createDatabase('luot_city');
  if (ours) stopCluster = () => cluster.stop();
}

const demo = await startDemoCity({
  databaseUrl,
  dataDir: resolve(args.data.data),
  offices: args.data.offices,
  speed: args.data.speed,
  seed: args.data.seed,
  host: env.data.HOST,
  port: env.data.PORT,
  logger,
});
const today = localTime(Date.now(), 'Asia/Ho_Chi_Minh').day;
console.log(`Lượt — thành phố mô phỏng / demo city (seed ${args.data.seed}, tốc độ ×${args.data.speed})`);
console.log(`  Bảng theo dõi / board: ${demo.city.url}/city?token=${DEMO_VIEWER_TOKEN}`);
console.log(`  Thành phố / city:      ${demo.city.url}/api/offices`);
console.log(`  Báo cáo / reports:     ${demo.city.url}/api/reports?from=${today}&to=${today}`);
console.log(`  Xuất Excel / XLSX:     ${demo.city.url}/api/exports/report.xlsx?from=${today}&to=${today}`);
console.log(`  Đánh giá / ratings:    ${demo.city.url}/api/exports/ratings.csv?from=${today}&to=${today}`);
for (const o of demo.offices) {
  console.log(`  ${o.name} (${o.province}): ${o.hub.url}/display?token=demo-display-token`);
}

const stop = async (code: number) => {
  await demo.close();
  await stopCluster();
  process.exit(code);
};
demo.failed.catch((e: unknown) => {
  console.error(e);
  void stop(1);
});
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => void stop(0));
