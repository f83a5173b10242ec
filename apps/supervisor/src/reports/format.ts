/**
 * Numbers as a Vietnamese office writes them, whatever the PC's language: thousands with a dot
 * (1.234), decimals with a comma, minutes with one decimal (12,5), shares as percentages with one
 * decimal and a space (85,3 %). Written by hand rather than with Intl so that the figures on screen
 * do not depend on the browser's locale data, and the tests can compare them exactly.
 */

function group(int: string): string {
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** A number with `decimals` decimals, Vietnamese separators. */
export function formatNumber(n: number, decimals = 0): string {
  const fixed = Math.abs(n).toFixed(decimals);
  const [int, frac] = fixed.split('.') as [string, string | undefined];
  const sign = n < 0 && Number(fixed) !== 0 ? '−' : '';
  return sign + group(int) + (frac ? ',' + frac : '');
}

/** A count: 1.234. */
export const formatCount = (n: number): string => formatNumber(n, 0);

/** Minutes with one decimal (12,5), or a dash when nothing was measured. */
export const formatMinutes = (m: number | null): string => (m === null ? '—' : formatNumber(m, 1));

/** A share 0…1 as a percentage with one decimal (0.853 → "85,3 %"), or a dash. */
export const formatShare = (s: number | null): string =>
  s === null ? '—' : `${formatNumber(Math.round(s * 1000) / 10, 1)} %`;

/** An office day YYYY-MM-DD as dd/mm/yyyy. */
export function formatDay(day: string): string {
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
}
