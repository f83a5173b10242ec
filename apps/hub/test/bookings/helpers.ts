import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import { LogGateway } from '@luot/sms';
import { FakeClock, MONDAY_9AM, startTestHub, testConfig, type TestHub } from '@luot/hub/testing';

const PROFILE = fileURLToPath(new URL('../../../../packages/core/profiles/quoc-oai.json', import.meta.url));

/**
 * An HTTP answer's body as the tests read it: loosely, each test asserting the shape it expects
 * (the protocol's schemas are what the hub answers with; these tests check the values).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = Record<string, any>;

/** Tuesday 1 December 2026 at a local (UTC+7) time: the day after the test hub's Monday. */
export const tuesday = (h: number, m = 0) => Date.UTC(2026, 11, 1, h - 7, m);
/** Monday 30 November 2026 (the test hub's today) at a local time. */
export const monday = (h: number, m = 0) => Date.UTC(2026, 10, 30, h - 7, m);
export { MONDAY_9AM };

/** A test hub of the Quốc Oai profile with bookings on (`bookings` over the defaults) and an integration token. */
export async function bookingHub(
  opts: {
    bookings?: Record<string, unknown>;
    hub?: Record<string, unknown>;
    clock?: FakeClock;
    logger?: Logger;
  } = {},
): Promise<TestHub> {
  const office = JSON.parse(readFileSync(PROFILE, 'utf8')) as Record<string, unknown>;
  office.bookings = { enabled: true, ...opts.bookings };
  const base = testConfig();
  const devices = [
    ...base.hub.devices,
    { id: 'ihanoi', role: 'integration', token: 'test-integration-ihanoi-token' },
  ];
  const config = testConfig({ office, devices, ...opts.hub });
  return startTestHub({
    config,
    clock: opts.clock ?? new FakeClock(),
    ...(opts.logger ? { logger: opts.logger } : {}),
  });
}

export async function post(t: TestHub, path: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${t.hub.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Json };
}

export async function get(t: TestHub, path: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${t.hub.url}${path}`, { headers });
  const text = await res.text();
  let body: Json = {};
  try {
    body = JSON.parse(text) as Json;
  } catch {
    body = { text };
  }
  return { status: res.status, body, headers: res.headers };
}

/** The last one-time code the log gateway sent to `phone` (E.164). */
export function lastOtp(t: TestHub, phone: string): string {
  const sms = t.hub.sms as LogGateway;
  const m = sms.messages().find((x) => x.to === phone && x.kind === 'otp');
  const code = /(\d{6})/.exec(m?.text ?? '')?.[1];
  if (!code) throw new Error(`no one-time code was sent to ${phone}`);
  return code;
}

/** Book through the public flow (OTP request, code from the log gateway, confirm). */
export async function book(
  t: TestHub,
  b: { service?: string; slotStart: number; name?: string; phone: string; cccd?: string },
) {
  const req = await post(t, '/api/book/otp', { service: 'A', name: 'Nguyễn Văn An', ...b });
  if (req.status !== 200) return req;
  const e164 = `+84${b.phone.replace(/\D/g, '').replace(/^(84|0)/, '')}`;
  return post(t, '/api/book/confirm', { requestId: req.body.requestId, code: lastOtp(t, e164) });
}
