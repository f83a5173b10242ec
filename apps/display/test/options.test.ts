import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS, parseOptions } from '../src/options.js';

describe('display options from the address', () => {
  it('defaults: clips, digit by digit, twice, sound on', () => {
    expect(parseOptions('')).toEqual(DEFAULT_OPTIONS);
    expect(DEFAULT_OPTIONS).toEqual({ voice: 'clips', numbers: 'digits', repeat: 2, audio: 'on' });
  });

  it('reads every option', () => {
    expect(parseOptions('?voice=speech&numbers=number&repeat=3&audio=record')).toEqual({
      voice: 'speech',
      numbers: 'number',
      repeat: 3,
      audio: 'record',
    });
    expect(parseOptions('?audio=off').audio).toBe('off');
  });

  it('falls back to the defaults on anything unexpected', () => {
    expect(parseOptions('?voice=robot&numbers=roman&repeat=9&audio=loud')).toEqual(DEFAULT_OPTIONS);
    expect(parseOptions('?repeat=1.5').repeat).toBe(2);
    expect(parseOptions('?repeat=0').repeat).toBe(2);
  });
});
