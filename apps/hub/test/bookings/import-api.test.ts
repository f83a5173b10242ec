import { afterEach, describe, expect, it } from 'vitest';
import type { TestHub } from '@luot/hub/testing';
import { bookingHub, get, tuesday, type Json } from './helpers.js';

let t: TestHub | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

const auth = { authorization: 'Bearer test-integration-ihanoi-token' };
const booking = {
  externalId: 'IH-2026-000123',
  service: 'A',
  slotStart: '2026-12-01T09:15:00+07:00',
  name: 'Hoàng Văn Đức',
  phone: '84 912 000 111',
  source: 'ihanoi',
};

async function send(
  t: TestHub,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = auth,
) {
  const res = await fetch(`${t.hub.url}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as Json };
}

describe('the import API (/api/bookings)', () => {
  it('takes a booking with an integration token, idempotently by (source, externalId)', async () => {
    t = await bookingHub();
    const first = await send(t, 'POST', '/api/bookings', booking);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      externalId: 'IH-2026-000123',
      source: 'ihanoi',
      service: 'A',
      slotStart: tuesday(9, 15),
      status: 'booked',
      ticket: null,
      created: true,
    });
    const again = await send(t, 'POST', '/api/bookings', booking);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ code: first.body.code, created: false });
    const rows = t.hub.store.db.prepare('SELECT COUNT(*) AS n FROM bookings').get() as { n: number };
    expect(rows.n).toBe(1);

    // The same id for another slot is a conflict, not a second booking.
    const conflict = await send(t, 'POST', '/api/bookings', { ...booking, slotStart: tuesday(10) });
    expect(conflict.status).toBe(409);
    expect(conflict.body.error).toBe('IMPORT_CONFLICT');

    const state = await send(t, 'GET', '/api/bookings/IH-2026-000123');
    expect(state.body).toMatchObject({ code: first.body.code, status: 'booked' });
    const cancelled = await send(t, 'DELETE', '/api/bookings/IH-2026-000123?source=ihanoi');
    expect(cancelled.body.status).toBe('cancelled');
    // Cancelling twice is no error: the answer is its state.
    expect((await send(t, 'DELETE', '/api/bookings/IH-2026-000123')).body.status).toBe('cancelled');
  });

  it('refuses with codes: no token, another source, a full slot, out of the horizon, over a limit, bad input', async () => {
    t = await bookingHub();
    expect((await send(t, 'POST', '/api/bookings', booking, {})).status).toBe(401);
    expect(
      (await send(t, 'POST', '/api/bookings', booking, { authorization: 'Bearer test-kiosk-1-token' }))
        .status,
    ).toBe(401);
    const foreign = await send(t, 'POST', '/api/bookings', { ...booking, source: 'vneid' });
    expect(foreign.status).toBe(403);

    expect((await send(t, 'POST', '/api/bookings', booking)).status).toBe(201);
    const full = await send(t, 'POST', '/api/bookings', {
      ...booking,
      externalId: 'IH-2',
      phone: '0987000111',
    });
    expect(full.status).toBe(409);
    expect(full.body).toMatchObject({ error: 'SLOT_FULL' });
    expect(full.body.nearest.length).toBeGreaterThan(0);

    const far = await send(t, 'POST', '/api/bookings', {
      ...booking,
      externalId: 'IH-3',
      slotStart: '2026-12-15T09:00:00+07:00',
    });
    expect(far.status).toBe(422);
    expect(far.body.error).toBe('OUTSIDE_HORIZON');

    const limit = await send(t, 'POST', '/api/bookings', {
      ...booking,
      externalId: 'IH-4',
      slotStart: tuesday(10),
    });
    expect(limit.body.error).toBe('SERVICE_DAY_LIMIT');
    expect(limit.body.message.vi).toBe('Bạn đã có lịch hẹn cho lĩnh vực này trong ngày.');

    const bad = await send(t, 'POST', '/api/bookings', { ...booking, externalId: 'IH 5', phone: '123' });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.details).sort()).toEqual(['externalId', 'phone']);

    expect((await send(t, 'GET', '/api/bookings/nope')).status).toBe(404);
  });

  it('shows the booking with its number once checked in', async () => {
    t = await bookingHub();
    const made = await send(t, 'POST', '/api/bookings', {
      ...booking,
      slotStart: '2026-11-30T10:00:00+07:00',
    });
    t.clock.advance(45 * 60_000);
    const kiosk = await t.client('test-kiosk-1-token');
    await kiosk.send('booking.checkIn', { code: made.body.code });
    const state = await send(t, 'GET', '/api/bookings/IH-2026-000123');
    expect(state.body).toMatchObject({ status: 'checked_in', ticket: { number: 'A001' } });
  });

  it('is in the OpenAPI document with its schemas and the integration token', async () => {
    t = await bookingHub();
    const doc = (await get(t, '/api/openapi.json')).body;
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/bookings',
        '/api/bookings/{externalId}',
        '/api/book/services',
        '/api/book/slots',
        '/api/book/otp',
        '/api/book/confirm',
        '/api/book/lookup',
        '/api/book/cancel',
      ]),
    );
    const post = doc.paths['/api/bookings'].post;
    expect(post.security).toEqual([{ integration: [] }]);
    expect(post.requestBody.content['application/json'].schema.required).toEqual(
      expect.arrayContaining(['externalId', 'service', 'slotStart', 'name', 'phone', 'source']),
    );
    expect(doc.components.securitySchemes.integration).toMatchObject({ type: 'http', scheme: 'bearer' });
  });
});
