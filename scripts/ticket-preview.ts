/**
 * Writes a preview PNG of a sample ticket, exactly the 1-bit bitmap the printer gets.
 *
 *   npx tsx scripts/ticket-preview.ts [--width 58|80] [--out file.png] [--locale vi|en]
 *                                     [--number A012] [--outside 4] [--no-priority]
 *
 * Default: 80 mm, Vietnamese, written to artifacts/ticket-preview-<width>.png.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  renderTicket,
  sampleTicket,
  type PaperWidth,
  type TicketPrintData,
} from '../packages/printer/src/index.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    width: { type: 'string', default: '80' },
    out: { type: 'string' },
    locale: { type: 'string', default: 'vi' },
    number: { type: 'string' },
    outside: { type: 'string' },
    'no-priority': { type: 'boolean', default: false },
  },
});

const width = Number(values.width);
if (width !== 58 && width !== 80) {
  console.error('--width must be 58 or 80');
  process.exit(2);
}
if (values.locale !== 'vi' && values.locale !== 'en') {
  console.error('--locale must be vi or en');
  process.exit(2);
}

const overrides: Partial<TicketPrintData> = { locale: values.locale };
if (values.number) overrides.number = values.number;
if (values.outside) overrides.outside = { place: Number(values.outside) };
if (values['no-priority']) overrides.priorityLabel = undefined;

const ticket = sampleTicket(overrides);
const out = resolve(values.out ?? resolve(root, 'artifacts', `ticket-preview-${width}.png`));
const rendered = await renderTicket(ticket, width as PaperWidth);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, rendered.png);
console.log(
  `${out}: ${rendered.width} × ${rendered.height} dots (${(rendered.height / 8).toFixed(0)} mm of paper)`,
);
