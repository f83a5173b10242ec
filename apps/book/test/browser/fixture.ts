import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FakeClock, startTestHub, testConfig, type TestHub } from '@luot/hub/testing';
import type { DecodedImage } from '@luot/printer';

export const PHONE = { width: 375, height: 812 };
export const SMALL_PHONE = { width: 360, height: 640 };
export const KIOSK = { width: 1080, height: 1920 };
export const COUNTER = { width: 1366, height: 768 };

/** Monday 30 November 2026 (the test hub's first day) at a local (UTC+7) time. */
export const monday = (h: number, m = 0) => Date.UTC(2026, 10, 30, h - 7, m);

/** The hub serves the built apps; without a build every page is a placeholder and each test would time out. */
export function assertBuilt(): void {
  for (const app of ['book', 'kiosk', 'counter']) {
    if (!existsSync(new URL(`../../../${app}/dist/index.html`, import.meta.url))) {
      throw new Error(`apps/${app} is not built: run \`npm run build -w apps/${app}\` first`);
    }
  }
}

const PROFILE = fileURLToPath(new URL('../../../../packages/core/profiles/quoc-oai.json', import.meta.url));

/**
 * A real hub of the Quốc Oai profile taking bookings, at 9:00 on Monday on a clock the test moves,
 * with a fake network printer for kiosk 1. Land (A) lists two procedures and what to bring, and
 * has `placesA` places per slot.
 */
export async function bookingHub(placesA = 3): Promise<TestHub> {
  const office = JSON.parse(readFileSync(PROFILE, 'utf8')) as {
    services: Array<Record<string, unknown>>;
  } & Record<string, unknown>;
  office.bookings = { enabled: true };
  const land = office.services.find((s) => s.prefix === 'A')!;
  land.bookings = { fixedPlaces: placesA };
  land.procedures = [
    { vi: 'Đăng ký biến động quyền sử dụng đất', en: 'Registering a change of land-use rights' },
    { vi: 'Cấp đổi giấy chứng nhận quyền sử dụng đất', en: 'Replacing a land-use right certificate' },
  ];
  land.bring = [
    { vi: 'Căn cước công dân (bản chính)', en: 'Citizen identity card (original)' },
    { vi: 'Giấy chứng nhận quyền sử dụng đất đã cấp', en: 'The land-use right certificate issued' },
  ];
  const config = testConfig({ office, printers: { 'kiosk-1': { kind: 'fake' } } });
  return startTestHub({ config, clock: new FakeClock(monday(9)) });
}

/** The last one-time code the hub's log gateway sent to `phone` (E.164), read as a developer does: /dev/sms.json. */
export async function lastOtp(t: TestHub, phone: string): Promise<string> {
  const res = await fetch(`${t.hub.url}/dev/sms.json`);
  const { messages } = (await res.json()) as { messages: Array<{ to: string; kind: string; text: string }> };
  const code = /(\d{6})/.exec(messages.find((m) => m.to === phone && m.kind === 'otp')?.text ?? '')?.[1];
  if (!code) throw new Error(`no one-time code was sent to ${phone}`);
  return code;
}

async function post(t: TestHub, path: string, body: unknown) {
  const res = await fetch(`${t.hub.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** Book through the public API (someone else's phone): the booking's code. */
export async function bookByApi(
  t: TestHub,
  b: { service: string; slotStart: number; name: string; phone: string },
): Promise<string> {
  const req = await post(t, '/api/book/otp', b);
  if (req.status !== 200) throw new Error(`OTP refused: ${JSON.stringify(req.body)}`);
  const e164 = `+84${b.phone.replace(/\D/g, '').replace(/^0/, '')}`;
  const done = await post(t, '/api/book/confirm', {
    requestId: req.body.requestId,
    code: await lastOtp(t, e164),
  });
  if (done.status !== 200) throw new Error(`booking refused: ${JSON.stringify(done.body)}`);
  return done.body.code as string;
}

/**
 * The longest run of black dots down one column of a printed ticket. The booking's "Đặt lịch 09:15"
 * is printed in a frame whose left side stands just inside the margin (packages/printer), where a
 * walk-in ticket has only letters.
 */
export function frameHeight(image: DecodedImage, x = 13): number {
  const { bitmap } = image;
  let best = 0;
  let run = 0;
  for (let y = 0; y < bitmap.height; y++) {
    const black = (bitmap.data[y * bitmap.bytesPerRow + (x >> 3)]! >> (7 - (x & 7))) & 1;
    run = black ? run + 1 : 0;
    best = Math.max(best, run);
  }
  return best;
}
