/**
 * Where the ratings export goes when an endpoint is configured (docs/city.md, "Ratings export").
 * The provincial systems' and the national portal's upload APIs are not public: this is the seam
 * an adapter for one of them fills. The one built in POSTs the export's JSON to a URL with a
 * bearer token, and says plainly what the endpoint answered when it refuses.
 */
import { RatingsExportSchema, type RatingsExport } from '@luot/protocol';

export interface RatingsSink {
  /** Resolves once the endpoint has taken the whole export; rejects with why it did not. */
  send(x: RatingsExport): Promise<void>;
}

export interface HttpSinkOptions {
  url: string;
  /** Sent as `Authorization: Bearer …` when given. */
  token?: string | undefined;
  timeoutMs?: number;
}

export function httpRatingsSink(opts: HttpSinkOptions): RatingsSink {
  const url = new URL(opts.url); // a malformed URL fails here, before any export is made
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new Error(`not an http(s) URL: ${opts.url}`);
  return {
    async send(x) {
      // What leaves the city is what the schema says, whatever built it.
      const body = JSON.stringify(RatingsExportSchema.parse(x));
      const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
      if (opts.token) headers.authorization = `Bearer ${opts.token}`;
      const res = await fetch(url, {
        method: 'POST',
        headers,
        body,
        signal: AbortSignal.timeout(opts.timeoutMs ?? 60_000),
      });
      if (!res.ok) {
        const text = (await res.text().catch(() => '')).slice(0, 500);
        throw new Error(`${url.origin}${url.pathname} answered HTTP ${res.status}${text ? `: ${text}` : ''}`);
      }
    },
  };
}
