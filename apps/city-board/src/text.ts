import { createContext, useContext } from 'react';
import type { Text } from '@luot/core';
import type { Locale } from '@luot/ui';

/**
 * The board's words: each a { vi, en } pair written where it is used, Vietnamese the reference (the
 * board starts in it; "English" in the header switches). `{name}` is replaced from params.
 */
export type Say = (text: Text, params?: Record<string, string | number>) => string;

export function sayer(locale: Locale): Say {
  return (text, params = {}) =>
    text[locale].normalize('NFC').replace(/\{(\w+)\}/g, (_, p: string) => String(params[p] ?? `{${p}}`));
}

export const SayContext = createContext<{ locale: Locale; say: Say }>({ locale: 'vi', say: sayer('vi') });
export const useSay = () => useContext(SayContext);

/** A share 0…1 as a percentage, the Vietnamese way (decimal comma): "87,5 %". */
export function percent(share: number, locale: Locale): string {
  return `${new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 }).format(share * 100)} %`;
}
