import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { composeCall, composeEntryCall, type RecordingBackend } from '@luot/announcer';
import type { AnnouncementRequest } from '../src/call-log.js';
import { DEFAULT_OPTIONS } from '../src/options.js';
import { createSound } from '../src/sound.js';

/**
 * The display's announcement rules in a burst, with the recording backend of `audio=record` (every play
 * finishes in a microtask, so announcements made in one go still queue up behind the first).
 */
const call = (number: string, counter: number): AnnouncementRequest => ({
  kind: 'call',
  ticketId: `t-${number}`,
  number,
  counter,
});
const entry = (number: string): AnnouncementRequest => ({ kind: 'entry', ticketId: `t-${number}`, number });

const g = globalThis as { window?: { __luotAnnouncements?: RecordingBackend } };
let recorder: () => RecordingBackend;
beforeEach(() => {
  g.window = {};
  recorder = () => g.window!.__luotAnnouncements!;
});
afterEach(() => {
  delete g.window;
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('display sound in a burst', () => {
  it('counter calls go ahead of admissions, which are merged into one sentence said once', async () => {
    const sound = createSound({ ...DEFAULT_OPTIONS, audio: 'record' }, 'vi');
    // The level goes up: twenty people are let in, then three counters call.
    const admitted = Array.from({ length: 20 }, (_, i) => `C0${String(21 + i)}`);
    for (const n of admitted) sound.announce(entry(n));
    sound.announce(call('A001', 1));
    sound.announce(call('B001', 4));
    sound.announce(call('E001', 6));
    await settle();
    const played = recorder().played.map((p) => p.clips);
    expect(played.slice(0, 4)).toEqual([
      composeCall({ number: 'C021', kind: 'entry' }).clips, // already playing: said whole
      composeCall({ number: 'A001', counter: 1 }).clips,
      composeCall({ number: 'B001', counter: 4 }).clips,
      composeCall({ number: 'E001', counter: 6 }).clips,
    ]);
    expect(played.slice(4)).toEqual([
      composeEntryCall({ numbers: admitted.slice(1, 9) }).clips,
      composeEntryCall({ numbers: admitted.slice(9, 17) }).clips,
      composeEntryCall({ numbers: admitted.slice(17) }).clips,
    ]);
    sound.dispose();
  });

  it('drops a call whose ticket is no longer called there, and the admissions already called', async () => {
    const gone = new Set(['t-A002', 't-C022']);
    const sound = createSound({ ...DEFAULT_OPTIONS, audio: 'record' }, 'vi', (r) => !gone.has(r.ticketId));
    sound.announce(call('A001', 1));
    sound.announce(call('A002', 2));
    sound.announce(call('A003', 3));
    sound.announce(entry('C021'));
    sound.announce(entry('C022'));
    sound.announce(entry('C023'));
    await settle();
    expect(recorder().played.map((p) => p.clips)).toEqual([
      composeCall({ number: 'A001', counter: 1 }).clips,
      composeCall({ number: 'A003', counter: 3 }).clips,
      composeEntryCall({ numbers: ['C021', 'C023'] }).clips,
    ]);
    sound.dispose();
  });

  it('an entry left alone after the others were called keeps the configured repeat', async () => {
    const sound = createSound(
      { ...DEFAULT_OPTIONS, audio: 'record', repeat: 3 },
      'vi',
      (r) => r.number !== 'C022',
    );
    sound.announce(call('A001', 1));
    sound.announce(entry('C021'));
    sound.announce(entry('C022'));
    await settle();
    expect(recorder().played.map((p) => p.clips)).toEqual([
      composeCall({ number: 'A001', counter: 1, repeat: 3 }).clips,
      composeCall({ number: 'C021', kind: 'entry', repeat: 3 }).clips,
    ]);
    sound.dispose();
  });
});
