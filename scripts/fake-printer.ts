/**
 * A fake ESC/POS network printer for development: records every job, answers DLE EOT status queries.
 *
 *   npx tsx scripts/fake-printer.ts [--port 9100] [--host 127.0.0.1] [--mode ok] [--save artifacts/fake-printer]
 *
 * Each job is logged (size, commands, images); with --save its raster images are written as PNGs
 * (<n>-<image>.png) and its raw bytes as <n>.bin. While it runs, type a mode and Enter to switch:
 * ok, paper_near_end, paper_end, cover_open, cutter_error, silent, slow [ms].
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import {
  decodeEscPos,
  startFakePrinter,
  type FakeJob,
  type FakePrinterMode,
} from '../packages/printer/src/index.js';

const MODES: FakePrinterMode[] = [
  'ok',
  'paper_near_end',
  'paper_end',
  'cover_open',
  'cutter_error',
  'silent',
  'slow',
];

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '9100' },
    host: { type: 'string', default: '127.0.0.1' },
    mode: { type: 'string', default: 'ok' },
    save: { type: 'string' },
  },
});

const saveDir = values.save ? resolve(values.save) : null;
if (saveDir) mkdirSync(saveDir, { recursive: true });
let count = 0;

function logJob(job: FakeJob): void {
  const n = ++count;
  const decoded = decodeEscPos(job.bytes);
  const names = new Map<string, number>();
  for (const c of decoded.commands) names.set(c.name, (names.get(c.name) ?? 0) + 1);
  const unknown = decoded.commands.filter((c) => c.name === 'unknown');
  const summary = [...names].map(([name, k]) => (k > 1 ? `${name} ×${k}` : name)).join(', ');
  const images = decoded.images.map((i) => `${i.width}×${i.height}`).join(', ') || 'none';
  console.log(
    `[${new Date(job.receivedAt).toISOString()}] job ${n}: ${job.bytes.length} bytes, ${job.printed ? 'printed' : 'NOT printed (printer not ready)'}, cut: ${decoded.cut}, images: ${images}`,
  );
  console.log(`  commands: ${summary}`);
  if (unknown.length > 0)
    console.log(`  unknown bytes at offsets ${unknown.map((c) => c.offset).join(', ')}`);
  for (const c of decoded.commands) if (c.data && c.name === 'GS ( k') console.log(`  QR code: ${c.data}`);
  if (saveDir) {
    writeFileSync(resolve(saveDir, `${n}.bin`), job.bytes);
    decoded.images.forEach((img, i) => writeFileSync(resolve(saveDir, `${n}-${i + 1}.png`), img.png));
    console.log(`  saved to ${saveDir}/${n}-*.png`);
  }
}

if (!MODES.includes(values.mode as FakePrinterMode)) {
  console.error(`--mode must be one of ${MODES.join(', ')}`);
  process.exit(2);
}

const printer = await startFakePrinter({
  host: values.host,
  port: Number(values.port),
  mode: values.mode as FakePrinterMode,
  onJob: logJob,
});
console.log(`fake printer listening on ${printer.host}:${printer.port}, mode ${values.mode}`);
console.log(`type a mode to switch: ${MODES.join(' | ')} (slow takes a delay in ms, e.g. "slow 3000")`);

createInterface({ input: process.stdin }).on('line', (line) => {
  const [mode, ms] = line.trim().split(/\s+/);
  if (!mode) return;
  if (!MODES.includes(mode as FakePrinterMode)) {
    console.log(`unknown mode ${mode}`);
    return;
  }
  printer.setMode(mode as FakePrinterMode, ms ? Number(ms) : undefined);
  console.log(`mode: ${mode}${ms ? ` (${ms} ms)` : ''}`);
});

const stop = async (): Promise<void> => {
  await printer.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
