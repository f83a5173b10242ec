import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LuotClient } from '@luot/client';
import { startFakePrinter, type FakePrinter } from '@luot/printer';
import { FakeSmsServer } from '@luot/sms/testing';
import { buildHub, freePort, HUB_NODE_FLAGS, waitForHealth } from './hub.js';
import { startProcess, stopProcess } from './processes.js';
import { round, summary } from './stats.js';

const PLACES = 50;
/**
 * The Quốc Oai office with slots all day, every day: `alwaysOpen` lets tickets be issued at any
 * hour, but slots come from the sessions, and a check-in needs a slot about to start whenever the
 * bench runs.
 */
function allDayOffice(): Record<string, unknown> {
  const profile = new URL('../../packages/core/profiles/quoc-oai.json', import.meta.url);
  const office = JSON.parse(readFileSync(profile, 'utf8')) as { sessions: Record<string, unknown> };
  office.sessions = {
    ...office.sessions,
    days: [1, 2, 3, 4, 5, 6, 7],
    periods: [{ start: '00:00', end: '23:59' }],
    holidays: [],
  };
  return office;
}

/** Check-ins and walk-ins printed, each (interleaved, one at a time). */
const PRINTS = 40;
const KIOSK_TOKEN = 'bench-kiosk-token';
const IMPORT_TOKEN = 'bench-import-token';

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
 * confirms' latency, beside the same number of bare `GET /api/health` at once (the HTTP substrate);
 * one booking at a time (code asked for → confirmed) beside one bare health request at a time; and
 * a check-in at a kiosk → its ticket's bytes at a fake printer beside a walk-in's issue → bytes.
 *
 * The check-in window opens 60 minutes before a slot here (30 by default) and booking closes at the
 * slot's start (30 minutes before by default), so the bench can book a slot and check it in at once.
 */
export async function benchBookingRace(dir: string, bookers = 1000) {
  buildHub();
  const fake = await FakeSmsServer.start();
  const printer = await startFakePrinter();
  const config = join(dir, 'bookings-hub.json');
  writeFileSync(
    config,
    JSON.stringify({
      office: allDayOffice(),
      alwaysOpen: true,
      devices: [
        { id: 'bench-kiosk', role: 'kiosk', token: KIOSK_TOKEN },
        { id: 'bench-import', role: 'integration', token: IMPORT_TOKEN },
      ],
      officers: [],
      publicRequestsPerMinute: 1_000_000,
      bookings: {
        rules: { enabled: true, fixedPlaces: PLACES, closeBeforeMinutes: 0, checkIn: { earlyMinutes: 60 } },
      },
      printers: { 'bench-kiosk': { kind: 'tcp', host: '127.0.0.1', port: printer.port } },
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
    const bareEach = await Promise.all(
      phones.map(async () => {
        const t0 = performance.now();
        await fetch(`${url}/api/health`).then((r) => r.arrayBuffer());
        return performance.now() - t0;
      }),
    );
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

    // One citizen at a time: what a booking costs when nobody races, from asking for the code to
    // the confirmed place (the SMS goes through the fake provider), beside a bare health request.
    const calm: number[] = [];
    const calmWhole: number[] = [];
    const calmBare: number[] = [];
    for (let i = 0; i < PLACES; i++) {
      const phone = `+8498${String(i).padStart(7, '0')}`;
      const h0 = performance.now();
      await fetch(`${url}/api/health`).then((r) => r.arrayBuffer());
      calmBare.push(performance.now() - h0);
      const w0 = performance.now();
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
      calmWhole.push(performance.now() - w0);
    }

    const prints = await benchCheckInPrint(url, printer);
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
      bareHealthEachMs: summary(bareEach),
      // Issue #14: "p99 of a booking under 200 ms", a booking being its code asked for and confirmed.
      oneAtATimeBookingMs: summary(calmWhole),
      oneAtATimeBareHealthMs: summary(calmBare),
      ...prints,
    };
  } finally {
    await stopProcess(child);
    await fake.close();
    await printer.close();
  }
}

/**
 * Check-in at a kiosk → the ticket's bytes at its printer, beside a walk-in's issue → bytes, in
 * turns (one of each, `PRINTS` times) so that both see the same hub: issue #14 asks the check-in's
 * p50 to be no worse than the walk-in's + 20 %. Bookings of service A in its first slot with room
 * (booked through the import API first; the check-in window is open for it, see above).
 */
async function benchCheckInPrint(url: string, printer: FakePrinter) {
  const catalog = (await (await fetch(`${url}/api/book/services`)).json()) as { days: string[] };
  // The first open slot of A with room (the race and the calm bookings filled the first two).
  const day = (await (await fetch(`${url}/api/book/slots?service=A&date=${catalog.days[0]}`)).json()) as {
    slots: Array<{ startsAt: number; open: boolean; remaining: number }>;
  };
  const slotStart = day.slots.find((s) => s.open && s.remaining >= PRINTS)?.startsAt;
  if (slotStart === undefined)
    throw new Error(`no open slot of A to check in: ${catalog.days[0]} ${JSON.stringify(day).slice(0, 600)}`);
  const codes: string[] = [];
  for (let i = 0; i < PRINTS; i++) {
    const res = await fetch(`${url}/api/bookings`, {
      method: 'POST',
      headers: { authorization: `Bearer ${IMPORT_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        externalId: `bench-${i}`,
        service: 'A',
        slotStart,
        name: `Công dân ${i}`,
        phone: `+8497${String(i).padStart(7, '0')}`,
      }),
    });
    if (res.status !== 201) throw new Error(`import refused: ${await res.text()}`);
    codes.push(((await res.json()) as { code: string }).code);
  }
  const kiosk = new LuotClient({ url, token: KIOSK_TOKEN, timeoutMs: 30_000, mirror: false }).connect();
  try {
    await kiosk.online();
    const toBytes = async (send: () => Promise<unknown>) => {
      const t0 = performance.now();
      const [job] = await Promise.all([printer.waitForJob(10_000), send()]);
      if (job.bytes.length === 0) throw new Error('an empty print job');
      return performance.now() - t0;
    };
    // One of each first, not counted: the hub loads its drawing code on the first print.
    await toBytes(() => kiosk.send('ticket.issue', { service: 'A', print: true }));
    const checkIn: number[] = [];
    const walkIn: number[] = [];
    for (const code of codes) {
      checkIn.push(await toBytes(() => kiosk.send('booking.checkIn', { code, print: true })));
      walkIn.push(await toBytes(() => kiosk.send('ticket.issue', { service: 'A', print: true })));
    }
    const c = summary(checkIn);
    const w = summary(walkIn);
    return {
      checkInToBytesMs: c,
      walkInToBytesMs: w,
      checkInOverWalkInP50: `${round((c.p50 / w.p50 - 1) * 100, 1)} % (target ≤ +20 %)`,
    };
  } finally {
    kiosk.close();
  }
}
