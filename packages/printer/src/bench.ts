import { encodeTicketSync } from './encode.js';
import { startFakePrinter } from './fake-printer.js';
import { createPrinter } from './printer.js';
import { renderTicket } from './render.js';
import { sampleTicket } from './sample.js';
import type { PaperWidth } from './types.js';

const now = (): number => performance.timeOrigin + performance.now();

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

const round = (x: number, digits = 2): number => Number(x.toFixed(digits));

function ticketNo(i: number): string {
  return `${'ABCEGKLMNTSVRH'[i % 14]}${String(i % 1000).padStart(3, '0')}`;
}

function timeEncode(paperWidth: PaperWidth, count: number): number[] {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const ticket = sampleTicket({
      number: ticketNo(i),
      peopleAhead: i % 40,
      estimatedWaitMinutes: (i * 7) % 95,
      ...(i % 3 === 0 ? {} : { priorityLabel: undefined }),
      ...(i % 5 === 0 ? { outside: { place: i % 30 } } : {}),
    });
    const t0 = performance.now();
    encodeTicketSync(ticket, { paperWidth });
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b);
}

/**
 * Figures, not assertions: ticket render + encode time (p50/p99 over 200 varied tickets), bytes a ticket,
 * and the time from print() to the job's first byte and to a confirmed job at the fake TCP printer.
 */
export async function benchPrinter(): Promise<Record<string, number | string>> {
  const out: Record<string, number | string> = {};
  timeEncode(80, 20); // warm up fonts, JIT, canvas
  for (const w of [80, 58] as const) {
    const times = timeEncode(w, 200);
    out[`render_encode_${w}mm_p50_ms`] = round(percentile(times, 50));
    out[`render_encode_${w}mm_p99_ms`] = round(percentile(times, 99));
  }
  const png = [];
  for (let i = 0; i < 50; i++) {
    const t0 = performance.now();
    await renderTicket(sampleTicket({ number: ticketNo(i) }), 80);
    png.push(performance.now() - t0);
  }
  out.render_preview_png_80mm_p50_ms = round(
    percentile(
      png.sort((a, b) => a - b),
      50,
    ),
  );

  const base = sampleTicket();
  const plain = sampleTicket({ priorityLabel: undefined });
  const full = sampleTicket({ outside: { place: 12 } });
  out.bytes_80mm = encodeTicketSync(base, { paperWidth: 80 }).length;
  out.bytes_80mm_no_priority = encodeTicketSync(plain, { paperWidth: 80 }).length;
  out.bytes_80mm_priority_and_outside = encodeTicketSync(full, { paperWidth: 80 }).length;
  out.bytes_80mm_without_blank_row_feeds = encodeTicketSync(base, {
    paperWidth: 80,
    feedBlankRows: false,
  }).length;
  out.bytes_80mm_native_qr = encodeTicketSync(base, { paperWidth: 80, nativeQr: true }).length;
  out.bytes_58mm = encodeTicketSync(base, { paperWidth: 58 }).length;
  out.bytes_58mm_priority_and_outside = encodeTicketSync(full, { paperWidth: 58 }).length;

  const fake = await startFakePrinter();
  const printer = createPrinter({ kind: 'tcp', host: fake.host, port: fake.port, timeoutMs: 2000 });
  try {
    const firstByte: number[] = [];
    const whole: number[] = [];
    const rounds = 30;
    for (let i = 0; i < rounds + 3; i++) {
      const t0 = now();
      const result = await printer.print(sampleTicket({ number: ticketNo(i) }));
      const t1 = now();
      const job = await fake.waitForJob(2000);
      if (!result.ok) throw new Error(`bench print failed: ${result.fault}`);
      if (i < 3) continue; // warm-up
      firstByte.push(job.startedAt - t0);
      whole.push(t1 - t0);
    }
    firstByte.sort((a, b) => a - b);
    whole.sort((a, b) => a - b);
    out.fake_printer_first_byte_p50_ms = round(percentile(firstByte, 50));
    out.fake_printer_confirmed_job_p50_ms = round(percentile(whole, 50));
    out.fake_printer_confirmed_job_p99_ms = round(percentile(whole, 99));
    out.fake_printer_note =
      'from print() to the job’s first byte / to the status reply after the job (tcp, 127.0.0.1)';
  } finally {
    await printer.close();
    await fake.close();
  }
  return out;
}
