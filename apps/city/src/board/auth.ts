/**
 * The city viewer token: one shared secret (CITY_VIEWER_TOKEN) that lets a browser read the board
 * and the offices' monitors — read-only, nothing else. Compared by hash in constant time, so the
 * comparison's duration says nothing about the token.
 */
import { timingSafeEqual } from 'node:crypto';
import { sha256 } from '../offices.js';

export const MIN_VIEWER_TOKEN = 16;

export function viewerCheck(viewerToken: string): (presented: string | undefined | null) => boolean {
  if (viewerToken.length < MIN_VIEWER_TOKEN) {
    throw new Error(`the city viewer token must be at least ${MIN_VIEWER_TOKEN} characters`);
  }
  const want = Buffer.from(sha256(viewerToken), 'hex');
  return (presented) =>
    typeof presented === 'string' && timingSafeEqual(Buffer.from(sha256(presented), 'hex'), want);
}

/** The token of an `Authorization: Bearer …` header, or null. */
export function bearer(header: string | undefined): string | null {
  return /^Bearer (\S{1,200})$/.exec(header ?? '')?.[1] ?? null;
}
