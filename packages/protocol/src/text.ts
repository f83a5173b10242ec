import { z } from 'zod';

/**
 * Invisible characters that change how the text around them is shown: bidirectional embeddings,
 * overrides and isolates (U+202A–U+202E, U+2066–U+2069) and direction marks (U+200E, U+200F,
 * U+061C). In a report or on a screen they can make a note read differently from what is stored.
 */
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
/** Control characters other than whitespace (which is collapsed instead, so words stay apart). */
const CONTROL = /(?![\t\n\v\f\r])\p{Cc}/gu;

/**
 * What people type becomes what is stored, once, at the edge: drop control and bidi characters,
 * collapse whitespace runs (newlines, tabs, no-break and ideographic spaces) to one space, trim, then
 * compose to NFC — a Vietnamese keyboard may send "ệ" as e + two combining marks, and the same words
 * must compare, search and count the same in reports. NFC comes last because dropping a character
 * can put a base letter next to its combining marks.
 */
export function cleanText(text: string): string {
  return text.replace(BIDI, '').replace(CONTROL, '').replace(/\s+/g, ' ').trim().normalize('NFC');
}

/**
 * Free text (notes, reasons, names): cleaned by `cleanText`, then held to 1…max characters — the cap
 * applies to the clean text, so a note typed with combining marks is not refused for its encoding.
 */
export const freeText = (max: number) => z.string().transform(cleanText).pipe(z.string().min(1).max(max));
