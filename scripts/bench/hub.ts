import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { io as ioClient, type Socket } from 'socket.io-client';
import { LuotClient } from '@luot/client';
import type { OfficeConfig } from '@luot/core';
import type { CommandFail, SyncReply } from '@luot/protocol';
import { hashPin, resolveConfig } from '@luot/hub';
import { DaySimulator, type Citizen } from '@luot/sim';
import { fanoutProbe } from './fanout-probe.js';
import { rssMb, startProcess, stopProcess } from './processes.js';
import { summary } from './stats.js';

/**
 * The Node flags `npm start` gives the hub (package.json): its live heap is some 40 MB, so 4 MB young
 * generation semi-spaces (V8's default grows them to 16 MB) keep ~20 MB of RSS that it never needs.
 */
// HUB_PROF=<dir>: each hub the bench starts writes a CPU profile there (where did the time go?).
export const HUB_NODE_FLAGS = [
  '--max-semi-space-size=4',
  ...(process.env.HUB_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.HUB_PROF}`] : []),
];

const SERVICES = ['A', 'B', 'C', 'E', 'G', 'K', 'L', 'M', 'N', 'T', 'S', 'V', 'R', 'H'];

/** The office the benchmark's hub runs: the default one, open at any hour. */
const OFFICE = { office: 'quoc-oai', alwaysOpen: true };

function benchConfig(dir: string): string {
  const pinHash = hashPin('1234');
  const devices: unknown[] = [
    { id: 'display', role: 'display', token: 'bench-display-token' },
    // The snapshot flood's senders: ten wall displays, each with its own allowance of snapshots.
    ...Array.from({ length: 10 }, (_, i) => ({
      id: `wall-${i + 1}`,
      role: 'display',
      token: `bench-wall-${i + 1}-token`,
    })),
    { id: 'boss', role: 'supervisor', token: 'bench-supervisor-token' },
  ];
  for (let k = 1; k <= 8; k++)
    devices.push({ id: `kiosk-${k}`, role: 'kiosk', token: `bench-kiosk-${k}-token` });
  // The head of desk: supervisor routes (the reports benchmark) need a signed-in supervisor.
  const officers: unknown[] = [{ id: 'ld1', name: 'Trưởng bộ phận', pinHash, role: 'supervisor' }];
  for (let n = 1; n <= 16; n++) {
    devices.push({ id: `counter-${n}`, role: 'counter', counter: n, token: `bench-counter-${n}-token` });
    officers.push({ id: `cb${n}`, name: `Cán bộ ${n}`, pinHash });
  }
  const file = join(dir, 'hub.json');
  writeFileSync(file, JSON.stringify({ ...OFFICE, devices, officers }));
  return file;
}

/**
 * What the hub stands on, measured the way the hub is: a durable SQLite commit, a Socket.IO round
 * trip, and a bare Socket.IO broadcast (`io.emit`) timed to each of `displays` sockets.
 */
export async function benchSubstrate(dir: string, n = 500, displays = 1000, broadcasts = 256) {
  const db = new Database(join(dir, 'substrate.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, data TEXT)');
  const insert = db.prepare('INSERT INTO t (data) VALUES (?)');
  const commit = db.transaction((d: string) => insert.run(d));
  const commits: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    commit(`{"n":${i}}`);
    commits.push(performance.now() - t0);
  }
  db.close();

  const { child, value } = await startProcess('scripts/bench/echo-server.ts', [], (l) =>
    l.includes('echo listening') ? String(JSON.parse(l).port) : null,
  );
  const socket = ioClient(`http://127.0.0.1:${value}`, { transports: ['websocket'] });
  await new Promise((r) => socket.once('connect', () => r(null)));
  const rtts: number[] = [];
  const command = (i: number) =>
    socket.emitWithAck('command', { type: 'ticket.issue', requestId: `echo-${i}`, service: 'A' });
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await command(i);
    rtts.push(performance.now() - t0);
  }
  const probe = await fanoutProbe(Number(value), 'no-token', displays);
  const arrivals: number[] = [];
  try {
    for (let i = 1; i <= broadcasts; i++) {
      await command(0); // as for the hub: the previous broadcast's write callbacks are done
      const seq = 1_000_000 + i;
      arrivals.push(
        ...(await probe.time(
          () => socket.emitWithAck('broadcast', seq),
          () => `"seq":${seq},`,
        )),
      );
    }
  } finally {
    probe.close();
    socket.disconnect();
    await stopProcess(child);
  }
  return {
    sqliteFullCommitMs: summary(commits),
    socketIoRoundTripMs: summary(rtts),
    socketIoBroadcastMs: { ...summary(arrivals), sockets: displays, broadcasts },
  };
}

/** Start the built hub (as `npm start` runs it, no TypeScript loader) on a fresh database; stop it after `fn`. */
export async function withHub<T>(
  dir: string,
  name: string,
  fn: (url: string, pid: number) => Promise<T>,
): Promise<T> {
  const config = benchConfig(dir);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const { child } = await startProcess(
    'apps/hub/dist/main.js',
    ['--config', config, '--data', join(dir, `${name}-data`), '--port', String(port), '--host', '127.0.0.1'],
    () => null,
    0,
    HUB_NODE_FLAGS,
  );
  try {
    await waitForHealth(url);
    return await fn(url, child.pid!);
  } finally {
    await stopProcess(child);
  }
}

async function connectClients(url: string) {
  const clients: LuotClient[] = [];
  const client = async (token: string) => {
    // Load generators keep no copy of the day: in an office each device is its own machine, here
    // they share the hub's two cores, and the hub is what is measured (the mirror has its own figure).
    const c = new LuotClient({ url, token, timeoutMs: 30_000, mirror: false }).connect();
    clients.push(c);
    await c.online();
    return c;
  };
  return { client, closeAll: () => clients.forEach((c) => c.close()) };
}

/** Ticket issue: acknowledgement latency one at a time, then sustained durable throughput. */
async function benchIssue(url: string, latencyN: number, seconds: number) {
  const { client, closeAll } = await connectClients(url);
  try {
    const kiosk = await client('bench-kiosk-1-token');
    const issue: number[] = [];
    for (let i = 0; i < latencyN; i++) {
      const t0 = performance.now();
      await kiosk.issue({ service: SERVICES[i % SERVICES.length]! });
      issue.push(performance.now() - t0);
    }
    // 4 kiosks keep 64 requests each in flight for a fixed time; every answer is a committed ticket.
    const kiosks = [kiosk];
    for (let k = 2; k <= 4; k++) kiosks.push(await client(`bench-kiosk-${k}-token`));
    let issued = 0;
    const t0 = performance.now();
    const deadline = t0 + seconds * 1000;
    await Promise.all(
      kiosks.flatMap((k, ki) =>
        Array.from({ length: 64 }, async (_, w) => {
          for (let i = 0; performance.now() < deadline; i++) {
            await k.issue({ service: SERVICES[(ki + w + i) % SERVICES.length]! });
            issued++;
          }
        }),
      ),
    );
    return {
      issueAckMs: summary(issue),
      durableIssuesPerSecond: Math.round(issued / ((performance.now() - t0) / 1000)),
      issuedDuringThroughput: issued,
    };
  } finally {
    closeAll();
  }
}

/**
 * A busy day's citizens: the first `n` of a simulated day (@luot/sim, a fixed seed) planned a little
 * bigger, so nearly all of it. Services, priorities and companions come as an office has them.
 */
export function busyDay(office: OfficeConfig, n = 1200): Citizen[] {
  const sim = new DaySimulator(office, { seed: n, date: '2026-11-30', profile: { tickets: n * 1.05 } });
  if (sim.citizens.length < n)
    throw new Error(`the simulated day has ${sim.citizens.length} citizens, not ${n}`);
  return sim.citizens.slice(0, n);
}

/** The first `n` tickets of a busy day, taken at the kiosks the simulation sends each citizen to, 8 at a time. */
async function issueBusyDay(client: (token: string) => Promise<LuotClient>, n: number): Promise<void> {
  const day = busyDay(resolveConfig({ ...OFFICE, devices: [], officers: [] }).office, n);
  const kiosks = new Map<string, LuotClient>();
  for (const id of new Set(day.map((c) => c.kiosk))) kiosks.set(id, await client(`bench-${id}-token`));
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let i = next++; i < day.length; i = next++) {
        const c = day[i]!;
        await kiosks
          .get(c.kiosk)!
          .issue({ service: c.service, priority: c.priority, companions: c.companions });
      }
    }),
  );
  for (const k of kiosks.values()) k.close();
}

/**
 * Kiosk issue latency during a snapshot flood: on a 3,000-ticket day, a kiosk issues one ticket at a
 * time, first alone, then while ten display devices send 200 `sync { lastSeq: null }`, ten at a time.
 * The hub's RSS is sampled every 20 ms during the flood. Target: the kiosk's p99 with the flood
 * within 2× of its p99 without it.
 */
export async function benchSnapshotFlood(url: string, pid: number, tickets = 3000, syncs = 200) {
  const { client, closeAll } = await connectClients(url);
  const walls: Socket[] = [];
  try {
    await issueBusyDay(client, tickets);
    const kiosk = await client('bench-kiosk-8-token');
    /** Issue one ticket at a time while `running()` (at least `min`), timing each into `ms`. */
    const issueWhile = async (running: () => boolean, min: number, ms: number[]) => {
      for (let i = 0; running() || i < min; i++) {
        const t0 = performance.now();
        await kiosk.issue({ service: SERVICES[i % SERVICES.length]! });
        ms.push(performance.now() - t0);
      }
    };
    // The walls are connected (and receive every event) in both measurements: only the flood differs.
    for (let i = 1; i <= 10; i++) {
      const socket = ioClient(url, {
        auth: { token: `bench-wall-${i}-token` },
        transports: ['websocket'],
        forceNew: true,
      });
      walls.push(socket);
      await new Promise((r) => socket.once('connect', () => r(null)));
    }
    const alone: number[] = [];
    await issueWhile(() => false, 200, alone);
    const rssBefore = rssMb(pid);
    let sent = 0;
    let served = 0;
    let refused = 0;
    let bytes = 0;
    let flooding = true;
    let rssPeak = rssBefore;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rssMb(pid))), 20);
    const t0 = performance.now();
    const during: number[] = [];
    // At least `syncs` requests, and for as long as the kiosk needs for 200 issues: a p99 of fewer
    // samples would be their maximum, one unlucky pause.
    const flood = (async () => {
      for (let round = 0; round < syncs / walls.length || during.length < 200; round++) {
        const replies = (await Promise.all(
          walls.map((w) => w.timeout(60_000).emitWithAck('sync', { lastSeq: null })),
        )) as Array<SyncReply | CommandFail>;
        sent += replies.length;
        for (const r of replies) {
          if (!('kind' in r)) refused++;
          else if (r.kind === 'snapshot') {
            served++;
            bytes += r.gzip.byteLength;
          }
        }
      }
    })().finally(() => (flooding = false));
    await issueWhile(() => flooding, 0, during);
    await flood;
    const floodMs = performance.now() - t0;
    clearInterval(sampler);
    const withFlood = summary(during);
    const without = summary(alone);
    return {
      snapshotFlood: {
        ticketsThatDay: tickets + alone.length + during.length,
        kioskIssueMs: { withoutFlood: without, duringFlood: withFlood },
        p99Ratio: Math.round((withFlood.p99 / without.p99) * 100) / 100,
        syncs: {
          sent,
          served,
          refused,
          sentMb: Math.round(bytes / 1e4) / 100,
          floodMs: Math.round(floodMs),
        },
        hubRssMb: { before: rssBefore, peakDuringFlood: rssPeak },
      },
    };
  } finally {
    walls.forEach((w) => w.disconnect());
    closeAll();
  }
}

/**
 * A busy day (1,200 tickets), 16 signed-in counters and `displays` display sockets: time from a
 * counter's "call next" to the call arriving at each display socket, and the hub's memory there.
 */
export async function benchDisplays(url: string, pid: number, displays: number, calls: number) {
  const { client, closeAll } = await connectClients(url);
  const closers = [closeAll];
  try {
    await issueBusyDay(client, 1200);
    const counters: LuotClient[] = [];
    for (let n = 1; n <= 16; n++) {
      const c = await client(`bench-counter-${n}-token`);
      await c.signIn(`cb${n}`, '1234');
      counters.push(c);
    }

    const probe = await fanoutProbe(Number(new URL(url).port), 'bench-display-token', displays);
    closers.push(probe.close);
    const seqOf = (ack: { seq: number }) => `"seq":${ack.seq},`;
    const delivery: number[] = [];
    let made = 0;
    let idle = 0; // counters in a row with nobody in the hall for them
    const holding = counters.map(() => false); // from the hub's answers: who has a citizen at the desk
    for (let i = 0; made < calls; i++) {
      const c = counters[i % 16]!;
      // Finish the previous citizen first and let that reach every display, so each call is timed alone.
      if (holding[i % 16]) {
        await probe.time(() => c.finish({ kind: 'guided' }), seqOf);
        holding[i % 16] = false;
      }
      // And a round trip: the hub has also finished its write callbacks for that change.
      await c.socket.emitWithAck('whoami');
      try {
        delivery.push(...(await probe.time(() => c.callNext(), seqOf)));
        holding[i % 16] = true;
        made++;
        idle = 0;
      } catch (e) {
        // The hall admits citizens in the order they came, whatever their service: a counter may
        // find nobody for it inside for a while (A has three counters). Try the next one.
        if ((e as { code?: string }).code !== 'QUEUE_EMPTY' || ++idle === 16) throw e;
      }
    }
    const health = (await (await fetch(`${url}/api/health`)).json()) as { memoryMb: Record<string, number> };
    return {
      callToDisplayMs: { ...summary(delivery), sockets: displays, counters: 16, calls },
      hubRssMb: rssMb(pid),
      hubMemoryMb: health.memoryMb,
    };
  } finally {
    closers.forEach((close) => close());
  }
}

/** Build the hub the way `npm start` runs it. */
export function buildHub(): void {
  execFileSync(process.execPath, [fileURLToPath(new URL('../../apps/hub/build.mjs', import.meta.url))]);
}

export async function benchHub(
  dir: string,
  opts = { latencyN: 500, throughputSeconds: 3, displays: 1000, calls: 256 },
) {
  buildHub();
  const issue = await withHub(dir, 'issue', (url) => benchIssue(url, opts.latencyN, opts.throughputSeconds));
  const display = await withHub(dir, 'display', (url, pid) =>
    benchDisplays(url, pid, opts.displays, opts.calls),
  );
  const flood = await withHub(dir, 'flood', (url, pid) => benchSnapshotFlood(url, pid));
  return { ...issue, ...display, ...flood };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.once('error', reject);
  });
}

export async function waitForHealth(url: string, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the hub at ${url} did not answer in time`);
}

export function tempDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'luot-bench-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
