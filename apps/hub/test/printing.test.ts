import { afterEach, describe, expect, it } from 'vitest';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { decodeEscPos, startFakePrinter, type FakePrinter } from '@luot/printer';
import { startTestHub, testConfig, type TestHub } from '@luot/hub/testing';

let t: TestHub;
let own: FakePrinter | null = null;
afterEach(async () => {
  await t?.close();
  await own?.close();
  own = null;
});

describe('hub-side printing for browser kiosks', () => {
  it('prints the committed ticket on the kiosk’s printer, with its phone page in the QR code', async () => {
    t = await startTestHub({ config: testConfig({ printers: { 'kiosk-1': { kind: 'fake' } } }) });
    const fake = t.hub.printers.fakes.get('kiosk-1')!;
    const kiosk = await t.client('test-kiosk-1-token');
    const ack = await kiosk.issue({ service: 'A', print: true });
    expect(ack.result.printed).toEqual({ ok: true, paperNearEnd: false });
    const job = await fake.waitForJob(5000);
    const decoded = decodeEscPos(job.bytes);
    expect(decoded.cut).toBe(true);
    const img = PNG.sync.read(decoded.images[0]!.png);
    const qr = jsQR(new Uint8ClampedArray(img.data), img.width, img.height);
    expect(qr?.data).toBe(ack.result.url);
  });

  it('paper out: the ticket still exists, the answer says so, and supervisors see the fault', async () => {
    t = await startTestHub({
      config: testConfig({ printers: { 'kiosk-1': { kind: 'fake' } }, printerTimeoutMs: 500 }),
    });
    t.hub.printers.fakes.get('kiosk-1')!.setMode('paper_end');
    const kiosk = await t.client('test-kiosk-1-token');
    const boss = await t.supervisor();
    const ack = await kiosk.issue({ service: 'C', print: true });
    expect(ack.result.ticket.number).toBe('C001');
    expect(ack.result.printed).toMatchObject({
      ok: false,
      fault: 'paper_end',
      message: { vi: expect.stringMatching(/giấy/) },
    });
    const s = await boss.waitFor((s) => s.printers['kiosk-1']?.fault === 'paper_end');
    expect(s.state.tickets['20261130-C001']?.status).toBe('waiting');
    // Paper back: the next ticket prints and the fault clears.
    t.hub.printers.fakes.get('kiosk-1')!.setMode('ok');
    expect((await kiosk.issue({ service: 'C', print: true })).result.printed).toMatchObject({ ok: true });
    await boss.waitFor((s) => s.printers['kiosk-1']?.ok === true);
  });

  it('paper runs out on the last lines: the answer says "may have printed", and a retry prints no second number', async () => {
    t = await startTestHub({
      config: testConfig({ printers: { 'kiosk-1': { kind: 'fake' } }, printerTimeoutMs: 500 }),
    });
    const fake = t.hub.printers.fakes.get('kiosk-1')!;
    fake.setMode('paper_runs_out');
    const kiosk = await t.client('test-kiosk-1-token');
    const ack = await kiosk.issue({ service: 'C', print: true }, 'kiosk-tray-1');
    expect(ack.result.printed).toMatchObject({
      ok: false,
      fault: 'paper_end',
      maybePrinted: true,
      message: { vi: expect.stringMatching(/giấy/) },
    });
    // The whole ticket reached the printer before the fault: it may well lie in the tray.
    const job = await fake.waitForJob(5000);
    expect(job.printed).toBe(true);
    expect(decodeEscPos(job.bytes).cut).toBe(true);
    // The kiosk resends the same request: the same number comes back and nothing more is printed.
    fake.setMode('ok');
    const again = await kiosk.issue({ service: 'C', print: true }, 'kiosk-tray-1');
    expect(again.result.ticket.number).toBe(ack.result.ticket.number);
    expect(fake.jobs).toHaveLength(1);
  });

  it('a fault before the job is "not printed"', async () => {
    t = await startTestHub({
      config: testConfig({ printers: { 'kiosk-1': { kind: 'fake' } }, printerTimeoutMs: 500 }),
    });
    t.hub.printers.fakes.get('kiosk-1')!.setMode('cover_open');
    const kiosk = await t.client('test-kiosk-1-token');
    const ack = await kiosk.issue({ service: 'C', print: true });
    expect(ack.result.printed).toMatchObject({ ok: false, fault: 'cover_open', maybePrinted: false });
  });

  it('a kiosk that prints locally reports its printer, and only changes are recorded', async () => {
    t = await startTestHub();
    const kiosk = await t.client('test-kiosk-1-token');
    const first = await kiosk.reportPrinter({ ok: false, fault: 'cover_open' });
    const again = await kiosk.reportPrinter({ ok: false, fault: 'cover_open' });
    expect(first.result).toEqual({ recorded: true });
    expect(again.result).toEqual({ recorded: false });
    expect(t.hub.engine.printers['kiosk-1']).toMatchObject({ ok: false, fault: 'cover_open' });
  });

  it('polls an idle printer: a refused printer that comes back is seen ready within one poll', async () => {
    own = await startFakePrinter();
    const port = own.port;
    t = await startTestHub({
      config: testConfig({
        printers: { 'kiosk-1': { kind: 'tcp', host: '127.0.0.1', port } },
        printerTimeoutMs: 500,
        printerPollMs: 40,
      }),
    });
    const boss = await t.supervisor();
    await boss.waitFor((s) => s.printers['kiosk-1']?.ok === true);
    expect(own.statusQueries.length).toBeGreaterThan(0);
    // Unplugged: nothing listens on its port any more.
    await own.close();
    own = null;
    await boss.waitFor((s) => s.printers['kiosk-1']?.fault === 'refused');
    // Plugged back in, no ticket printed meanwhile: the poll alone clears the fault.
    own = await startFakePrinter({ port });
    await boss.waitFor((s) => s.printers['kiosk-1']?.ok === true);
    expect(own.jobs).toHaveLength(0);
  });

  it('polls a printer that runs out of paper and is refilled', async () => {
    t = await startTestHub({
      config: testConfig({
        printers: { 'kiosk-1': { kind: 'fake' } },
        printerTimeoutMs: 500,
        printerPollMs: 30,
      }),
    });
    const fake = t.hub.printers.fakes.get('kiosk-1')!;
    const boss = await t.supervisor();
    fake.setMode('paper_end');
    await boss.waitFor((s) => s.printers['kiosk-1']?.fault === 'paper_end');
    fake.setMode('ok');
    await boss.waitFor((s) => s.printers['kiosk-1']?.ok === true);
  });
});
