import { createContext, useCallback, useContext, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { LuotError, type LuotClient } from '@luot/client';
import type { Text } from '@luot/protocol';
import type { Locale } from '@luot/ui';
import { counterText, type T, type TextKey } from './text.js';

type Params = Record<string, string | number>;

/** The language of the screen and its translator, for every component below the terminal. */
export const TextContext = createContext<{ locale: Locale; t: T }>({ locale: 'vi', t: counterText('vi') });
export const useText = () => useContext(TextContext);

const UNEXPECTED: Text = {
  vi: 'Lỗi không xác định; vui lòng thử lại.',
  en: 'Unexpected error; please retry.',
};

export interface Refusal {
  code: string;
  messages: Text;
}

/**
 * Runs commands against the hub. A second press of the same action while it is in flight is
 * ignored (no double call); other actions go through, in order, and the hub's rules decide.
 * A refusal keeps the hub's own message (OFFLINE included) for the screen.
 */
export function useRunner() {
  const inFlight = useRef(new Set<string>());
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<Refusal | null>(null);
  const run = useCallback(async (name: string, fn: () => Promise<unknown>): Promise<boolean> => {
    if (inFlight.current.has(name)) return false;
    inFlight.current.add(name);
    setPending(name);
    setError(null);
    try {
      await fn();
      return true;
    } catch (e) {
      setError(
        e instanceof LuotError
          ? { code: e.code, messages: e.messages }
          : { code: 'INTERNAL', messages: UNEXPECTED },
      );
      return false;
    } finally {
      inFlight.current.delete(name);
      setPending(inFlight.current.size > 0 ? [...inFlight.current].at(-1)! : null);
    }
  }, []);
  const clearError = useCallback(() => setError(null), []);
  return { run, pending, error, setError, clearError };
}

export type Runner = ReturnType<typeof useRunner>;

/**
 * Keep the latest value in a ref, for listeners registered once. Updated in a layout effect, so a
 * key pressed right after a render already sees it (passive effects may run only after paint).
 */
export function useLatest<V>(value: V) {
  const ref = useRef(value);
  useLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}

export interface TransferNote {
  fromCounter: number | null;
  note: string | null;
}

/**
 * Notes sent with transfers, as seen on the event stream while this screen is open (the day's
 * state keeps the transfer, not its note).
 */
export function useTransferNotes(client: LuotClient): ReadonlyMap<string, TransferNote> {
  const [notes, setNotes] = useState<ReadonlyMap<string, TransferNote>>(new Map());
  useEffect(
    () =>
      client.on('events', (events) => {
        const found = events.flatMap((e) => (e.event.type === 'ticket.transferred' ? [e.event] : []));
        if (found.length === 0) return;
        setNotes((old) => {
          const next = new Map(old);
          for (const e of found) next.set(e.ticketId, { fromCounter: e.fromCounter, note: e.note });
          return next;
        });
      }),
    [client],
  );
  return notes;
}

/** How long a message after an action stays: long enough to read, gone before the next citizen. */
export const TOAST_MS = 5000;

/**
 * One short message at a time after an action ("Đã mời số C001."): a newer one replaces it, and it
 * goes by itself after TOAST_MS. Kept as a text key, so it follows a change of language; `key`
 * changes with each message, so the same words twice start their time over.
 */
export function useToast() {
  const [toast, setToast] = useState<{ key: number; text: TextKey; params: Params } | null>(null);
  useEffect(() => {
    if (!toast) return;
    const id = setTimeout(() => setToast(null), TOAST_MS);
    return () => clearTimeout(id);
  }, [toast]);
  const show = useCallback(
    (text: TextKey, params: Params = {}) => setToast((old) => ({ key: (old?.key ?? 0) + 1, text, params })),
    [],
  );
  return { toast, show };
}
