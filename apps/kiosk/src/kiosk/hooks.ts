import { useEffect, useMemo, useRef, useState } from 'react';
import { translator, useLocale } from '@luot/ui';
import { KIOSK_TEXTS } from './texts';

/** The kiosk's texts in the current language. */
export function useTexts() {
  const locale = useLocale();
  return useMemo(() => translator(KIOSK_TEXTS, locale), [locale]);
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
