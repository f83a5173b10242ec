import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CLIP_IDS,
  CLIP_TEXTS,
  callPriority,
  clipsToText,
  composeCall,
  composeEntryCall,
  isClipId,
  mergeEntryCalls,
  parseTicketNumber,
} from '../src/index.js';

const ONE_CALL = [
  'xin-moi-cong-dan-co-so-thu-tu',
  'letter-a',
  'digit-0',
  'digit-1',
  'digit-2',
  'den-quay-so',
  'num-5',
];

describe('composeCall', () => {
  it('a call: chime, then the sentence twice with a pause between', () => {
    const a = composeCall({ number: 'A012', counter: 5, kind: 'call', numberStyle: 'digits' });
    expect(a.clips).toEqual(['chime', ...ONE_CALL, 'pause', ...ONE_CALL]);
    expect(a.sentence).toBe('Xin mời công dân có số thứ tự A không một hai, đến quầy số năm');
    expect(a.text).toBe(`${a.sentence}. ${a.sentence}.`);
    expect(a).toMatchObject({ kind: 'call', number: 'A012', counter: 5, lang: 'vi-VN', mode: 'clips' });
  });

  it('defaults: kind call, digits, repeat 2, chime', () => {
    expect(composeCall({ number: 'A012', counter: 5 }).clips).toEqual(
      composeCall({ number: 'A012', counter: 5, kind: 'call', numberStyle: 'digits', repeat: 2 }).clips,
    );
  });

  it('an entry call sends the citizen into the hall (no counter)', () => {
    const a = composeCall({ number: 'A012', counter: 5, kind: 'entry', repeat: 1 });
    expect(a.sentence).toBe('Xin mời công dân có số thứ tự A không một hai vào sảnh chờ');
    expect(a.clips).toEqual([
      'chime',
      'xin-moi-cong-dan-co-so-thu-tu',
      'letter-a',
      'digit-0',
      'digit-1',
      'digit-2',
      'vao-sanh-cho',
    ]);
    expect(a.counter).toBeNull();
  });

  it('a recall says "mời lại"', () => {
    const a = composeCall({ number: 'C007', counter: 12, kind: 'recall', repeat: 1 });
    expect(a.sentence).toBe('Xin mời lại công dân có số thứ tự Xê không không bảy, đến quầy số mười hai');
    expect(a.clips).toEqual([
      'chime',
      'xin-moi-lai-cong-dan-co-so-thu-tu',
      'letter-c',
      'digit-0',
      'digit-0',
      'digit-7',
      'den-quay-so',
      'num-10',
      'num-2',
    ]);
  });

  it("'number' style reads the ticket number as a number; counters always are", () => {
    const a = composeCall({ number: 'A012', counter: 5, numberStyle: 'number', repeat: 1 });
    expect(a.sentence).toBe('Xin mời công dân có số thứ tự A mười hai, đến quầy số năm');
    expect(a.clips).toEqual([
      'chime',
      'xin-moi-cong-dan-co-so-thu-tu',
      'letter-a',
      'num-10',
      'num-2',
      'den-quay-so',
      'num-5',
    ]);
    const b = composeCall({ number: 'S1005', counter: 15, numberStyle: 'number', repeat: 1, chime: false });
    expect(b.sentence).toBe(
      'Xin mời công dân có số thứ tự Ét-xì một nghìn không trăm linh năm, đến quầy số mười lăm',
    );
    expect(b.clips).toEqual([
      'xin-moi-cong-dan-co-so-thu-tu',
      'letter-s',
      'num-1',
      'num-nghin',
      'num-0',
      'num-tram',
      'num-linh',
      'num-5',
      'den-quay-so',
      'num-10',
      'num-lam',
    ]);
  });

  it('repeat n puts n − 1 pauses between n sentences', () => {
    const a = composeCall({ number: 'B3', counter: 4, repeat: 3 });
    expect(a.clips.filter((c) => c === 'pause')).toHaveLength(2);
    expect(a.clips.filter((c) => c === 'xin-moi-cong-dan-co-so-thu-tu')).toHaveLength(3);
    expect(a.clips[0]).toBe('chime');
    expect(composeCall({ number: 'B3', counter: 4, repeat: 1 }).clips).not.toContain('pause');
    expect(() => composeCall({ number: 'B3', counter: 4, repeat: 0 })).toThrow(RangeError);
  });

  it('rejects malformed input', () => {
    expect(() => composeCall({ number: 'A012' })).toThrow(/counter/);
    expect(() => composeCall({ number: 'A012', counter: 0 })).toThrow(RangeError);
    expect(() => composeCall({ number: 'Đ012', counter: 1 })).toThrow(RangeError);
    expect(() => composeCall({ number: 'A', counter: 1 })).toThrow(RangeError);
  });

  it('normalises the printed number', () => {
    expect(parseTicketNumber(' a-012 ')).toEqual({ letters: 'A', digits: '012' });
    expect(parseTicketNumber('012')).toEqual({ letters: '', digits: '012' });
    expect(composeCall({ number: 'a012', counter: 1 }).number).toBe('A012');
  });

  it('English is text for speech synthesis, after the chime', () => {
    const a = composeCall({ number: 'A012', counter: 5, locale: 'en' });
    expect(a).toMatchObject({ lang: 'en-US', mode: 'speech', clips: ['chime'] });
    expect(a.sentence).toBe('Ticket A 0 1 2, please go to counter 5');
    expect(a.text).toBe(`${a.sentence}. ${a.sentence}.`);
    expect(
      composeCall({ number: 'A012', kind: 'entry', locale: 'en', numberStyle: 'number', repeat: 1 }).text,
    ).toBe('Ticket A 12, please enter the waiting hall.');
  });
});

/** The words of a text, as the clips say them: lower case, no punctuation. */
const words = (text: string) =>
  text.toLowerCase().replace(/[,.]/g, '').split(/\s+/).filter(Boolean).join(' ');

describe('clip coverage', () => {
  it('every ticket number 0–9999 (both styles) and counter 1–99 composes from CLIP_IDS, and the clips say the text', () => {
    for (let n = 0; n <= 9999; n++) {
      const counter = (n % 99) + 1;
      for (const numberStyle of ['digits', 'number'] as const) {
        const a = composeCall({ number: `A${String(n).padStart(4, '0')}`, counter, numberStyle, repeat: 1 });
        for (const id of a.clips) if (!isClipId(id)) throw new Error(`${id} not in CLIP_IDS (A${n})`);
        if (words(clipsToText(a.clips)) !== words(a.sentence)) {
          throw new Error(`clips and text differ for A${n}: ${clipsToText(a.clips)} / ${a.sentence}`);
        }
      }
    }
  });

  it('any prefix, kind, style and repeat (property)', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Z]{0,3}$/),
        fc.integer({ min: 0, max: 999_999 }),
        fc.integer({ min: 1, max: 99 }),
        fc.constantFrom('call', 'entry', 'recall' as const),
        fc.constantFrom('digits', 'number' as const),
        fc.integer({ min: 1, max: 5 }),
        (letters, n, counter, kind, numberStyle, repeat) => {
          const a = composeCall({ number: `${letters}${n}`, counter, kind, numberStyle, repeat });
          expect(a.clips.every(isClipId)).toBe(true);
          expect(words(clipsToText(a.clips))).toBe(words(a.text));
        },
      ),
    );
  });

  it('CLIP_IDS are unique, file-name safe, and every spoken one has NFC text', () => {
    expect(new Set(CLIP_IDS).size).toBe(CLIP_IDS.length);
    for (const id of CLIP_IDS) {
      expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      const text = CLIP_TEXTS[id];
      expect(text).toBe(text.normalize('NFC'));
      if (id !== 'chime' && id !== 'pause') expect(text).not.toBe('');
    }
  });
});

describe('composeEntryCall and mergeEntryCalls', () => {
  it('one number is exactly composeCall for an entry', () => {
    expect(composeEntryCall({ numbers: ['c22'] })).toEqual(
      composeCall({ number: 'C22', kind: 'entry', counter: null }),
    );
  });

  it('several numbers: one sentence, a pause between numbers, said once, only existing clips', () => {
    const a = composeEntryCall({ numbers: ['A012', 'b7', 'C100'] });
    expect(a).toMatchObject({
      kind: 'entry',
      number: 'A012',
      numbers: ['A012', 'B7', 'C100'],
      counter: null,
    });
    expect(a.clips).toEqual([
      'chime',
      'xin-moi-cong-dan-co-so-thu-tu',
      'letter-a',
      'digit-0',
      'digit-1',
      'digit-2',
      'pause',
      'letter-b',
      'digit-7',
      'pause',
      'letter-c',
      'digit-1',
      'digit-0',
      'digit-0',
      'vao-sanh-cho',
    ]);
    expect(a.clips.every(isClipId)).toBe(true);
    expect(a.text).toBe(
      'Xin mời công dân có số thứ tự A không một hai, Bê bảy, Xê một không không vào sảnh chờ.',
    );
    expect(clipsToText(a.sentenceClips)).toBe(
      'Xin mời công dân có số thứ tự a không một hai bê bảy xê một không không vào sảnh chờ',
    );
    const twice = composeEntryCall({ numbers: ['A1', 'A2'], repeat: 2, chime: false, numberStyle: 'number' });
    expect(twice.clips).toEqual([
      'xin-moi-cong-dan-co-so-thu-tu',
      'letter-a',
      'num-1',
      'pause',
      'letter-a',
      'num-2',
      'vao-sanh-cho',
      'pause',
      'xin-moi-cong-dan-co-so-thu-tu',
      'letter-a',
      'num-1',
      'pause',
      'letter-a',
      'num-2',
      'vao-sanh-cho',
    ]);
    expect(composeEntryCall({ numbers: ['A012', 'A013'], locale: 'en' })).toMatchObject({
      mode: 'speech',
      clips: ['chime'],
      text: 'Tickets A 0 1 2, A 0 1 3, please enter the waiting hall.',
    });
    expect(() => composeEntryCall({ numbers: [] })).toThrow(RangeError);
    expect(() => composeEntryCall({ numbers: ['A1', 'nope'] })).toThrow(RangeError);
  });

  it('mergeEntryCalls merges entry calls only, alike, up to max numbers', () => {
    const e = (n: string) => composeCall({ number: n, kind: 'entry' });
    const ab = mergeEntryCalls(e('A1'), e('A2'));
    expect(ab?.numbers).toEqual(['A1', 'A2']);
    expect(ab?.clips).toEqual(composeEntryCall({ numbers: ['A1', 'A2'] }).clips);
    expect(mergeEntryCalls(ab!, e('A3'), 3)?.numbers).toEqual(['A1', 'A2', 'A3']);
    expect(mergeEntryCalls(ab!, e('A3'), 2)).toBeNull();
    expect(mergeEntryCalls(e('A1'), composeCall({ number: 'A2', counter: 1 }))).toBeNull();
    expect(mergeEntryCalls(e('A1'), composeCall({ number: 'A2', kind: 'entry', locale: 'en' }))).toBeNull();
    expect(callPriority(e('A1'))).toBeLessThan(callPriority(composeCall({ number: 'A2', counter: 1 })));
    expect(callPriority(composeCall({ number: 'A2', counter: 1, kind: 'recall' }))).toBe(
      callPriority(composeCall({ number: 'A2', counter: 1 })),
    );
  });
});
