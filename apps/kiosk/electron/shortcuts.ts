/**
 * Which key combinations the kiosk swallows (`before-input-event`). Normal typing, editing keys and
 * Ctrl+C/V/X/A/Z stay allowed. Ctrl and Cmd (meta) are treated alike on every platform.
 */

/** The fields of Electron's `Input` that matter here. */
export interface KeyInput {
  type: string;
  key: string;
  code: string;
  control: boolean;
  meta: boolean;
  alt: boolean;
  shift: boolean;
}

export type BlockReason = 'reload' | 'devtools' | 'fullscreen' | 'close' | 'zoom' | 'history' | 'browser';

export interface ShortcutOptions {
  /** Debug kiosks keep devtools and reload. */
  debug?: boolean;
}

const BROWSER_KEYS: Record<string, BlockReason> = {
  BrowserBack: 'history',
  BrowserForward: 'history',
  BrowserHome: 'history',
  BrowserRefresh: 'reload',
  BrowserStop: 'reload',
  BrowserSearch: 'browser',
  BrowserFavorites: 'browser',
  ZoomIn: 'zoom',
  ZoomOut: 'zoom',
  ZoomToggle: 'zoom',
};

// Letters with Ctrl/Cmd (no Alt) that open, save, print, close, find or leave the page.
const PRIMARY_LETTERS: Record<string, BlockReason> = {
  r: 'reload',
  w: 'close',
  q: 'close',
  h: 'close', // hide (macOS)
  m: 'close', // minimise (macOS)
  n: 'browser',
  t: 'browser',
  o: 'browser',
  s: 'browser',
  p: 'browser',
  u: 'browser',
  l: 'browser',
  f: 'browser',
  g: 'browser',
  j: 'browser',
  d: 'browser',
  e: 'browser',
  k: 'browser',
};

const ZOOM_KEYS = new Set(['+', '=', '-', '_', '0']);
const ZOOM_CODES = new Set(['Equal', 'Minus', 'Digit0', 'NumpadAdd', 'NumpadSubtract', 'Numpad0']);

function letterOf(input: KeyInput): string | null {
  if (/^Key[A-Z]$/.test(input.code)) return input.code.slice(3).toLowerCase();
  return input.key.length === 1 ? input.key.toLowerCase() : null;
}

function classify(input: KeyInput): BlockReason | null {
  const { key, code, alt, shift } = input;
  const primary = input.control || input.meta;

  if (BROWSER_KEYS[key]) return BROWSER_KEYS[key];
  if (key === 'F5' || code === 'F5') return 'reload';
  if (key === 'F12' || code === 'F12') return 'devtools';
  if (key === 'F11' || code === 'F11') return 'fullscreen';
  if (key === 'F4' && (alt || primary)) return 'close'; // Alt+F4, Ctrl+F4
  if (key === 'F3' || key === 'F6' || key === 'F7' || (key === 'F10' && shift)) return 'browser'; // find, address bar, caret browsing, context menu
  if (alt && !primary && (key === 'ArrowLeft' || key === 'ArrowRight' || key === 'Home')) return 'history';
  if (key === 'ContextMenu') return 'browser';
  if (!primary) return null;

  if (key === '[' || key === ']' || code === 'BracketLeft' || code === 'BracketRight') return 'history'; // Cmd+[ / ]
  if (ZOOM_KEYS.has(key) || ZOOM_CODES.has(code)) return 'zoom';
  if (key === 'Tab' || key === 'PageUp' || key === 'PageDown') return 'browser';
  const letter = letterOf(input);
  if (letter === null) return null;
  // Ctrl+Shift+I / J / C and Cmd+Alt+I / J / C open devtools or the inspector.
  if ((shift || alt) && (letter === 'i' || letter === 'j' || letter === 'c')) return 'devtools';
  if (alt) return null; // AltGr (= Ctrl+Alt on Windows) types characters on some layouts.
  return PRIMARY_LETTERS[letter] ?? null;
}

/** Why this key press is blocked, or null if it goes through to the page. */
export function blockedShortcut(input: KeyInput, options: ShortcutOptions = {}): BlockReason | null {
  if (input.type !== 'keyDown' && input.type !== 'rawKeyDown' && input.type !== 'keyUp') return null;
  const reason = classify(input);
  if (options.debug && (reason === 'devtools' || reason === 'reload')) return null;
  return reason;
}
