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
/** Why this key press is blocked, or null if it goes through to the page. */
export declare function blockedShortcut(input: KeyInput, options?: ShortcutOptions): BlockReason | null;
