import { decodeEscPos } from '@luot/printer';
import type { FakePrinter } from '@luot/printer';
import { browserSuite, screenshot } from '@luot/testing';
import type { TestHub } from '@luot/hub/testing';
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  assertBuilt,
  bookByApi,
  bookingHub,
  COUNTER,
  frameHeight,
  KIOSK,
  lastOtp,
  monday,
  PHONE,
  SMALL_PHONE,
} from './fixture';

// Issue #14 end to end, on a real hub serving the built apps: a citizen books on a phone (the
// one-time code read from the hub's log SMS gateway), checks in at the kiosk by the typed code or a
// scanner's keystrokes, and the printed ticket, the kiosk and the counter show the booking.

beforeAll(assertBuilt);
const suite = browserSuite((placesA?: number) => bookingHub(placesA));

async function openPhone(browser: Browser, t: TestHub, viewport = PHONE): Promise<Page> {
  const context = await browser.newContext({ viewport, isMobile: true, hasTouch: true, locale: 'vi-VN' });
  // The hub runs on the test's clock, but its HTTP server stamps answers with the machine's: the
  // page reads the hub's time from the `Date` header (to count the code down on the hub's clock),
  // so the header is made to tell the test's clock, as a real hub's tells its own.
  await context.route('**/api/book/**', async (route) => {
    const response = await route.fetch();
    await route.fulfill({
      response,
      headers: { ...response.headers(), date: new Date(t.clock.now).toUTCString() },
    });
  });
  // A step that never comes fails with its locator, well inside the test's time.
  context.setDefaultTimeout(10_000);
  // Layout shifts not caused by the citizen's own taps (Cumulative Layout Shift, as Chromium counts it).
  await context.addInitScript(() => {
    const w = window as unknown as { cls: number };
    w.cls = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as Array<
        PerformanceEntry & { value: number; hadRecentInput: boolean }
      >)
        if (!e.hadRecentInput) w.cls += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  const page = await context.newPage();
  await page.goto(`${t.hub.url}/book`);
  await page.getByRole('heading', { name: 'Đặt lịch lấy số thứ tự' }).waitFor();
  return page;
}

async function openKiosk(browser: Browser, t: TestHub): Promise<Page> {
  const context = await browser.newContext({ viewport: KIOSK, locale: 'vi-VN' });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  await page.goto(`${t.hub.url}/kiosk?token=test-kiosk-1-token`);
  await page.getByTestId('booked-entry').and(page.locator(':enabled')).waitFor();
  return page;
}

/** Service, slot and details on the phone, up to the one-time code being sent. */
async function chooseAndSend(page: Page, slot: string, who: { name: string; phone: string; cccd?: string }) {
  await page.locator('button[data-service="A"]').click();
  await page.locator(`button[data-slot="${slot}"]`).click();
  await page.getByLabel('Họ và tên').fill(who.name);
  await page.getByLabel('Số điện thoại di động').fill(who.phone);
  if (who.cccd) await page.getByLabel('Số CCCD (không bắt buộc)').fill(who.cccd);
  await page.getByRole('button', { name: 'Gửi mã xác nhận' }).click();
  await page.getByLabel('Mã xác nhận', { exact: true }).waitFor();
}

/**
 * A keyboard-wedge scanner's burst: each character's keydown, then Enter, dispatched at once in the
 * page (sent one by one from the test, keys on a loaded machine can arrive further apart than a
 * scanner ever types them).
 */
async function scan(page: Page, code: string): Promise<void> {
  await page.evaluate((text) => {
    const target = document.activeElement ?? document.body;
    for (const key of [...text, 'Enter'])
      target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
  }, code);
}

async function printedFrame(printer: FakePrinter): Promise<number> {
  const job = await printer.waitForJob(10_000);
  const { images } = decodeEscPos(job.bytes);
  expect(images.length).toBeGreaterThan(0);
  return Math.max(...images.map((i) => frameHeight(i)));
}

describe('booking a number online and checking in', () => {
  it('books on a 375×812 phone with the code from the SMS, then checks in at the kiosk by the typed code', async () => {
    const t = await suite.hub();
    const page = await openPhone(suite.browser, t);
    await page.getByText('Xem các thủ tục').first().click();
    await page.getByText('Đăng ký biến động quyền sử dụng đất').waitFor();
    await screenshot(page, 'book', '1-service');

    await page.locator('button[data-service="A"]').click();
    await page.locator('button[data-slot="10:00"]').getByText('Còn 3 chỗ').waitFor();
    await screenshot(page, 'book', '2-slot');
    await page.locator('button[data-slot="10:00"]').click();

    // A landline and a short CCCD are refused on the page, in words, before anything is sent.
    await page.getByLabel('Họ và tên').fill('Nguyễn Thị Hoa');
    await page.getByLabel('Số điện thoại di động').fill('024 3825 1234');
    await page.getByLabel('Số CCCD (không bắt buộc)').fill('0012030');
    await page.getByRole('button', { name: 'Gửi mã xác nhận' }).click();
    await page.getByText('Số điện thoại di động không hợp lệ (ví dụ 0912 345 678).').waitFor();
    await page.getByText('Số CCCD gồm đúng 12 chữ số.').waitFor();
    await screenshot(page, 'book', '3-details-errors');
    await page.getByLabel('Số điện thoại di động').fill('0912.345.678');
    await page.getByLabel('Số CCCD (không bắt buộc)').fill('001 203 004 005');
    await screenshot(page, 'book', '3-details');
    await page.getByRole('button', { name: 'Gửi mã xác nhận' }).click();

    await page.getByText('Mã gồm 6 chữ số đã được gửi đến số 091••••678.').waitFor();
    // Five minutes on the hub's clock, counted on this page's (the page allows for the skew).
    await expect
      .poll(() => page.getByTestId('otp-timer').textContent())
      .toMatch(/trong [45]:\d\d · Còn 3 lần nhập/);
    const code = await lastOtp(t, '+84912345678');
    const wrong = code === '000000' ? '111111' : '000000';
    await page.getByLabel('Mã xác nhận', { exact: true }).fill(wrong);
    await page.getByRole('button', { name: 'Xác nhận đặt lịch' }).click();
    await page.getByText('Mã xác nhận không đúng hoặc đã hết hạn.').waitFor();
    await expect.poll(() => page.getByTestId('otp-timer').textContent()).toMatch(/Còn 2 lần nhập/);
    await screenshot(page, 'book', '4-otp');
    await page.getByLabel('Mã xác nhận', { exact: true }).fill(code);
    await page.getByRole('button', { name: 'Xác nhận đặt lịch' }).click();

    await page.getByRole('heading', { name: 'Đặt lịch thành công' }).waitFor();
    const booked = (await page.getByTestId('booking-code').textContent())!.replace(/\s/g, '');
    expect(booked).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}$/);
    await expect.poll(() => page.locator('.b-qr').getAttribute('data-qr-text')).toBe(booked);
    await page.getByText('Thị trấn Quốc Oai, Hà Nội').waitFor();
    await page.getByText('Căn cước công dân (bản chính)').waitFor();
    await page.getByText('Vui lòng đến xác nhận tại ki-ốt từ 09:30 đến 10:10.').waitFor();
    expect(await page.getByTestId('follow-link').getAttribute('href')).toMatch(/^\/t\/[\w-]{10,64}$/);
    const ics = await page.getByRole('link', { name: 'Thêm vào lịch' }).getAttribute('href');
    const calendar = await fetch(`${t.hub.url}${ics}`);
    expect(calendar.status).toBe(200);
    expect(await calendar.text()).toContain('BEGIN:VCALENDAR');
    await screenshot(page, 'book', '5-confirmation');
    await page.getByRole('link', { name: 'Xem hoặc hủy lịch hẹn' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'book', '5-confirmation-end');
    // No layout shift the citizen did not cause, over the whole booking.
    expect(await page.evaluate(() => (window as unknown as { cls: number }).cls)).toBeLessThan(0.1);

    // At the office at 9:45 (the window opens at 9:30): "Tôi đã đặt lịch", the code on the keys.
    t.clock.now = monday(9, 45);
    const kiosk = await openKiosk(suite.browser, t);
    await screenshot(kiosk, 'kiosk', 'home-with-booking-entry');
    await kiosk.getByTestId('booked-entry').click();
    for (const c of booked) await kiosk.getByRole('button', { name: c, exact: true }).click();
    await expect.poll(() => kiosk.getByTestId('checkin-code').getAttribute('data-code')).toBe(booked);
    await screenshot(kiosk, 'kiosk', 'checkin-typed');
    await kiosk.getByRole('button', { name: 'Xác nhận', exact: true }).click();
    await expect.poll(() => kiosk.getByTestId('ticket-booked').textContent()).toBe('Đặt lịch 10:00');
    expect(await kiosk.getByTestId('ticket-number').textContent()).toBe('A001');
    expect(await printedFrame(t.hub.printers.fakes.get('kiosk-1')!)).toBeGreaterThan(30);
    await screenshot(kiosk, 'kiosk', 'checkin-ticket');

    // The booking page now says it is checked in, with its number.
    await page.goto(`${t.hub.url}/book/manage?code=${booked}`);
    await page.getByLabel('3 số cuối điện thoại').fill('678');
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await expect.poll(() => page.getByTestId('booking-status').textContent()).toBe('Đã xác nhận, số A001');
    // One address from booking to counter: the booking's phone page now follows the ticket.
    await page.getByRole('link', { name: 'Theo dõi lịch hẹn và số thứ tự' }).click();
    await expect.poll(() => page.locator('.p-number').textContent()).toBe('A001');
    expect(await page.getByTestId('booked-chip').textContent()).toBe('Đặt lịch 10:00');
  });

  it('scanner keystrokes check in from the home screen; an early one is told when to come back; the counter shows the bookings', async () => {
    const t = await suite.hub();
    const onTime = await bookByApi(t, {
      service: 'A',
      slotStart: monday(10),
      name: 'Trần Văn Bình',
      phone: '0987654321',
    });
    const early = await bookByApi(t, {
      service: 'A',
      slotStart: monday(11),
      name: 'Lê Thị Cúc',
      phone: '0911222333',
    });
    t.clock.now = monday(9, 45);
    const kiosk = await openKiosk(suite.browser, t);

    // A keyboard-wedge scanner: the code typed fast, then Enter, with no field focused.
    await scan(kiosk, onTime.toLowerCase());
    await expect.poll(() => kiosk.getByTestId('ticket-booked').textContent()).toBe('Đặt lịch 10:00');
    expect(await printedFrame(t.hub.printers.fakes.get('kiosk-1')!)).toBeGreaterThan(30);
    await kiosk.getByRole('button', { name: /^Xong/ }).click();

    await scan(kiosk, early);
    await expect
      .poll(() => kiosk.getByTestId('checkin-refusal').textContent())
      .toBe('Quý vị đến sớm, vui lòng quay lại lúc 10:30.');
    await screenshot(kiosk, 'kiosk', 'checkin-early');

    // A person typing slowly on a keyboard is not a scanner: nothing happens on the home screen.
    await kiosk.getByRole('button', { name: /^Quay lại/ }).click();
    await kiosk.keyboard.type(early, { delay: 150 });
    await kiosk.keyboard.press('Enter');
    expect(await kiosk.getByTestId('checkin-refusal').count()).toBe(0);

    // Counter 1 (land): the booked number in the next list with its slot, and today's bookings.
    const context = await suite.browser.newContext({ viewport: COUNTER, locale: 'vi-VN' });
    context.setDefaultTimeout(10_000);
    const counter = await context.newPage();
    await counter.goto(`${t.hub.url}/counter?token=test-counter-1-token`);
    await counter.getByLabel('Mã cán bộ').fill('cb1');
    await counter.getByLabel('Mã PIN').click();
    for (const d of '1234') await counter.getByRole('button', { name: d, exact: true }).click();
    await counter.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    const next = counter.getByTestId('next-list').locator('li[data-ticket="A001"]');
    await expect.poll(() => next.getByTestId('booked-badge').textContent()).toBe('Đặt lịch 10:00');
    await expect.poll(() => counter.getByTestId('bookings-booked').textContent()).toBe('1');
    expect(await counter.getByTestId('bookings-checkedIn').textContent()).toBe('1');
    await counter.getByText('Lê Thị Cúc').waitFor();
    // The citizen at the desk, an hour early: the officer is told why, in the hub's words.
    await counter.getByLabel('Xác nhận lịch hẹn bằng mã').fill(early);
    await counter.getByRole('button', { name: 'Xác nhận', exact: true }).click();
    await counter.getByText('Chưa đến giờ xác nhận lịch hẹn; vui lòng quay lại sau.').waitFor();
    await counter.getByText('Có thể xác nhận từ 10:30.').waitFor();
    await screenshot(counter, 'counter', 'bookings');
  });

  it('late beyond the window: the reason, and an ordinary number with one tap (printed without the booking)', async () => {
    const t = await suite.hub();
    const code = await bookByApi(t, {
      service: 'A',
      slotStart: monday(10),
      name: 'Vũ Thị Hạnh',
      phone: '0978123456',
    });
    t.clock.now = monday(10, 15); // the window closed at 10:10
    const kiosk = await openKiosk(suite.browser, t);
    await scan(kiosk, code);
    await expect
      .poll(() => kiosk.getByTestId('checkin-refusal').textContent())
      .toBe('Đã quá giờ xác nhận nên lịch hẹn không còn hiệu lực; bạn có thể lấy số thường.');
    await screenshot(kiosk, 'kiosk', 'checkin-late');
    await kiosk.getByRole('button', { name: /^Lấy số thường — Đất đai/ }).click();
    await expect.poll(() => kiosk.getByTestId('ticket-number').textContent()).toBe('A001');
    expect(await kiosk.getByTestId('ticket-booked').count()).toBe(0);
    expect(await printedFrame(t.hub.printers.fakes.get('kiosk-1')!)).toBeLessThan(10);
  });

  it('a slot that fills while the citizen confirms: told at once, offered the nearest free slots (360×640)', async () => {
    const t = await suite.hub(1);
    const page = await openPhone(suite.browser, t, SMALL_PHONE);
    await chooseAndSend(page, '10:00', { name: 'Phạm Văn Dũng', phone: '0903 111 222' });
    // Someone else takes the only place meanwhile.
    await bookByApi(t, { service: 'A', slotStart: monday(10), name: 'Hoàng Thị Em', phone: '0904333444' });
    await page.getByLabel('Mã xác nhận', { exact: true }).fill(await lastOtp(t, '+84903111222'));
    await page.getByRole('button', { name: 'Xác nhận đặt lịch' }).click();

    const lost = page.getByTestId('slot-lost');
    await lost.getByText('Khung giờ này đã hết chỗ; vui lòng chọn khung giờ khác.').waitFor();
    await lost.locator('button[data-nearest]').first().waitFor();
    await expect.poll(() => page.locator('button[data-slot="10:00"]').isDisabled()).toBe(true);
    await screenshot(page, 'book', 'slot-lost-360');
    const offered = await lost.locator('button[data-nearest]').first().getAttribute('data-nearest');
    await lost.locator('button[data-nearest]').first().click();
    // Straight on to the details, kept as typed, with the new time.
    await expect.poll(() => page.getByTestId('chosen').textContent()).toContain(offered!);
    expect(await page.getByLabel('Họ và tên').inputValue()).toBe('Phạm Văn Dũng');
  });

  it('sees and cancels a booking with its code and the phone’s last 3 digits, then books the same slot again', async () => {
    const t = await suite.hub(1);
    const code = await bookByApi(t, {
      service: 'A',
      slotStart: monday(10),
      name: 'Ngô Văn Khoa',
      phone: '0966777888',
    });
    const page = await openPhone(suite.browser, t);
    await page.goto(`${t.hub.url}/book/manage?code=${code}`);
    await page.getByLabel('3 số cuối điện thoại').fill('123');
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    // Wrong digits: the same answer as an unknown code.
    await page.getByText('Không tìm thấy lịch hẹn với mã và số điện thoại này.').waitFor();
    await page.getByLabel('3 số cuối điện thoại').fill('888');
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await expect.poll(() => page.getByTestId('booking-status').textContent()).toBe('Đã đặt');
    await page.getByRole('button', { name: 'Hủy lịch hẹn' }).click();
    await page.getByRole('button', { name: 'Đồng ý hủy' }).click();
    await page.getByText('Lịch hẹn đã được hủy.').waitFor();
    await expect.poll(() => page.getByTestId('booking-status').textContent()).toBe('Đã hủy');
    await screenshot(page, 'book', 'manage-cancelled');

    // The only place of 10:00 is free again.
    await page.goto(`${t.hub.url}/book`);
    await chooseAndSend(page, '10:00', { name: 'Ngô Văn Khoa', phone: '0966 777 888' });
    await page.getByLabel('Mã xác nhận', { exact: true }).fill(await lastOtp(t, '+84966777888'));
    await page.getByRole('button', { name: 'Xác nhận đặt lịch' }).click();
    await page.getByRole('heading', { name: 'Đặt lịch thành công' }).waitFor();
  });

  it('a limit is refused with its Vietnamese reason', async () => {
    const t = await suite.hub();
    await bookByApi(t, { service: 'A', slotStart: monday(10), name: 'Đỗ Văn Giang', phone: '0905555666' });
    const page = await openPhone(suite.browser, t);
    await page.locator('button[data-service="A"]').click();
    await page.locator('button[data-slot="11:00"]').click();
    await page.getByLabel('Họ và tên').fill('Đỗ Văn Giang');
    await page.getByLabel('Số điện thoại di động').fill('0905 555 666');
    await page.getByRole('button', { name: 'Gửi mã xác nhận' }).click();
    // One booking per service a day: refused when the code is asked for, or at the latest when it is confirmed.
    const reason = page.getByText('Bạn đã có lịch hẹn cho lĩnh vực này trong ngày.');
    const otp = page.getByLabel('Mã xác nhận', { exact: true });
    await reason.or(otp).waitFor();
    if (await otp.isVisible()) {
      await otp.fill(await lastOtp(t, '+84905555666'));
      await page.getByRole('button', { name: 'Xác nhận đặt lịch' }).click();
    }
    await reason.waitFor();
    await screenshot(page, 'book', 'limit-refused');
  });
});
