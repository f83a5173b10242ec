import { describe, expect, it } from 'vitest';
import { CommandSchema, freeText } from '../src/index.js';

describe('free text', () => {
  const finish = (outcome: Record<string, unknown>) =>
    CommandSchema.parse({ type: 'counter.finish', requestId: 'counter-1-001', outcome });

  it('is stored as NFC, without control or bidi characters, with whitespace collapsed', () => {
    const decomposed = 'Thie\u0302\u0301u gia\u0302\u0301y to\u031B\u0300'; // "Thiếu giấy tờ" typed with combining marks
    expect(decomposed).not.toBe(decomposed.normalize('NFC'));
    const c = finish({
      kind: 'returned',
      note: `  ${decomposed}\u202E gnol \u2066x\u2069\u200F\n\n\t ok\u0000\u0007  `,
      reasons: ['\u202Bthiếu\u202C   bản sao'],
      dossierCode: 'H38\u200E-1',
    });
    if (c.type !== 'counter.finish') throw new Error('wrong type');
    expect(c.outcome.note).toBe('Thiếu giấy tờ gnol x ok');
    expect(c.outcome.note).toBe(c.outcome.note!.normalize('NFC'));
    expect(c.outcome.reasons).toEqual(['thiếu bản sao']);
    expect(c.outcome.dossierCode).toBe('H38-1');
  });

  it.each([
    ['counter.transfer', { toService: 'B', note: 'a\u202Eb' }, 'note'],
    ['counter.pause', { reason: 'ăn\u2067  trưa' }, 'reason'],
    ['supervisor.pauseCounter', { counter: 3, reason: 'ra\tngoài' }, 'reason'],
    ['supervisor.cancelTicket', { ticketId: '20261130-A012', reason: 'x\u0000y' }, 'reason'],
  ])('cleans %s', (type, payload, field) => {
    const c = CommandSchema.parse({ type, requestId: 'device-1-001', ...payload }) as Record<string, unknown>;
    expect(c[field]).toMatch(/^(ab|ăn trưa|ra ngoài|xy)$/);
  });

  it('cleans rating reasons', () => {
    const c = CommandSchema.parse({
      type: 'rating.submit',
      requestId: 'rating-1-001',
      ticketId: '20261130-A012',
      score: 2,
      reasons: ['cha\u0300o  \u202Ehỏi'],
    });
    expect(c).toMatchObject({ reasons: ['chào hỏi'] });
  });

  it('caps the length after cleaning, and refuses text that cleans to nothing', () => {
    // 300 letters typed decomposed are 600 code units: within the cap once composed.
    expect(freeText(300).parse('e\u0302'.repeat(300))).toBe('ê'.repeat(300));
    expect(freeText(300).safeParse('ê'.repeat(301)).success).toBe(false);
    expect(freeText(10).safeParse('\u202E \u2066\n').success).toBe(false);
    expect(freeText(10).parse('a \u00a0\u3000 b')).toBe('a b');
  });
});
