import { describe, expect, it } from 'vitest';
import {
  BookingCodeSchema,
  BookingImportSchema,
  CommandSchema,
  maskName,
  maskPhone,
  normalizeVnPhone,
  OtpRequestSchema,
} from '../src/index.js';

describe('normalizeVnPhone', () => {
  it.each([
    ['0912345678', '+84912345678'],
    ['0912 345 678', '+84912345678'],
    ['0912.345.678', '+84912345678'],
    ['0912-345-678', '+84912345678'],
    ['84912345678', '+84912345678'],
    ['+84912345678', '+84912345678'],
    ['+84 912 345 678', '+84912345678'],
    ['(+84) 912-345-678', '+84912345678'],
    ['0084912345678', '+84912345678'],
    ['+84 0912 345 678', '+84912345678'],
    ['0386 123 456', '+84386123456'],
    ['0778123456', '+84778123456'],
    ['0587123456', '+84587123456'],
    // Full-width digits from some phone keyboards.
    ['０９１２３４５６７８', '+84912345678'],
  ])('%s → %s', (input, e164) => expect(normalizeVnPhone(input)).toBe(e164));

  it.each([
    '',
    '091234567', // 9 digits
    '09123456789', // 11 digits
    '0241234567', // a Hà Nội landline: no text messages
    '02412345678',
    '+14155552671', // not Vietnamese
    '0612345678', // no 06x mobiles
    '09123abc78',
    '+84+912345678',
    '912345678', // no trunk 0, no country code
  ])('refuses %j', (input) => expect(normalizeVnPhone(input)).toBeNull());
});

describe('booking schemas', () => {
  const base = {
    service: 'A',
    slotStart: 1_765_000_000_000,
    name: '  Nguyễn   Văn An ',
    phone: '0912 345 678',
  };

  it('an OTP request normalises the phone and cleans the name to NFC', () => {
    const r = OtpRequestSchema.parse({ ...base, name: 'Nguye\u0302\u0303n Văn An' });
    expect(r.phone).toBe('+84912345678');
    expect(r.name).toBe('Nguyễn Văn An');
    expect(r.name).toBe(r.name.normalize('NFC'));
    expect(r.locale).toBe('vi');
  });

  it('an OTP request refuses a bad phone, a bad CCCD and unknown fields with readable words', () => {
    const bad = OtpRequestSchema.safeParse({ ...base, phone: '0241234567', cccd: '123' });
    expect(bad.success).toBe(false);
    const messages = bad.error!.issues.map((i) => i.message).join(' | ');
    expect(messages).toContain('Số điện thoại di động không hợp lệ');
    expect(messages).toContain('12 chữ số');
    expect(OtpRequestSchema.safeParse({ ...base, extra: 1 }).success).toBe(false);
  });

  it('booking codes are read as typed or scanned, and refused outside the alphabet', () => {
    expect(BookingCodeSchema.parse(' k7qm-2r9x ')).toBe('K7QM2R9X');
    expect(BookingCodeSchema.safeParse('K7QM2R90').success).toBe(false); // 0 is not in the alphabet
    expect(BookingCodeSchema.safeParse('K7QM2R9').success).toBe(false);
  });

  it('an import takes the slot start as epoch ms or ISO 8601 with an offset', () => {
    const iso = BookingImportSchema.parse({
      ...base,
      slotStart: '2026-12-08T09:15:00+07:00',
      externalId: 'ih-1',
      source: 'ihanoi',
    });
    expect(iso.slotStart).toBe(Date.parse('2026-12-08T02:15:00Z'));
    expect(
      BookingImportSchema.safeParse({ ...base, slotStart: '2026-12-08T09:15', externalId: 'x', source: 's' })
        .success,
    ).toBe(false);
  });

  it('masks what a lookup shows', () => {
    expect(maskPhone('+84912345678')).toBe('091••••678');
    expect(maskName('Nguyễn Văn An')).toBe('Nguyễn V. A.');
    expect(maskName('Đỗ ánh')).toBe('Đỗ Á.');
  });

  it('booking.checkIn is a command with a normalised code', () => {
    const c = CommandSchema.parse({ type: 'booking.checkIn', requestId: 'req-00000001', code: 'k7qm 2r9x' });
    expect(c).toMatchObject({ type: 'booking.checkIn', code: 'K7QM2R9X', print: false, locale: 'vi' });
  });
});
