import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FakeSmsServer } from '@luot/sms/testing';
import { buildHub, freePort, HUB_NODE_FLAGS, waitForHealth } from './hub.js';
import { startProcess, stopProcess } from './processes.js';
import { round, summary } from './stats.js';

const PLACES = 50;

async function postJson(
  url: string,
  body: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/**
 * The booking race of issue #14 (docs/bookings.md): `bookers` citizens, each with a one-time code
 * (sent by the hub's HTTP gateway to a fake provider in this process), confirm the same slot of 50
 * places at once, against the built hub in its own process. Figures: booked and refused counts, the
 * confirms' latency, beside the same number of bare `GET /api/health` at once (the HTTP substrate).
 */
export async function benchBookingRace(dir: string, bookers = 1000) {
  buildHub();
  const fake = await FakeSmsServer.start();
  const config = join(dir, 'bookings-hub.json');
  writeFileSync(
    config,
    JSON.stringify({
      office: 'quoc-oai',
      alwaysOpen: true,
      devices: [],
      officers: [],
      publicRequestsPerMinute: 1_000_000,
      bookings: { rules: { enabled: true, fixedPlaces: PLACES } },
      sms: { kind: 'http', url: `${fake.url}/send`, body: { to: '{to}', text: '{text}' } },
    }),
  );
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const { child } = await startProcess(
    'apps/hub/dist/main.js',
    ['--config', config, '--data', join(dir, 'bookings-data'), '--port', String(port), '--host', '127.0.0.1'],
    () => null,
    0,
    HUB_NODE_FLAGS,
  );
  try {
    await waitForHealth(url);
    // The first open slot of service A from now on.
    const catalog = (await (await fetch(`${url}/api/book/services`)).json()) as { days: string[] };
    // The first two open slots of service A from now on: one to race for, one to book calmly.
    const open: number[] = [];
    for (const day of catalog.days) {
      const d = (await (await fetch(`${url}/api/book/slots?service=A&date=${day}`)).json()) as {
        slots: Array<{ startsAt: number; open: boolean }>;
      };
      open.push(...d.slots.filter((s) => s.open).map((s) => s.startsAt));
      if (open.length >= 2) break;
    }
    const [slotStart, calmSlot] = open;
    if (slotStart === undefined || calmSlot === undefined) throw new Error('no open slot to race for');

    const phones = Array.from({ length: bookers }, (_, i) => `+8491${String(i).padStart(7, '0')}`);
    const requests: Array<{ requestId: string; phone: string }> = [];
    // Asking for codes is not the race: 50 at a time.
    for (let i = 0; i < bookers; i += 50) {
      const batch = await Promise.all(
        phones.slice(i, i + 50).map(async (phone, j) => {
          const r = await postJson(`${url}/api/book/otp`, {
            service: 'A',
            slotStart,
            name: `Công dân ${i + j}`,
            phone,
          });
          if (r.status !== 200) throw new Error(`otp refused: ${JSON.stringify(r.body)}`);
          return { requestId: r.body.requestId as string, phone };
        }),
      );
      requests.push(...batch);
    }
    const codes = new Map(fake.delivered.map((m) => [m.body.to!, /(\d{6})/.exec(m.body.text!)![1]!]));

    const bare0 = performance.now();
    await Promise.all(phones.map(() => fetch(`${url}/api/health`).then((r) => r.arrayBuffer())));
    const bareMs = performance.now() - bare0;

    const started = performance.now();
    const answers = await Promise.all(
      requests.map(async (r) => {
        const t0 = performance.now();
        const a = await postJson(`${url}/api/book/confirm`, {
          requestId: r.requestId,
          code: codes.get(r.phone),
        });
        return { status: a.status, error: a.body.error, ms: performance.now() - t0 };
      }),
    );
    const wallMs = performance.now() - started;

    // One citizen at a time: what a booking costs when nobody races.
    const calm: number[] = [];
    for (let i = 0; i < PLACES; i++) {
      const phone = `+8498${String(i).padStart(7, '0')}`;
      const r = await postJson(`${url}/api/book/otp`, {
        service: 'A',
        slotStart: calmSlot,
        name: `Công dân ${i}`,
        phone,
      });
      const code = /(\d{6})/.exec(fake.delivered.find((m) => m.body.to === phone)!.body.text!)![1];
      const t0 = performance.now();
      const a = await postJson(`${url}/api/book/confirm`, { requestId: r.body.requestId, code });
      if (a.status !== 200) throw new Error(`calm booking refused: ${JSON.stringify(a.body)}`);
      calm.push(performance.now() - t0);
    }
    return {
      substrate: `${bookers} bare GET /api/health at once: ${round(bareMs, 0)} ms`,
      bookers,
      places: PLACES,
      booked: answers.filter((a) => a.status === 200).length,
      refusedSlotFull: answers.filter((a) => a.error === 'SLOT_FULL').length,
      other: answers.filter((a) => a.status !== 200 && a.error !== 'SLOT_FULL').length,
      wallMs: round(wallMs, 0),
      confirmMs: summary(answers.map((a) => a.ms)),
      oneAtATimeConfirmMs: summary(calm),
      bareHealthMs: round(bareMs, 0),
    };
  } finally {
    await stopProcess(child);
    await fake.close();
  }
}
