/** Width in dots of `text` at font size `size` (bold or not is the caller's business). */
export type Measure = (text: string, size: number) => number;

export interface FittedLines {
  size: number;
  lines: string[];
}

/**
 * The words of a text, NFC, split at spaces. Vietnamese writes each syllable as its own word, so a
 * break between words never splits a syllable. A lone dash is glued to the word before it, so no line
 * starts with "– ".
 */
export function splitWords(text: string): string[] {
  const words: string[] = [];
  for (const word of text.normalize('NFC').trim().split(/\s+/).filter(Boolean)) {
    if (/^[–—-]$/.test(word) && words.length > 0) words[words.length - 1] += ` ${word}`;
    else words.push(word);
  }
  return words;
}

/**
 * A break after `words[i - 1]` falls between phrases: after a comma, semicolon, colon or dash, or before
 * a parenthesis. Syllables of one word ("dịch vụ", "hành chính") are only ever separated elsewhere, and
 * telling them apart needs a dictionary; phrase ends never cut a word in two.
 */
function phraseBreak(words: string[], i: number): boolean {
  return /[,;:–—-]$/.test(words[i - 1]!) || words[i]!.startsWith('(');
}

/**
 * Lay a name out on at most `maxLines` lines (1 or 2) of `maxWidth`, trying `sizes` from the first
 * (largest) on:
 *   1. at each size, one line if it fits, else two lines broken between phrases (the most even such
 *      break) — a smaller font is better than a name cut inside a phrase ("dịch / vụ");
 *   2. then, at each size, two lines broken between any two words, the most even break;
 *   3. at the last size, as many whole words as fit (the first line ending at a phrase if that fills
 *      most of it), the last line ending in "…".
 * Lines are NFC and hold whole words, except a single word too wide for a line even at the smallest
 * size, which is cut between letters (NFC letters carry their marks) before the "…".
 */
export function fitLines(
  text: string,
  measure: Measure,
  maxWidth: number,
  sizes: readonly number[],
  maxLines: 1 | 2 = 2,
): FittedLines {
  const words = splitWords(text);
  const whole = words.join(' ');
  const fits = (s: string, size: number): boolean => measure(s, size) <= maxWidth;

  const twoLines = (size: number, phrasesOnly: boolean): string[] | null => {
    let best: string[] | null = null;
    let bestWidth = Infinity;
    for (let i = 1; i < words.length; i++) {
      if (phrasesOnly && !phraseBreak(words, i)) continue;
      const a = words.slice(0, i).join(' ');
      const b = words.slice(i).join(' ');
      const wa = measure(a, size);
      const wb = measure(b, size);
      const widest = Math.max(wa, wb);
      if (wa <= maxWidth && wb <= maxWidth && widest < bestWidth) {
        best = [a, b];
        bestWidth = widest;
      }
    }
    return best;
  };

  for (const size of sizes) {
    if (fits(whole, size)) return { size, lines: [whole] };
    const lines = maxLines === 2 ? twoLines(size, true) : null;
    if (lines) return { size, lines };
  }
  if (maxLines === 2) {
    for (const size of sizes) {
      const lines = twoLines(size, false);
      if (lines) return { size, lines };
    }
  }

  // Too long even at the smallest size: fill the lines word by word and end the last one with "…".
  const size = sizes[sizes.length - 1]!;
  const lines: string[] = [];
  let i = 0;
  while (lines.length < maxLines - 1 && i < words.length) {
    if (!fits(words[i]!, size)) break; // a word wider than the line goes to the last, cut line
    let end = i + 1;
    while (end < words.length && fits(words.slice(i, end + 1).join(' '), size)) end++;
    // End the full line at a phrase if that still fills most of it: the cut falls in the last line.
    for (let j = end; j > i + 1; j--) {
      if (phraseBreak(words, j) && measure(words.slice(i, j).join(' '), size) >= 0.6 * maxWidth) {
        end = j;
        break;
      }
    }
    lines.push(words.slice(i, end).join(' '));
    i = end;
  }
  let last = '';
  while (i < words.length && fits(`${last ? `${last} ` : ''}${words[i]}…`, size)) {
    last = last ? `${last} ${words[i]}` : words[i]!;
    i++;
  }
  if (!last && i < words.length) {
    // One word wider than the whole line: cut between letters (code points; NFC keeps each
    // Vietnamese letter with its marks in one code point).
    const letters = Array.from(words[i]!);
    while (letters.length > 1 && !fits(`${letters.join('')}…`, size)) letters.pop();
    last = letters.join('');
  }
  lines.push(i < words.length ? `${last.replace(/[\s,;:–—-]+$/, '')}…` : last);
  return { size, lines };
}
