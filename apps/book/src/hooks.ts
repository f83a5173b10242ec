import { createContext, useContext, useEffect, useState } from 'react';
import { translator, type Locale } from '@luot/ui/i18n';
import { BOOK_TEXTS } from './texts';

export const BookLocale = createContext<Locale>('vi');

export const useLocale = (): Locale => useContext(BookLocale);

/** The page's translator in the current language. */
export function useTexts() {
  return translator(BOOK_TEXTS, useContext(BookLocale));
}

/** The time, re-read every `ms` while mounted (the code's countdown). */
export function useNow(ms: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(id);
  }, [ms]);
  return now;
}
