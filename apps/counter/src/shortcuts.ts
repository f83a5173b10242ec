/**
 * Keyboard shortcuts of the counter terminal. Officers work with a numeric keypad beside the
 * keyboard, so every frequent action has a numpad key (+ * - / . Enter) and an F-key twin.
 * Pure: the terminal maps a key to an action here, then checks with the hub's rules whether the
 * action is allowed.
 */
export type ShortcutAction =
  'callNext' | 'recall' | 'startServing' | 'finish' | 'noShow' | 'transfer' | 'pause' | 'callTicket' | 'help';

export interface Shortcut {
  action: ShortcutAction;
  /** KeyboardEvent.key values that trigger the action. */
  keys: string[];
  /**
   * KeyboardEvent.code of the numeric keypad key, matched whatever it types: with NumLock off the
   * keypad's "." sends Delete, and some layouts send "," for it.
   */
  code?: string;
  /** How the keys are written on buttons and in the help overlay. */
  caps: string[];
}

export const SHORTCUTS: readonly Shortcut[] = [
  { action: 'callNext', keys: ['+', 'F1'], code: 'NumpadAdd', caps: ['+', 'F1'] },
  { action: 'recall', keys: ['*', 'F2'], code: 'NumpadMultiply', caps: ['*', 'F2'] },
  { action: 'startServing', keys: ['F3'], caps: ['Enter', 'F3'] },
  { action: 'finish', keys: ['F8'], caps: ['Enter', 'F8'] },
  { action: 'noShow', keys: ['-', 'F4'], code: 'NumpadSubtract', caps: ['−', 'F4'] },
  { action: 'transfer', keys: ['/', 'F5'], code: 'NumpadDivide', caps: ['/', 'F5'] },
  { action: 'pause', keys: ['F6'], caps: ['F6'] },
  { action: 'callTicket', keys: ['.', 'F7'], code: 'NumpadDecimal', caps: ['.', 'F7'] },
  { action: 'help', keys: ['?', 'F9'], caps: ['?', 'F9'] },
];

const BY_KEY = new Map<string, ShortcutAction>(SHORTCUTS.flatMap((s) => s.keys.map((k) => [k, s.action])));
const BY_CODE = new Map<string, ShortcutAction>(
  SHORTCUTS.flatMap((s) => (s.code ? [[s.code, s.action]] : [])),
);

export function shortcutOf(action: ShortcutAction): Shortcut {
  return SHORTCUTS.find((s) => s.action === action)!;
}

export interface KeyLike {
  key: string;
  code?: string;
  ctrlKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
}

/**
 * The action a key press asks for, or null. Enter is the "next step" key: it starts serving a
 * citizen who has been called and opens the finish dialog for one being served.
 * Keys with Ctrl/Alt/Meta belong to the browser and the system.
 */
export function actionForKey(e: KeyLike, ticketStatus: 'called' | 'serving' | null): ShortcutAction | null {
  if (e.ctrlKey || e.altKey || e.metaKey) return null;
  if (e.key === 'Enter') {
    if (ticketStatus === 'called') return 'startServing';
    if (ticketStatus === 'serving') return 'finish';
    return null;
  }
  return (e.code ? BY_CODE.get(e.code) : undefined) ?? BY_KEY.get(e.key) ?? null;
}

/** What the terminal's flags say about one shortcut: `can` as computed by counterView. */
export interface ShortcutGuard {
  can: Readonly<Record<Exclude<ShortcutAction, 'help'> | 'resume', boolean>>;
  paused: boolean;
  online: boolean;
  /** The command in flight, if any (the buttons are grey meanwhile). */
  pending: string | null;
}

/**
 * Whether a shortcut goes through, with the same guards as the buttons: nothing while a command is
 * in flight ("+" then a quick "−" must not send call-next and no-show back to back), nothing the
 * button would not allow. Offline, the key is 'refuse': the terminal says plainly nothing was done.
 * Help always opens.
 */
export function shortcutGate(action: ShortcutAction, g: ShortcutGuard): 'run' | 'refuse' | 'ignore' {
  if (action === 'help') return 'run';
  if (g.pending !== null) return 'ignore';
  if (!g.online) return 'refuse';
  const allowed = action === 'pause' ? (g.paused ? g.can.resume : g.can.pause) : g.can[action];
  return allowed ? 'run' : 'ignore';
}

/** F-keys have browser defaults (F5 reloads, F1 opens help…) that must be stopped on a terminal. */
export function isFunctionKey(key: string): boolean {
  return /^F\d{1,2}$/.test(key);
}

/** Keys that also type characters: ignored while the officer types in a text field. */
export function typesText(key: string): boolean {
  return key.length === 1 || key === 'Enter';
}
