import { describe, expect, it } from 'vitest';
import { blockedShortcut, type KeyInput } from '../../electron/shortcuts';

/** A keyDown like Electron's `Input`: `combo('Ctrl+Shift+I')`. */
function combo(spec: string, type = 'keyDown'): KeyInput {
  const parts = spec.split('+');
  let key = parts.pop()!;
  if (key === '' && spec.endsWith('+')) key = '+'; // 'Ctrl++'
  const mods = new Set(parts.map((p) => p.toLowerCase()));
  const code =
    key.length === 1 && /[a-z]/i.test(key)
      ? `Key${key.toUpperCase()}`
      : ((
          { '=': 'Equal', '+': 'Equal', '-': 'Minus', '0': 'Digit0', '[': 'BracketLeft' } as Record<
            string,
            string
          >
        )[key] ?? key);
  return {
    type,
    key: mods.has('shift') && key.length === 1 ? key.toUpperCase() : key,
    code,
    control: mods.has('ctrl'),
    meta: mods.has('cmd'),
    alt: mods.has('alt'),
    shift: mods.has('shift'),
  };
}

describe('blockedShortcut', () => {
  it.each([
    ['Ctrl+R', 'reload'],
    ['Cmd+R', 'reload'],
    ['Ctrl+Shift+R', 'reload'],
    ['F5', 'reload'],
    ['Ctrl+F5', 'reload'],
    ['BrowserRefresh', 'reload'],
    ['F12', 'devtools'],
    ['Ctrl+Shift+I', 'devtools'],
    ['Ctrl+Shift+J', 'devtools'],
    ['Ctrl+Shift+C', 'devtools'],
    ['Cmd+Alt+I', 'devtools'],
    ['F11', 'fullscreen'],
    ['Ctrl+W', 'close'],
    ['Ctrl+Q', 'close'],
    ['Cmd+Q', 'close'],
    ['Alt+F4', 'close'],
    ['Ctrl+F4', 'close'],
    ['Ctrl+=', 'zoom'],
    ['Ctrl+Shift++', 'zoom'],
    ['Ctrl+-', 'zoom'],
    ['Ctrl+0', 'zoom'],
    ['Alt+ArrowLeft', 'history'],
    ['Alt+ArrowRight', 'history'],
    ['Cmd+[', 'history'],
    ['BrowserBack', 'history'],
    ['Ctrl+P', 'browser'],
    ['Ctrl+S', 'browser'],
    ['Ctrl+O', 'browser'],
    ['Ctrl+U', 'browser'],
    ['Ctrl+N', 'browser'],
    ['Ctrl+T', 'browser'],
    ['Ctrl+L', 'browser'],
  ] as const)('blocks %s (%s)', (spec, reason) => {
    expect(blockedShortcut(combo(spec))).toBe(reason);
  });

  it('also swallows the matching keyUp', () => {
    expect(blockedShortcut(combo('F5', 'keyUp'))).toBe('reload');
  });

  it('recognises zoom on the numeric keypad', () => {
    const input = { ...combo('Ctrl+x'), key: '+', code: 'NumpadAdd' };
    expect(blockedShortcut(input)).toBe('zoom');
  });

  it('works by physical key when the layout changes the character', () => {
    expect(blockedShortcut({ ...combo('Ctrl+r'), key: 'к' })).toBe('reload');
  });

  it.each([
    'a',
    'A',
    'Shift+A',
    '0',
    '9',
    'Backspace',
    'Enter',
    'Escape',
    'Tab',
    'Shift+Tab',
    'ArrowLeft',
    'ArrowRight',
    ' ',
    'Ctrl+C',
    'Ctrl+V',
    'Ctrl+X',
    'Ctrl+A',
    'Ctrl+Z',
    'Ctrl+Y',
    'Ctrl+Alt+A', // AltGr on some layouts
    'Shift+=',
    '-',
  ])('lets %s through', (spec) => {
    expect(blockedShortcut(combo(spec))).toBeNull();
  });

  it('lets Vietnamese text through (IME and Unikey/Telex output)', () => {
    for (const key of ['ư', 'ơ', 'đ', 'Ệ', 'ấ']) {
      expect(
        blockedShortcut({
          type: 'keyDown',
          key,
          code: 'KeyX',
          control: false,
          meta: false,
          alt: false,
          shift: false,
        }),
      ).toBeNull();
    }
  });

  it('ignores events that are not key presses', () => {
    expect(blockedShortcut(combo('F5', 'char'))).toBeNull();
  });

  it('keeps devtools and reload for a debug kiosk, but still blocks quitting and zoom', () => {
    expect(blockedShortcut(combo('F12'), { debug: true })).toBeNull();
    expect(blockedShortcut(combo('Ctrl+Shift+I'), { debug: true })).toBeNull();
    expect(blockedShortcut(combo('Ctrl+R'), { debug: true })).toBeNull();
    expect(blockedShortcut(combo('Ctrl+Q'), { debug: true })).toBe('close');
    expect(blockedShortcut(combo('Ctrl+0'), { debug: true })).toBe('zoom');
  });
});
