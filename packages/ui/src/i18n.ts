import type { Text } from '@luot/core';
import { createContext, useContext } from 'react';

export type Locale = 'vi' | 'en';
export type Dictionary<K extends string> = Record<K, Text>;

/**
 * A tiny translator: `t('key', { n: 3 })` replaces `{n}`. Vietnamese is the reference text; every
 * key must have both languages, which the dictionary's type enforces.
 */
export function translator<K extends string>(dict: Dictionary<K>, locale: Locale) {
  return (key: K, params: Record<string, string | number> = {}): string =>
    dict[key][locale].normalize('NFC').replace(/\{(\w+)\}/g, (_, p: string) => String(params[p] ?? `{${p}}`));
}

export const LocaleContext = createContext<Locale>('vi');
export const useLocale = () => useContext(LocaleContext);

/** Pick the text of a { vi, en } pair from the configuration. */
export function pick(text: Text | undefined, locale: Locale): string {
  return (text?.[locale] ?? text?.vi ?? '').normalize('NFC');
}
