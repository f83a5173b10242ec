import { useEffect, useMemo, useRef, useState } from 'react';
import type { Snapshot } from '@luot/protocol';
import { translator, useLocale } from '@luot/ui';
import { KIOSK_TEXTS } from './texts';

/** The kiosk's texts in the current language. */
export function useTexts() {
  const locale = useLocale();
  return useMemo(() => translator(KIOSK_TEXTS, locale), [locale]);
}

/**
 * The hub's clock, as best the kiosk knows it: sessions open and close by the hub's time, not by
 * a kiosk whose clock may be wrong. The offset is taken from each fresh snapshot (on every
 * (re)connect); the screen re-renders every `tickMs` so it follows the time of day.
 */
export function useServerNow(snapshot: Snapshot | null, tickMs = 10_000): number {
  // Each snapshot from the hub (on every (re)sync) says the hub's time; changes by events keep it.
  const serverTime = snapshot?.serverTime ?? null;
  const offset = useMemo(() => (serverTime !== null ? serverTime - Date.now() : 0), [serverTime]);
  const [, setTick] = useState(0);
  useEffect(() => {
    const id = setInterval(() => setTick((n) => n + 1), tickMs);
    return () => clearInterval(id);
  }, [tickMs]);
  return Date.now() + offset;
}

/** Seconds left before `onDone` runs; restarts when `seconds` or `key` change. */
export function useCountdown(seconds: number, onDone: () => void, key: unknown): number {
  const [left, setLeft] = useState(seconds);
  // The latest callback, without restarting the countdown each render.
  const done = useRef(onDone);
  useEffect(() => {
    done.current = onDone;
  });
  useEffect(() => {
    const end = Date.now() + seconds * 1000;
    setLeft(Math.ceil(seconds));
    const id = setInterval(() => {
      const ms = end - Date.now();
      setLeft(Math.max(0, Math.ceil(ms / 1000)));
      if (ms <= 0) {
        clearInterval(id);
        done.current();
      }
    }, 250);
    return () => clearInterval(id);
  }, [seconds, key]);
  return left;
}
