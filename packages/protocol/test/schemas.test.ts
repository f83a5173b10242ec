import { describe, expect, it } from 'vitest';
import profile from '../../core/profiles/quoc-oai.json' with { type: 'json' };
import { CommandSchema, ERROR_MESSAGES, ROLE_COMMANDS, parseOfficeConfig } from '../src/index.js';

describe('commands', () => {
  it('accepts a well-formed issue and fills defaults', () => {
    const c = CommandSchema.parse({ type: 'ticket.issue', requestId: 'kiosk-1-0001', service: 'A' });
    expect(c).toEqual({
      type: 'ticket.issue',
      requestId: 'kiosk-1-0001',
      service: 'A',
      priority: null,
      companions: 0,
      locale: 'vi',
      print: false,
    });
  });

  it.each([
    ['unknown type', { type: 'ticket.print', requestId: 'kiosk-1-0001' }],
    ['short request id', { type: 'counter.callNext', requestId: 'x' }],
    ['lower-case prefix', { type: 'ticket.issue', requestId: 'kiosk-1-0001', service: 'a' }],
    ['too many companions', { type: 'ticket.issue', requestId: 'kiosk-1-0001', service: 'A', companions: 9 }],
    ['extra field', { type: 'counter.callNext', requestId: 'counter-1-001', counter: 3 }],
    ['bad PIN', { type: 'counter.signIn', requestId: 'counter-1-001', officerId: 'cb1', pin: '12a4' }],
    ['transfer to nowhere', { type: 'counter.transfer', requestId: 'counter-1-001' }],
    ['bad ticket id', { type: 'counter.callTicket', requestId: 'counter-1-001', ticketId: 'A012' }],
    [
      'bad return date',
      {
        type: 'counter.finish',
        requestId: 'counter-1-001',
        outcome: { kind: 'received', returnDate: '7/12' },
      },
    ],
    ['level 5', { type: 'supervisor.setLevel', requestId: 'boss-0000001', level: 5 }],
  ])('refuses %s', (_name, payload) => {
    expect(CommandSchema.safeParse(payload).success).toBe(false);
  });

  it('gives every role only its own commands', () => {
    expect(ROLE_COMMANDS.display).toEqual([]);
    expect(ROLE_COMMANDS.kiosk).not.toContain('counter.callNext');
    expect(ROLE_COMMANDS.counter).not.toContain('supervisor.setLevel');
    expect(ROLE_COMMANDS.rating).toEqual(['rating.submit']);
  });
});

describe('nested objects are strict too', () => {
  // docs/protocol.md: unknown fields are refused, not ignored — inside a payload's objects as well.
  it('refuses an unknown key inside counter.finish’s outcome', () => {
    const r = CommandSchema.safeParse({
      type: 'counter.finish',
      requestId: 'counter-1-001',
      outcome: { kind: 'received', dossierCode: 'H38-1', signature: 'x' },
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues).toMatchObject([{ path: ['outcome'], code: 'unrecognized_keys' }]);
  });

  it('every object inside a command schema refuses unknown keys', () => {
    // Walk the schemas, so an object added later without .strict() fails here.
    const loose: string[] = [];
    const walk = (s: unknown, path: string): void => {
      const def = (s as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
      if (!def) return;
      if (def.type === 'object') {
        const catchall = (def.catchall as { _zod?: { def?: { type?: string } } } | undefined)?._zod?.def
          ?.type;
        if (catchall !== 'never') loose.push(path);
        for (const [k, v] of Object.entries(def.shape as Record<string, unknown>)) walk(v, `${path}.${k}`);
      }
      for (const key of ['innerType', 'in', 'out', 'element', 'schema']) if (def[key]) walk(def[key], path);
      for (const o of (def.options as unknown[] | undefined) ?? []) walk(o, path);
    };
    for (const option of CommandSchema.options) walk(option, option.shape.type.value);
    expect(loose).toEqual([]);
  });
});

describe('error messages', () => {
  it('has Vietnamese (NFC, with diacritics) and English text for every code', () => {
    for (const [code, m] of Object.entries(ERROR_MESSAGES)) {
      expect(m.vi.length, code).toBeGreaterThan(3);
      expect(m.en.length, code).toBeGreaterThan(3);
      expect(m.vi, code).toBe(m.vi.normalize('NFC'));
      expect(m.vi, code).not.toBe(m.en);
    }
  });
});

describe('office configuration', () => {
  it('accepts the Quốc Oai profile', () => {
    const c = parseOfficeConfig(profile);
    expect(c.counters).toHaveLength(16);
    expect(c.services.map((s) => s.prefix).join('')).toBe('ABCEGKLMNTSVRH');
  });

  it('lists every problem of a broken file at once', () => {
    const broken = structuredClone(profile) as Record<string, unknown> & typeof profile;
    broken.services[1]!.prefix = 'D';
    broken.counters[4]!.services = ['Z'];
    broken.sessions.timeZone = 'Mars/Olympus';
    expect(() => parseOfficeConfig(broken)).toThrow(
      /services\.1\.prefix: D, Đ, I, O and Q[\s\S]*counter 5 serves unknown service Z[\s\S]*unknown time zone Mars\/Olympus/,
    );
  });
});
