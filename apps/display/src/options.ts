/**
 * Display options, read once from the address (set up with the wall display's bookmark):
 *
 * | parameter           | values                 | default  | meaning                                               |
 * | ------------------- | ---------------------- | -------- | ----------------------------------------------------- |
 * | `voice`             | `clips` \| `speech`    | `clips`  | `speech`: the browser's Vietnamese voice, if present  |
 * | `numbers`           | `digits` \| `number`   | `digits` | "A không một hai" or "A mười hai"                     |
 * | `repeat`            | 1–5                    | 2        | times each announcement is said                       |
 * | `lang`              | `vi` \| `en`           | `vi`     | screen language and announcements (kept by the device)|
 * | `audio`             | `on` \| `off` \| `record` | `on`  | see below                                              |
 *
 * `audio=record` is a test and diagnostic mode: nothing is played; every announcement is recorded by
 * `createRecordingBackend()` and the recorder is exposed as `window.__luotAnnouncements` (`.played` lists
 * `{ clips, text }` in the order they would have been said). Browser tests use it; an installer can use it to
 * check from the developer console what a display would say. `audio=off` silences the display.
 */
import type { NumberStyle } from '@luot/announcer';

export type VoiceSource = 'clips' | 'speech';
export type AudioMode = 'on' | 'off' | 'record';

export interface DisplayOptions {
  voice: VoiceSource;
  numbers: NumberStyle;
  repeat: number;
  audio: AudioMode;
}

export const DEFAULT_OPTIONS: DisplayOptions = { voice: 'clips', numbers: 'digits', repeat: 2, audio: 'on' };

/** Unknown or malformed values fall back to the defaults: a typo must not silence a hall. */
export function parseOptions(search: string): DisplayOptions {
  const q = new URLSearchParams(search);
  const repeat = Number(q.get('repeat'));
  const audio = q.get('audio');
  return {
    voice: q.get('voice') === 'speech' ? 'speech' : 'clips',
    numbers: q.get('numbers') === 'number' ? 'number' : 'digits',
    repeat: Number.isInteger(repeat) && repeat >= 1 && repeat <= 5 ? repeat : DEFAULT_OPTIONS.repeat,
    audio: audio === 'off' || audio === 'record' ? audio : 'on',
  };
}
