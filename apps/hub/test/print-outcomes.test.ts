import { afterEach, describe, expect, it } from 'vitest';
import pino from 'pino';
import { startTestHub, testConfig, type TestHub } from '@luot/hub/testing';

// Every ticket's print outcome is kept with the ticket: in the database (across a restart), in the
// day report and the CSV export; a failed print is one structured log line.

let t: TestHub | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

function parseCsv(text: string): string[][] {
  // The export quotes only cells that need it; these rows have no commas or quotes inside cells.
  return text
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\n')
    .map((line) => line.split(','));
}

async function exportRows(hub: TestHub): Promise<Array<Record<string, string>>> {
  const auth = { headers: await hub.supervisorHeaders() };
  const csv = await (await fetch(`${hub.hub.url}/api/exports/tickets.csv`, auth)).text();
  const [header, ...rows] = parseCsv(csv);
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
}

describe('print outcomes', () => {
  it('hub-side prints: printed, may have printed, not printed — stored, reported, exported, logged once', async () => {
    const logs: Array<Record<string, unknown>> = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => logs.push(JSON.parse(line)) });
    t = await startTestHub({
      config: testConfig({ printers: { 'kiosk-1': { kind: 'fake' } }, printerTimeoutMs: 500 }),
      logger,
    });
    const fake = () => t!.hub.printers.fakes.get('kiosk-1')!;
    const kiosk = await t.client('test-kiosk-1-token');
    await kiosk.issue({ service: 'A', print: true }); // A001 printed
    fake().setMode('paper_runs_out');
    await kiosk.issue({ service: 'A', print: true }); // A002 may have printed
    await kiosk.issue({ service: 'A', print: true }); // A003 not printed (paper end before the job)

    const failures = logs.filter((l) => l.ticket !== undefined && l.fault !== undefined);
    expect(failures).toEqual([
      expect.objectContaining({ device: 'kiosk-1', ticket: 'A002', fault: 'paper_end', maybePrinted: true }),
      expect.objectContaining({ device: 'kiosk-1', ticket: 'A003', fault: 'paper_end', maybePrinted: false }),
    ]);
    // Nothing else warned about the printer: one line per failed print, with the printer's detail.
    const printerWarnings = logs.filter((l) => (l.level as number) >= 40 && l.device === 'kiosk-1');
    expect(printerWarnings).toHaveLength(2);
    expect(printerWarnings[0]!.detail).toMatch(/status after the job/);

    // A restart keeps them: they are in the database, not in memory.
    await t.restart();
    const rows = await exportRows(t);
    expect(rows.map((r) => [r.number, r.print, r.print_fault])).toEqual([
      ['A001', 'printed', ''],
      ['A002', 'maybe_printed', 'paper_end'],
      ['A003', 'not_printed', 'paper_end'],
    ]);
    const report = (await (
      await fetch(`${t.hub.url}/api/reports/day`, { headers: await t.supervisorHeaders() })
    ).json()) as {
      prints: unknown[];
    };
    expect(report.prints).toEqual([
      { device: 'kiosk-1', outcome: 'maybe_printed', fault: 'paper_end', count: 1 },
      { device: 'kiosk-1', outcome: 'not_printed', fault: 'paper_end', count: 1 },
      { device: 'kiosk-1', outcome: 'printed', fault: null, count: 1 },
    ]);
  });

  it('an Electron kiosk’s report with its ticket is stored; another kiosk’s ticket is not', async () => {
    t = await startTestHub();
    const k1 = await t.client('test-kiosk-1-token');
    const k2 = await t.client('test-kiosk-2-token');
    const a = (await k1.issue({ service: 'A' })).result.ticket;
    const b = (await k1.issue({ service: 'A' })).result.ticket;
    await k1.reportPrinter({ ok: true, ticketId: a.id });
    await k1.reportPrinter({ ok: false, fault: 'paper_end', maybePrinted: true, ticketId: b.id });
    // Kiosk 2 cannot write kiosk 1's paper into the report.
    await k2.reportPrinter({ ok: true, ticketId: b.id });
    const rows = await exportRows(t);
    expect(rows.map((r) => [r.number, r.print, r.print_fault])).toEqual([
      ['A001', 'printed', ''],
      ['A002', 'maybe_printed', 'paper_end'],
    ]);
  });
});
