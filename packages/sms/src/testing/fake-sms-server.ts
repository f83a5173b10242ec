import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the fake provider received, its body parsed (JSON or form). */
export interface FakeSmsRequest {
  n: number;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: Record<string, string>;
  /** What the fake answered. */
  status: number;
}

export interface FakeSmsOptions {
  /**
   * The status to answer the n-th request (from 1) with; 200 by default. A provider that fails
   * sometimes: `(n) => (n % 3 === 1 ? 503 : 200)`.
   */
  answer?: (n: number, body: Record<string, string>) => number;
}

/**
 * An SMS provider for tests, over real HTTP on 127.0.0.1: it takes the POSTs the HTTP gateway
 * makes, answers with the status the test asks for (failing sometimes, as real providers do), and
 * keeps every request so a test can read a one-time code from the message a citizen would get.
 */
export class FakeSmsServer {
  readonly requests: FakeSmsRequest[] = [];
  private readonly server: Server;
  private readonly waiters: Array<{
    match: (r: FakeSmsRequest) => boolean;
    resolve: (r: FakeSmsRequest) => void;
  }> = [];

  private constructor(options: FakeSmsOptions) {
    this.server = createServer((req, res) => {
      let raw = '';
      req.setEncoding('utf8');
      req.on('data', (c: string) => (raw += c));
      req.on('end', () => {
        const type = req.headers['content-type'] ?? '';
        const body: Record<string, string> = type.includes('json')
          ? (JSON.parse(raw || '{}') as Record<string, string>)
          : Object.fromEntries(new URLSearchParams(raw));
        const n = this.requests.length + 1;
        const status = options.answer?.(n, body) ?? 200;
        const r: FakeSmsRequest = { n, path: req.url ?? '/', headers: req.headers, body, status };
        this.requests.push(r);
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(status < 300 ? { result: { id: `fake-${n}` } } : { error: 'unavailable' }));
        if (status < 300) {
          for (const w of [...this.waiters]) {
            if (w.match(r)) {
              this.waiters.splice(this.waiters.indexOf(w), 1);
              w.resolve(r);
            }
          }
        }
      });
    });
  }

  static async start(options: FakeSmsOptions = {}): Promise<FakeSmsServer> {
    const fake = new FakeSmsServer(options);
    fake.server.listen(0, '127.0.0.1');
    await once(fake.server, 'listening');
    return fake;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Messages the fake accepted (answered 2xx). */
  get delivered(): FakeSmsRequest[] {
    return this.requests.filter((r) => r.status < 300);
  }

  /** The first accepted message (already here, or the next one) that matches. */
  waitFor(match: (r: FakeSmsRequest) => boolean): Promise<FakeSmsRequest> {
    const found = this.delivered.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve) => this.waiters.push({ match, resolve }));
  }

  async close(): Promise<void> {
    this.server.close();
    this.server.closeAllConnections();
    await once(this.server, 'close').catch(() => undefined);
  }
}
