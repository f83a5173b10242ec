/**
 * Who may read the board: the city viewer token (CITY_VIEWER_TOKEN) reads every office; a province
 * viewer's token (CITY_PROVINCE_VIEWERS) reads its province's offices only. Read-only, both. Tokens
 * are looked up by their SHA-256, as the offices' are: the lookup's timing says nothing about a token.
 */
import { sha256 } from '../offices.js';

export const MIN_VIEWER_TOKEN = 16;

/** What a viewer may see: every office (`province: null`) or one province's. */
export interface ViewerScope {
  province: string | null;
}

export type ScopeOf = (presented: string | null | undefined) => ViewerScope | null;

export function viewerScopes(viewerToken: string, provinceViewers: Record<string, string> = {}): ScopeOf {
  const scopes = new Map<string, ViewerScope>();
  const add = (token: string, scope: ViewerScope, what: string) => {
    if (token.length < MIN_VIEWER_TOKEN) {
      throw new Error(`${what}: a viewer token must be at least ${MIN_VIEWER_TOKEN} characters`);
    }
    if (scopes.has(sha256(token))) throw new Error(`${what}: the same viewer token is given twice`);
    scopes.set(sha256(token), scope);
  };
  add(viewerToken, { province: null }, 'the city viewer token');
  for (const [province, token] of Object.entries(provinceViewers)) {
    add(token, { province: province.normalize('NFC') }, `the viewer of ${province}`);
  }
  return (presented) => (typeof presented === 'string' ? (scopes.get(sha256(presented)) ?? null) : null);
}

/** The token of an `Authorization: Bearer …` header, or null. */
export function bearer(header: string | undefined): string | null {
  return /^Bearer (\S{1,200})$/.exec(header ?? '')?.[1] ?? null;
}
