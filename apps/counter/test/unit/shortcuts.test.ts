import { describe, expect, it } from 'vitest';
import {
  SHORTCUTS,
  actionForKey,
  isFunctionKey,
  shortcutGate,
  shortcutOf,
  typesText,
  type ShortcutGuard,
} from '../../src/shortcuts.js';

describe('keyboard shortcuts', () => {
  it('maps the numeric keypad and F-keys to actions', () => {
    expect(actionForKey({ key: '+' }, null)).toBe('callNext');
    expect(actionForKey({ key: 'F1' }, null)).toBe('callNext');
    expect(actionForKey({ key: '*' }, 'called')).toBe('recall');
    expect(actionForKey({ key: 'F2' }, 'called')).toBe('recall');
    expect(actionForKey({ key: 'F3' }, 'called')).toBe('startServing');
    expect(actionForKey({ key: '-' }, 'called')).toBe('noShow');
    expect(actionForKey({ key: 'F4' }, 'called')).toBe('noShow');
    expect(actionForKey({ key: '/' }, 'serving')).toBe('transfer');
    expect(actionForKey({ key: 'F5' }, 'serving')).toBe('transfer');
    expect(actionForKey({ key: 'F6' }, null)).toBe('pause');
    expect(actionForKey({ key: '.' }, null)).toBe('callTicket');
    // The keypad's decimal key, whatever NumLock and the layout make it type.
    expect(actionForKey({ key: 'Delete', code: 'NumpadDecimal' }, null)).toBe('callTicket');
    expect(actionForKey({ key: ',', code: 'NumpadDecimal' }, null)).toBe('callTicket');
    expect(actionForKey({ key: 'Delete', code: 'Delete' }, null)).toBeNull();
    expect(actionForKey({ key: '+', code: 'NumpadAdd' }, null)).toBe('callNext');
    expect(actionForKey({ key: 'F8' }, 'serving')).toBe('finish');
    expect(actionForKey({ key: '?' }, null)).toBe('help');
    expect(actionForKey({ key: 'F9' }, null)).toBe('help');
  });

  it('makes Enter the next step: start serving, then finish', () => {
    expect(actionForKey({ key: 'Enter' }, 'called')).toBe('startServing');
    expect(actionForKey({ key: 'Enter' }, 'serving')).toBe('finish');
    expect(actionForKey({ key: 'Enter' }, null)).toBeNull();
  });

  it('leaves other keys and system combinations alone', () => {
    expect(actionForKey({ key: 'a' }, null)).toBeNull();
    expect(actionForKey({ key: 'F12' }, null)).toBeNull();
    expect(actionForKey({ key: '+', ctrlKey: true }, null)).toBeNull();
    expect(actionForKey({ key: 'F5', altKey: true }, null)).toBeNull();
    expect(actionForKey({ key: 'F1', metaKey: true }, null)).toBeNull();
  });

  it('gives every key to one action only, and shows every action its keys', () => {
    const keys = SHORTCUTS.flatMap((s) => s.keys);
    expect(new Set(keys).size).toBe(keys.length);
    for (const s of SHORTCUTS) {
      expect(s.caps.length).toBeGreaterThan(0);
      expect(shortcutOf(s.action)).toBe(s);
      // Every action has an F-key, for keyboards without a numeric keypad.
      expect(s.keys.some(isFunctionKey)).toBe(true);
    }
  });

  it('knows which keys type text', () => {
    expect(typesText('+')).toBe(true);
    expect(typesText('Enter')).toBe(true);
    expect(typesText('F5')).toBe(false);
    expect(isFunctionKey('F10')).toBe(true);
    expect(isFunctionKey('F')).toBe(false);
  });
});

describe('shortcut guards (the same as the buttons)', () => {
  const none = {
    callNext: false,
    callTicket: false,
    recall: false,
    startServing: false,
    finish: false,
    noShow: false,
    transfer: false,
    pause: false,
    resume: false,
  };
  type Extra = Partial<Omit<ShortcutGuard, 'can'>> & { can?: Partial<typeof none> };
  const guard = (extra: Extra = {}): ShortcutGuard => ({
    paused: false,
    online: true,
    pending: null,
    ...extra,
    can: { ...none, ...extra.can },
  });

  it('runs an allowed action when nothing is in flight', () => {
    expect(shortcutGate('callNext', guard({ can: { callNext: true } }))).toBe('run');
    expect(shortcutGate('noShow', guard({ can: { noShow: true } }))).toBe('run');
  });

  it('ignores "+" then a quick "−": nothing while a command is in flight', () => {
    const called = guard({ can: { noShow: true, recall: true }, pending: 'callNext' });
    expect(shortcutGate('noShow', called)).toBe('ignore');
    expect(shortcutGate('recall', called)).toBe('ignore');
    expect(shortcutGate('callNext', guard({ can: { callNext: true }, pending: 'callNext' }))).toBe('ignore');
  });

  it('ignores what the button would not allow', () => {
    expect(shortcutGate('noShow', guard())).toBe('ignore'); // no ticket called
    expect(shortcutGate('finish', guard({ can: { noShow: true } }))).toBe('ignore');
    expect(shortcutGate('pause', guard({ can: { callNext: true } }))).toBe('ignore');
  });

  it('pauses or resumes as the counter is', () => {
    expect(shortcutGate('pause', guard({ can: { pause: true } }))).toBe('run');
    expect(shortcutGate('pause', guard({ paused: true, can: { pause: true } }))).toBe('ignore');
    expect(shortcutGate('pause', guard({ paused: true, can: { resume: true } }))).toBe('run');
  });

  it('offline, says nothing was done; help always opens', () => {
    expect(shortcutGate('callNext', guard({ online: false }))).toBe('refuse');
    expect(shortcutGate('finish', guard({ online: false }))).toBe('refuse');
    expect(shortcutGate('help', guard({ pending: 'callNext', online: false }))).toBe('run');
  });

  it('treats every function key, F1–F12, as one to keep from the browser', () => {
    for (let i = 1; i <= 12; i++) expect(isFunctionKey(`F${i}`)).toBe(true);
    expect(isFunctionKey('f')).toBe(false);
    expect(isFunctionKey('Enter')).toBe(false);
  });
});
