import { afterEach, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { LuotClient } from '@luot/client';
import { hashPin } from '../src/auth.js';

// The other hub tests import its TypeScript sources; this one runs what `npm start` runs — the
// bundle in dist/ under plain Node — so what only the bundle can get wrong (files it must find next
// to itself, such as the ticket fonts) is caught too.
const MAIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));

let child: ChildProcess | undefined;
let dir: string | undefined;
const clients: LuotClient[] = [];
afterEach(() => {
  clients.splice(0).forEach((c) => c.close());
  child?.kill('SIGKILL');
  child = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/**
 * Start dist/main.js on a free port; resolves with its URL once it logs that it is listening.
 * Without a configuration it runs on the demo one, as `npm start` does.
 */
function startBuiltHub(config: object | null): Promise<string> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run \`npm run build\` first`);
  dir = mkdtempSync(join(tmpdir(), 'luot-built-'));
  writeFileSync(join(dir, 'hub.json'), JSON.stringify(config));
  const args = [
    ...(config ? ['--config', join(dir, 'hub.json')] : []),
    ...['--data', join(dir, 'data'), '--port', '0'],
  ];
  child = spawn(process.execPath, [MAIN, ...args, '--host', '127.0.0.1'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const c = child;
  return new Promise((resolve, reject) => {
    c.once('exit', (code) => reject(new Error(`the built hub exited with ${code}`)));
    createInterface({ input: c.stdout! }).on('line', (line) => {
      const log = JSON.parse(line) as { msg?: string; url?: string };
      if (log.msg === 'hub listening' && log.url) resolve(log.url);
    });
  });
}

describe('the built hub (npm start)', () => {
  it('starts on the demo configuration it ships with, wherever the bundler put the code that finds it', async () => {
    const url = await startBuiltHub(null);
    const health = (await (await fetch(`${url}/api/health`)).json()) as { ok: boolean };
    expect(health.ok).toBe(true);
    const exited = new Promise<number | null>((resolve) => child!.once('exit', resolve));
    child!.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('starts, prints a ticket on its fake printer (fonts found), makes a plan in its worker, and stops cleanly', async () => {
    const url = await startBuiltHub({
      office: 'quoc-oai',
      alwaysOpen: true,
      devices: [
        { id: 'kiosk-1', role: 'kiosk', token: 'built-kiosk-token' },
        { id: 'boss', role: 'supervisor', token: 'built-supervisor-token' },
      ],
      officers: [
        { id: 'ld1', name: 'Nguyễn Văn Lãnh', pinHash: hashPin('1234'), role: 'supervisor' },
        { id: 'cb1', name: 'Cán bộ 1', pinHash: hashPin('1234') },
        { id: 'cb2', name: 'Cán bộ 2', pinHash: hashPin('1234') },
      ],
      printers: { 'kiosk-1': { kind: 'fake' } },
    });
    expect(((await (await fetch(`${url}/api/health`)).json()) as { ok: boolean }).ok).toBe(true);
    // It serves the built apps, not the "not built yet" placeholder: the bundle finds apps/ from dist/.
    for (const [path, app] of [
      ['/kiosk', 'kiosk'],
      ['/t/some-ticket-token', 'phone'],
      ['/counter', 'counter'],
      ['/rating', 'rating'],
      ['/display', 'display'],
      ['/supervisor', 'supervisor'],
    ] as const) {
      if (!existsSync(fileURLToPath(new URL(`../../${app}/dist/index.html`, import.meta.url)))) continue;
      const html = await (await fetch(`${url}${path}`)).text();
      expect(html, path).not.toContain('chưa được xây dựng');
      expect(html, path).toMatch(/<script type="module"/);
    }

    const kiosk = new LuotClient({ url, token: 'built-kiosk-token', timeoutMs: 20_000 }).connect();
    clients.push(kiosk);
    await kiosk.ready();
    const { result } = await kiosk.issue({ service: 'C', print: true });
    expect(result.ticket.number).toBe('C001');
    expect(result.printed).toMatchObject({ ok: true });

    // The staffing plan is made in dist/planning-worker.js: the bundle must find it next to itself.
    const supervisor = new LuotClient({ url, token: 'built-supervisor-token', timeoutMs: 20_000 }).connect();
    clients.push(supervisor);
    await supervisor.ready();
    const { result: signedIn } = await supervisor.signInSupervisor('ld1', '1234');
    const res = await fetch(`${url}/api/plan`, {
      method: 'POST',
      headers: {
        authorization: 'Bearer built-supervisor-token',
        'x-luot-session': signedIn.session,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ date: '2026-12-01', runs: 5 }),
    });
    expect(res.status).toBe(200);
    const plan = (await res.json()) as { date: string; runs: number; seats: unknown[] };
    expect(plan).toMatchObject({ date: '2026-12-01', runs: 5 });
    expect(plan.seats.length).toBeGreaterThan(0);

    const exited = new Promise<number | null>((resolve) => child!.once('exit', resolve));
    child!.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
