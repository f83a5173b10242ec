import { describe, expect, it } from 'vitest';
import { validatePrintPayload } from '../../electron/ipc-validate';
import { ticket } from './fixtures';

const errorFor = (patch: Record<string, unknown>) => {
  const check = validatePrintPayload({ ...ticket, ...patch });
  return check.ok ? 'ok' : check.error;
};

describe('validatePrintPayload', () => {
  it('accepts a full ticket and every optional field', () => {
    expect(validatePrintPayload(ticket)).toEqual({ ok: true, ticket });
    const full = {
      ...ticket,
      priorityLabel: 'Ưu tiên – Người cao tuổi',
      outside: { place: 3 },
      footer: 'Cảm ơn quý khách',
      locale: 'en',
      estimatedWaitMinutes: null,
      counters: [],
    };
    expect(validatePrintPayload(full)).toEqual({ ok: true, ticket: full });
  });

  it('trims text fields', () => {
    const check = validatePrintPayload({ ...ticket, serviceName: '  Thuế  ' });
    expect(check.ok && check.ticket.serviceName).toBe('Thuế');
  });

  it.each([null, undefined, 'A012', 42, [], () => {}])(
    'rejects a payload that is not an object: %s',
    (payload) => {
      expect(validatePrintPayload(payload).ok).toBe(false);
    },
  );

  it.each([
    [{ officeName: undefined }, 'officeName:'],
    [{ officeName: '' }, 'officeName: must not be empty'],
    [{ serviceName: 'x'.repeat(201) }, 'serviceName: must be at most 200 characters'],
    [{ serviceName: 'Đất đai\nIN THÊM' }, 'serviceName: must not contain control characters'],
    [{ number: 'a012' }, 'number: must look like a ticket number'],
    [{ number: 'A012<script>' }, 'number:'],
    [{ number: 12 }, 'number:'],
    [{ issuedAt: 'today' }, 'issuedAt:'],
    [{ issuedAt: 1.5e9 }, 'issuedAt: must be a time in ms since 1970'],
    [{ issuedAt: Number.NaN }, 'issuedAt:'],
    [{ timeZone: 'Mars/Olympus' }, 'timeZone: must be an IANA time zone'],
    [{ peopleAhead: -1 }, 'peopleAhead:'],
    [{ peopleAhead: 2.5 }, 'peopleAhead: must be a whole number'],
    [{ estimatedWaitMinutes: undefined }, 'estimatedWaitMinutes:'],
    [{ counters: [1, 0] }, 'counters.1:'],
    [{ counters: '1,2' }, 'counters: must be a list of counter numbers'],
    [{ counters: Array.from({ length: 101 }, () => 1) }, 'counters:'],
    [{ outside: { place: 0 } }, 'outside.place:'],
    [{ outside: { place: 1, extra: true } }, 'outside: unknown field(s) extra'],
    [{ qrUrl: 'javascript:alert(1)' }, 'qrUrl: must be an http(s) URL'],
    [{ qrUrl: `http://hub/${'x'.repeat(600)}` }, 'qrUrl: must be at most 512 characters'],
    [{ locale: 'fr' }, 'locale:'],
    [{ footer: 'x'.repeat(301) }, 'footer:'],
    [{ __proto__: { polluted: true }, extra: 1 }, 'ticket: unknown field(s) extra'],
  ])('rejects %j naming the field', (patch, message) => {
    expect(errorFor(patch)).toContain(message);
  });

  it('keeps the error short for garbage with many bad fields', () => {
    const check = validatePrintPayload(
      Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, i])),
    );
    expect(check.ok).toBe(false);
    expect(!check.ok && check.error.split('; ').length).toBeLessThanOrEqual(10);
  });
});
