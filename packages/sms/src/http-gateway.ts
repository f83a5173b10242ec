import pRetry, { AbortError } from 'p-retry';
import type { SmsConfig, SmsGateway, SmsMessage, SmsStatus } from './gateway.js';

type HttpConfig = Extract<SmsConfig, { kind: 'http' }>;

/** A provider's answer that says not to try again: the request itself is wrong (4xx but 408 and 429). */
class Refused extends Error {}

/**
 * A provider's HTTP API: a POST built from templates (the URL, headers and a JSON or form body with
 * `{to}`, `{text}`, `{kind}`), tried again with exponential back-off (p-retry: a maintained
 * implementation, where a hand-written loop tends to forget jitter, aborts and the final error) on
 * network errors, timeouts, 408, 429 and 5xx — never on another 4xx, which would fail the same way.
 * Every message ends with a status, stored by the caller; nothing is thrown.
 */
export class HttpGateway implements SmsGateway {
  readonly name = 'http';

  constructor(
    private readonly config: HttpConfig,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  async send(message: SmsMessage): Promise<SmsStatus> {
    let attempts = 0;
    try {
      const providerId = await pRetry(
        async () => {
          attempts++;
          return await this.post(message);
        },
        {
          retries: this.config.attempts - 1,
          minTimeout: this.config.backoffMs,
          factor: 2,
          randomize: false,
          shouldRetry: ({ error }) => !(error instanceof Refused),
        },
      );
      return { status: 'sent', attempts, providerId };
    } catch (e) {
      return { status: 'failed', attempts, error: e instanceof Error ? e.message : String(e) };
    }
  }

  private async post(message: SmsMessage): Promise<string | null> {
    const fill = (t: string, encode: (s: string) => string = (s) => s) =>
      t
        .replaceAll('{to}', encode(message.to))
        .replaceAll('{text}', encode(message.text))
        .replaceAll('{kind}', encode(message.kind));
    const fields = Object.fromEntries(Object.entries(this.config.body).map(([k, v]) => [k, fill(v)]));
    const json = this.config.encoding === 'json';
    const res = await this.fetchImpl(fill(this.config.url, encodeURIComponent), {
      method: 'POST',
      headers: {
        'content-type': json ? 'application/json' : 'application/x-www-form-urlencoded',
        ...Object.fromEntries(Object.entries(this.config.headers).map(([k, v]) => [k, fill(v)])),
      },
      body: json ? JSON.stringify(fields) : new URLSearchParams(fields).toString(),
      signal: AbortSignal.timeout(this.config.timeoutMs),
    });
    const answer = await res.text();
    if (!res.ok) {
      const error = `HTTP ${res.status}${answer ? `: ${answer.slice(0, 200)}` : ''}`;
      if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429)
        throw new AbortError(new Refused(error));
      throw new Error(error);
    }
    return this.config.idField ? providerId(answer, this.config.idField) : null;
  }
}

/** The provider's message id at a dot path of its JSON answer, or null. */
function providerId(answer: string, path: string): string | null {
  try {
    let v: unknown = JSON.parse(answer);
    for (const k of path.split('.')) v = (v as Record<string, unknown> | null)?.[k];
    return v === undefined || v === null ? null : String(v);
  } catch {
    return null;
  }
}
