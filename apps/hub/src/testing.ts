/**
 * A real hub for tests (`@luot/hub/testing`): on a free port of 127.0.0.1, with a SQLite file in a
 * temp dir, a clock the test moves, and clients connected the way the apps connect.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino, { type Logger } from 'pino';
import { LuotClient } from '@luot/client';
import { hashPin } from './auth.js';
import { resolveConfig, type LoadedConfig } from './config.js';
import { startHub, type Hub } from './hub.js';

/** Monday 30 November 2026, 09:00 in Hà Nội. */
export const MONDAY_9AM = Date.UTC(2026, 10, 30, 2, 0);

export class FakeClock {
  constructor(public now = MONDAY_9AM) {}
  readonly fn = () => this.now;
  advance(ms: number): void {
    this.now += ms;
  }
}

const PIN_HASH = hashPin('1234');

/**
 * The default Quốc Oai profile with one device of every kind, an officer per counter (cb1…cb16) and
 * a supervisor (ld1), all with PIN 1234.
 */
export function testConfig(extra: Record<string, unknown> = {}): LoadedConfig {
  const devices: unknown[] = [
    { id: 'kiosk-1', role: 'kiosk', token: 'test-kiosk-1-token' },
    { id: 'kiosk-2', role: 'kiosk', token: 'test-kiosk-2-token' },
    { id: 'display', role: 'display', token: 'test-display-token' },
    { id: 'boss', role: 'supervisor', token: 'test-supervisor-token' },
  ];
  const officers: unknown[] = [{ id: 'ld1', name: 'Nguyễn Văn Lãnh', pinHash: PIN_HASH, role: 'supervisor' }];
  for (let i = 1; i <= 16; i++) {
    devices.push({ id: `counter-${i}`, role: 'counter', counter: i, token: `test-counter-${i}-token` });
    devices.push({ id: `rating-${i}`, role: 'rating', counter: i, token: `test-rating-${i}-token` });
    officers.push({ id: `cb${i}`, name: `Cán bộ ${i}`, pinHash: PIN_HASH });
  }
  return resolveConfig({ office: 'quoc-oai', devices, officers, ...extra });
}

export interface TestHub {
  hub: Hub;
  dir: string;
  clock: FakeClock;
  clients: LuotClient[];
  client(token: string): Promise<LuotClient>;
  counter(n: number, signIn?: boolean): Promise<LuotClient>;
  /** The supervisor device, with supervisor ld1 signed in. */
  supervisor(): Promise<LuotClient>;
  /** Headers that open the supervisor HTTP routes: the device's token and a signed-in session. */
  supervisorHeaders(): Promise<Record<string, string>>;
  restart(opts?: { samePort?: boolean }): Promise<Hub>;
  close(): Promise<void>;
}

export async function startTestHub(
  /** `logger`: to see what the hub logs (silent by default). */
  opts: { config?: LoadedConfig; clock?: FakeClock; dir?: string; logger?: Logger } = {},
): Promise<TestHub> {
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'luot-hub-'));
  const clock = opts.clock ?? new FakeClock();
  const config = opts.config ?? testConfig();
  const logger = opts.logger ?? pino({ level: 'silent' });
  const start = (port?: number) =>
    startHub({ config, dataDir: dir, clock: clock.fn, logger, host: '127.0.0.1', ...(port ? { port } : {}) });
  const t: TestHub = {
    hub: await start(),
    dir,
    clock,
    clients: [],
    async client(token) {
      const c = new LuotClient({ url: t.hub.url, token, timeoutMs: 5000 }).connect();
      t.clients.push(c);
      await c.ready();
      return c;
    },
    async counter(n, signIn = true) {
      const c = await t.client(`test-counter-${n}-token`);
      if (signIn) await c.sendAndSee('counter.signIn', { officerId: `cb${n}`, pin: '1234' });
      return c;
    },
    async supervisor() {
      const c = await t.client('test-supervisor-token');
      await c.signInSupervisor('ld1', '1234');
      return c;
    },
    async supervisorHeaders() {
      const c = await t.client('test-supervisor-token');
      const { result } = await c.signInSupervisor('ld1', '1234');
      return { authorization: 'Bearer test-supervisor-token', 'x-luot-session': result.session };
    },
    async restart({ samePort = true } = {}) {
      const port = t.hub.port;
      await t.hub.close();
      t.hub = await start(samePort ? port : undefined);
      return t.hub;
    },
    async close() {
      for (const c of t.clients) c.close();
      await t.hub.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return t;
}
