/**
 * `npm run demo:city` (main.ts) as a function the test runs too: a city, and N offices, each a real
 * hub (its SQLite file, its Socket.IO server, its uplink to the city) at work through the same
 * client the apps use, driven by the day simulator as `npm run demo` drives one office.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { LuotClient } from '@luot/client';
import { localTime, type OfficeConfig } from '@luot/core';
import { DEMO_CONFIG, resolveConfig, startHub, type Hub } from '@luot/hub';
import { DaySimulator, runLive, type LiveHub, type ProfileOptions } from '@luot/sim';
import { sha256 } from '../src/offices.js';
import { startCity, type City } from '../src/server.js';
import { demoOffices, demoToken, type DemoOffice } from './offices.js';

export interface DemoCityOptions {
  databaseUrl: string;
  /** Where each office's SQLite file lives (`<dataDir>/<office id>/`). */
  dataDir: string;
  offices: number;
  /** How much faster than the wall clock the simulated days run. */
  speed: number;
  seed: number;
  host?: string;
  /** The city's port (0: a free one). The hubs take free ports. */
  port?: number;
  logger: Logger;
}

export interface DemoCity {
  city: City;
  offices: Array<DemoOffice & { hub: Hub }>;
  /** Resolves when a simulation fails (it never ends by itself: day after day). */
  failed: Promise<never>;
  close(): Promise<void>;
}

/** Register the office (or update it, with the demo's fixed token) at the city. */
async function registerOffice(city: City, o: DemoOffice): Promise<void> {
  await city.pool.query(
    `WITH o AS (
       INSERT INTO offices (id, name, province, commune, token_hash) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, province = excluded.province,
         commune = excluded.commune, token_hash = excluded.token_hash
       RETURNING id)
     INSERT INTO office_cursors (office_id) SELECT id FROM o ON CONFLICT DO NOTHING`,
    [o.id, o.name, o.province, o.commune, sha256(demoToken(o.id))],
  );
}

/** The demo profile of `npm run demo`: officers at their counters at once, the day left open. */
const profile: ProfileOptions = {
  officerId: (n) => `cb${String(n).padStart(2, '0')}`,
  closeDay: false,
  pace: { early: [0, 0], idlePoll: 2 },
};

/** One office at work: its devices connect when the simulation first needs them. */
async function work(
  hub: Hub,
  config: OfficeConfig,
  office: DemoCityOptions & { index: number },
  stopped: () => boolean,
  /** Every client this office opens, for the demo to close when it stops. */
  clients: LuotClient[],
): Promise<void> {
  const devices = new Map<string, Promise<LuotClient>>();
  const device = (token: string) => {
    let d = devices.get(token);
    if (!d) {
      const client = new LuotClient({ url: hub.url, token }).connect();
      clients.push(client);
      devices.set(token, (d = client.ready().then(() => client)));
    }
    return d;
  };
  let anchor: { virtual: number; wall: number } | null = null;
  const live: LiveHub = {
    kiosk: (id) => device(`demo-${id}-token`),
    counter: (n) => device(`demo-counter-${n}-token`),
    rating: (n) => device(`demo-rating-${n}-token`),
    supervisor: () =>
      device('demo-simulator-token').then(async (c) => {
        await c.signInSupervisor('ld01', '1234');
        return c;
      }),
    pin: () => '1234',
    until: (at) => {
      if (stopped()) return new Promise(() => undefined); // the demo is closing: this office stops here
      anchor ??= { virtual: at, wall: Date.now() };
      const wait = anchor.wall + (at - anchor.virtual) / office.speed - Date.now();
      return new Promise((r) => setTimeout(r, Math.max(0, wait)));
    },
  };
  for (let n = 0; !stopped(); n++) {
    const date = localTime(Date.now(), config.sessions.timeZone).day;
    const seed = office.seed + office.index * 1000 + n;
    anchor = null;
    await runLive(new DaySimulator(config, { seed, date, profile }), live);
  }
}

/** The demo board's viewer token: a demo runs on a developer's machine, the token is no secret. */
export const DEMO_VIEWER_TOKEN = 'demo-city-viewer-token';

export async function startDemoCity(opts: DemoCityOptions): Promise<DemoCity> {
  const city = await startCity({
    databaseUrl: opts.databaseUrl,
    host: opts.host ?? '127.0.0.1',
    port: opts.port ?? 0,
    logger: opts.logger,
    board: { viewerToken: DEMO_VIEWER_TOKEN },
  });
  const base = readFileSync(DEMO_CONFIG, 'utf8');
  let stopping = false;
  const offices: DemoCity['offices'] = [];
  const runs: Promise<void>[] = [];
  const clients: LuotClient[] = [];
  try {
    for (const [index, o] of demoOffices(opts.offices).entries()) {
      await registerOffice(city, o);
      const raw = JSON.parse(base) as Record<string, unknown>;
      raw.city = { url: city.url, officeToken: demoToken(o.id), retryMinMs: 200, retryMaxMs: 5000 };
      const config = resolveConfig(raw, join(DEMO_CONFIG, '..'));
      // Each office its own name on its screens; the rest is the demo's Quốc Oai profile.
      config.office.office.name = { vi: o.name, en: o.name };
      const dataDir = join(opts.dataDir, o.id);
      mkdirSync(dataDir, { recursive: true });
      const hub = await startHub({
        config,
        dataDir,
        port: 0,
        host: opts.host ?? '127.0.0.1',
        // The hubs' start-up advice (publicUrl for QR codes) is for an office, not for a demo.
        logger: opts.logger.child({ office: o.id }, { level: 'error' }),
      });
      offices.push({ ...o, hub });
      runs.push(work(hub, config.office, { ...opts, index }, () => stopping, clients));
    }
  } catch (e) {
    await Promise.all(offices.map((o) => o.hub.close()));
    await city.close();
    throw e;
  }
  // A failed office stops the demo loudly rather than leaving a quiet branch on the board; once
  // the demo is closing, commands cut short by the closing hubs are no failure.
  const failed = Promise.race(
    runs.map((r) =>
      r.then(
        () => new Promise<never>(() => undefined),
        (e: unknown) => (stopping ? new Promise<never>(() => undefined) : Promise.reject(e)),
      ),
    ),
  );
  void failed.catch(() => undefined);
  return {
    city,
    offices,
    failed,
    async close() {
      stopping = true;
      for (const c of clients) c.close();
      await Promise.all(offices.map((o) => o.hub.close()));
      await city.close();
    },
  };
}
