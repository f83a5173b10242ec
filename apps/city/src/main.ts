/**
 * `npm run city` — the city service (docs/city.md).
 *
 *   npm run city                                   serve: on DATABASE_URL, or on a private cluster
 *                                                  it creates under data/city (Debian's PostgreSQL)
 *   npm run city -- rebuild [office-id]            rebuild the projections from the raw events
 *   npm run city -- add-office --id ID --name N --province P --commune C
 *                                                  register an office; prints its token (once)
 *   npm run city -- export-ratings --from D --to D [--province P] [--commune C] [--office ID]
 *                  [--out file.json|.csv|.xlsx] [--post URL]    the ratings export (RATINGS_TOKEN)
 *
 * Environment: DATABASE_URL, HOST (default 127.0.0.1), PORT (default 8090); the board at /city:
 * CITY_VIEWER_TOKEN (its read-only token, at least 16 characters; a random one is made and logged
 * when unset) and CITY_OFFLINE_FLAG_MINUTES (an office offline longer is flagged, default 5).
 */
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { z } from 'zod';
import { PgCluster } from '@luot/pgcluster';
import { createPool } from './db.js';
import { runMigrations } from './migrations.js';
import { createOffice } from './offices.js';
import { rebuildProjections } from './rebuild.js';
import { exportRatingsCommand } from './reports/export-command.js';
import { startCity } from './server.js';

const CLUSTER_DIR = fileURLToPath(new URL('../../../data/city/postgres', import.meta.url));
const DATABASE = 'luot_city';

const Env = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'a postgres:// URL')
    .optional(),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8090),
  CITY_VIEWER_TOKEN: z.string().min(16, 'at least 16 characters').optional(),
  CITY_OFFLINE_FLAG_MINUTES: z.coerce.number().positive().default(5),
  /** '{"Hà Nội": "<token>", …}': a read-only token per province, for its offices only. */
  CITY_PROVINCE_VIEWERS: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined) return {};
      let json: unknown = null;
      try {
        json = JSON.parse(v || '{}');
      } catch {
        // Reported below, with what was expected.
      }
      const parsed = z.record(z.string().min(1), z.string().min(16)).safeParse(json);
      if (parsed.success) return parsed.data;
      ctx.addIssue({ code: 'custom', message: 'a JSON object: province name → token of 16+ characters' });
      return z.NEVER;
    }),
});

const logger = pino({ name: 'luot-city' });

/** The database to use: DATABASE_URL, or the private cluster (started here unless it runs already). */
async function database(env: z.infer<typeof Env>): Promise<{ url: string; stop: () => Promise<void> }> {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, stop: async () => undefined };
  const cluster = new PgCluster({ dir: CLUSTER_DIR });
  const ours = !(await cluster.attach());
  if (ours) {
    logger.info({ dir: CLUSTER_DIR }, 'starting the private PostgreSQL cluster');
    await cluster.start();
  }
  const url = await cluster.createDatabase(DATABASE);
  return { url, stop: () => (ours ? cluster.stop() : Promise.resolve()) };
}

async function main(): Promise<void> {
  const env = Env.parse(process.env);
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      id: { type: 'string' },
      name: { type: 'string' },
      province: { type: 'string' },
      commune: { type: 'string' },
      token: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      office: { type: 'string' },
      out: { type: 'string' },
      post: { type: 'string' },
    },
  });
  const command = positionals[0] ?? 'serve';
  const db = await database(env);

  if (command === 'serve') {
    // Without a configured token the board still opens, with a token made for this run only.
    const viewerToken = env.CITY_VIEWER_TOKEN ?? randomBytes(18).toString('base64url');
    const city = await startCity({
      databaseUrl: db.url,
      host: env.HOST,
      port: env.PORT,
      logger,
      board: {
        viewerToken,
        provinceViewers: env.CITY_PROVINCE_VIEWERS,
        offlineFlagMinutes: env.CITY_OFFLINE_FLAG_MINUTES,
      },
    });
    if (!env.CITY_VIEWER_TOKEN) {
      logger.warn(
        { board: `${city.url}/city?token=${viewerToken}` },
        'CITY_VIEWER_TOKEN is not set: the board opens with this token until the city restarts',
      );
    }
    const stop = async () => {
      await city.close();
      await db.stop();
      process.exit(0);
    };
    process.once('SIGINT', () => void stop());
    process.once('SIGTERM', () => void stop());
    return;
  }

  const pool = createPool(db.url, 2);
  try {
    await runMigrations(pool);
    if (command === 'rebuild') {
      const r = await rebuildProjections(pool, positionals[1]);
      console.log(`rebuilt the projections of ${r.offices} office(s) from ${r.events} events`);
    } else if (command === 'add-office') {
      const { id, token } = await createOffice(pool, {
        id: values.id ?? '',
        name: values.name ?? '',
        province: values.province ?? '',
        commune: values.commune ?? '',
        ...(values.token ? { token: values.token } : {}),
      });
      console.log(
        `office ${id} registered; its token (put it in the hub's city.officeToken, shown once):\n${token}`,
      );
    } else if (command === 'export-ratings') {
      console.log(await exportRatingsCommand(pool, values));
    } else {
      throw new Error(`unknown command ${command}: serve, rebuild [office-id], add-office or export-ratings`);
    }
  } finally {
    await pool.end();
    await db.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof z.ZodError ? z.prettifyError(e) : e instanceof Error ? e.message : e);
  process.exit(1);
});
