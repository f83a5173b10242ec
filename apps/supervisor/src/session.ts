import { createContext, useCallback, useContext, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { LuotError, type LuotClient } from '@luot/client';
import type { Text } from '@luot/core';

/** The signed-in head: what `supervisor.signIn` answered. Kept in memory only: a reload signs in again. */
export interface Session {
  officer: { id: string; name: string };
  /** The bearer secret of the HTTP routes (the audit log), sent as `x-luot-session`. */
  session: string;
  idleMinutes: number;
}

export interface ConsoleContext {
  client: LuotClient;
  /** The hub's address when it is not this page's origin ('' : the same). */
  hubUrl: string;
  token: string;
  session: Session;
  /** Back to the sign-in screen, with the hub's (or the console's) words for why. */
  signedOut: (why: Text | null) => void;
}

export const SessionContext = createContext<ConsoleContext | null>(null);
export function useConsole(): ConsoleContext {
  const c = useContext(SessionContext);
  if (!c) throw new Error('useConsole outside the signed-in console');
  return c;
}

const UNEXPECTED: Text = {
  vi: 'Lỗi không xác định; vui lòng thử lại.',
  en: 'Unexpected error; please retry.',
};

/**
 * Runs one action against the hub and keeps its refusal (the hub's Vietnamese and English message)
 * for the form that sent it. A SUPERVISOR_SIGNED_OUT answer ends the console's session at once.
 */
export function useAction() {
  const { signedOut } = useConsole();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Text | null>(null);
  const run = useCallback(
    async (fn: () => Promise<unknown>): Promise<boolean> => {
      setBusy(true);
      setError(null);
      try {
        await fn();
        return true;
      } catch (e) {
        if (e instanceof LuotError && e.code === 'SUPERVISOR_SIGNED_OUT') signedOut(e.messages);
        else setError(e instanceof LuotError ? e.messages : UNEXPECTED);
        return false;
      } finally {
        setBusy(false);
      }
    },
    [signedOut],
  );
  return { run, busy, error, setError };
}

/** How often at most the console tells the hub its user is there (`supervisor.active`). */
export const ACTIVE_EVERY_MS = 60_000;

/**
 * The idle sign-out as the person at the console sees it: any mouse move, key or touch is activity;
 * at most once a minute the hub is told, so its own idle sign-out only fires when nobody is there.
 * In the last minute a countdown shows; at zero the console signs out by itself. Local durations
 * only (the device's own clock measures them; no time of day is compared with the hub's).
 */
export function useIdle(client: LuotClient, idleMinutes: number, onIdle: () => void): number | null {
  const lastActivity = useRef(Date.now());
  const lastSent = useRef(Date.now()); // signing in was activity for the hub
  const [left, setLeft] = useState<number | null>(null);
  // The latest callback for the timer set up once (a layout effect: never a render late).
  const idle = useRef(onIdle);
  useLayoutEffect(() => {
    idle.current = onIdle;
  });
  useEffect(() => {
    const active = () => {
      lastActivity.current = Date.now();
      if (Date.now() - lastSent.current >= ACTIVE_EVERY_MS) {
        lastSent.current = Date.now();
        client.send('supervisor.active', {}).catch(() => undefined); // a refusal shows on the next action
      }
    };
    const kinds = ['pointermove', 'pointerdown', 'keydown', 'wheel'] as const;
    for (const k of kinds) window.addEventListener(k, active, { passive: true });
    const timer = setInterval(() => {
      const remaining = lastActivity.current + idleMinutes * 60_000 - Date.now();
      if (remaining <= 0) idle.current();
      setLeft(remaining <= 60_000 ? Math.max(0, Math.ceil(remaining / 1000)) : null);
    }, 1000);
    return () => {
      for (const k of kinds) window.removeEventListener(k, active);
      clearInterval(timer);
    };
  }, [client, idleMinutes]);
  return left;
}
