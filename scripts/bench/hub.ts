import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { io as ioClient } from 'socket.io-client';
import WebSocket from 'ws';
import { LuotClient } from '@luot/client';
import { hashPin } from '@luot/hub';
import { rssMb, startProcess, stopProcess } from './processes.js';
import { round, summary } from './stats.js';

const SERVICES = ['A', 'B', 'C', 'E', 'G', 'K', 'L', 'M', 'N', 'T', 'S', 'V', 'R', 'H'];

function benchConfig(dir: string): string {
  const pinHash = hashPin('1234');
  const devices: unknown[] = [
    { id: 'display', role: 'display', token: 'bench-display-token' },
    { id: 'boss', role: 'supervisor', token: 'bench-supervisor-token' },
  ];
  for (let k = 1; k <= 8; k++)
    devices.push({ id: `kiosk-${k}`, role: 'kiosk', token: `bench-kiosk-${k}-token` });
  const officers: unknown[] = [];
  for (let n = 1; n <= 16; n++) {
    devices.push({ id: `counter-${n}`, role: 'counter', counter: n, token: `bench-counter-${n}-token` });
    officers.push({ id: `cb${n}`, name: `Cán bộ ${n}`, pinHash });
  }
  const file = join(dir, 'hub.json');
  writeFileSync(file, JSON.stringify({ office: 'quoc-oai', alwaysOpen: true, devices, officers }));
  return file;
}

/** The two things every command stands on, measured the same way: a durable SQLite commit and a Socket.IO round trip. */
export async function benchSubstrate(dir: string, n = 500) {
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
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await socket.emitWithAck('command', { type: 'ticket.issue', requestId: `echo-${i}`, service: 'A' });
    rtts.push(performance.now() - t0);
  }
  socket.disconnect();
  await stopProcess(child);
  return { sqliteFullCommitMs: summary(commits), socketIoRoundTripMs: summary(rtts) };
}

/** A raw engine.io/socket.io connection: records when each frame mentioning a ticket arrives, without decoding. */
function rawDisplay(
  port: number,
  token: string,
  onFrame: (data: string, at: number) => void,
): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/socket.io/?EIO=4&transport=websocket`);
    ws.on('error', reject);
    ws.on('message', (buf) => {
      const at = performance.now();
      const s = buf.toString();
      if (s.startsWith('0')) ws.send(`40${JSON.stringify({ token })}`);
      else if (s.startsWith('40')) resolve(ws);
      else if (s === '2') ws.send('3');
      else if (s.startsWith('42')) onFrame(s, at);
    });
  });
}

export async function benchHub(
  dir: string,
  opts = { latencyN: 500, throughputSeconds: 3, displays: 1000, calls: 64 },
) {
  const config = benchConfig(dir);
  // The built hub, as `npm start` runs it (no TypeScript loader in the measured process).
  execFileSync(process.execPath, ['build.mjs'], {
    cwd: fileURLToPath(new URL('../../apps/hub/', import.meta.url)),
  });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const { child } = await startProcess(
    'apps/hub/dist/main.js',
    ['--config', config, '--data', join(dir, 'hub-data'), '--port', String(port), '--host', '127.0.0.1'],
    () => null,
    0,
  );
  await waitForHealth(url);
  const clients: LuotClient[] = [];
  const client = async (token: string) => {
    const c = new LuotClient({ url, token, timeoutMs: 30_000 }).connect();
    clients.push(c);
    await c.ready();
    return c;
  };
  try {
    const rssStages: Record<string, number> = { started: rssMb(child.pid!) };
    // 1. Issue latency: one kiosk, one ticket at a time.
    const kiosk = await client('bench-kiosk-1-token');
    const issue: number[] = [];
    for (let i = 0; i < opts.latencyN; i++) {
      const t0 = performance.now();
      await kiosk.issue({ service: SERVICES[i % SERVICES.length]! });
      issue.push(performance.now() - t0);
    }

    // 2. Sustained throughput: 8 kiosks keep 32 requests each in flight for a fixed time.
    const kiosks = [kiosk];
    for (let k = 2; k <= 8; k++) kiosks.push(await client(`bench-kiosk-${k}-token`));
    let issued = 0;
    const deadline = performance.now() + opts.throughputSeconds * 1000;
    const t0 = performance.now();
    await Promise.all(
      kiosks.flatMap((k, ki) =>
        Array.from({ length: 32 }, async (_, w) => {
          for (let i = 0; performance.now() < deadline; i++) {
            await k.issue({ service: SERVICES[(ki + w + i) % SERVICES.length]! });
            issued++;
          }
        }),
      ),
    );
    const throughput = issued / ((performance.now() - t0) / 1000);
    for (const k of kiosks) k.close();
    rssStages.afterThroughput = rssMb(child.pid!);

    // 3. Call → display delivery with 16 counters and 1,000 display sockets.
    const counters: LuotClient[] = [];
    for (let n = 1; n <= 16; n++) {
      const c = await client(`bench-counter-${n}-token`);
      await c.signIn(`cb${n}`, '1234');
      counters.push(c);
    }
    const arrivals: Array<{ data: string; at: number }> = [];
    const sockets: WebSocket[] = [];
    for (let i = 0; i < opts.displays; i += 50) {
      sockets.push(
        ...(await Promise.all(
          Array.from({ length: Math.min(50, opts.displays - i) }, () =>
            rawDisplay(port, 'bench-display-token', (data, at) => arrivals.push({ data, at })),
          ),
        )),
      );
    }
    rssStages.displaysConnected = rssMb(child.pid!);
    const delivery: number[] = [];
    for (let i = 0; i < opts.calls; i++) {
      const c = counters[i % 16]!;
      if (c.snapshot?.state.counters[(i % 16) + 1]?.current) await c.finish({ kind: 'guided' });
      arrivals.length = 0;
      const sent = performance.now();
      const ack = await c.callNext();
      const marker = `"seq":${ack.seq},`;
      const until = performance.now() + 5000;
      while (
        arrivals.filter((a) => a.data.includes(marker)).length < sockets.length &&
        performance.now() < until
      ) {
        await new Promise((r) => setImmediate(r));
      }
      for (const a of arrivals) if (a.data.includes(marker)) delivery.push(a.at - sent);
    }
    const rss = rssMb(child.pid!);
    for (const s of sockets) s.close();
    return {
      issueAckMs: summary(issue),
      durableIssuesPerSecond: Math.round(throughput),
      issuedDuringThroughput: issued,
      callToDisplayMs: { ...summary(delivery), sockets: sockets.length, counters: 16 },
      hubRssMb: round(rss, 1),
      hubRssStagesMb: rssStages,
    };
  } finally {
    for (const c of clients) c.close();
    await stopProcess(child);
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.once('error', reject);
  });
}

async function waitForHealth(url: string, timeoutMs = 20_000): Promise<void> {
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
