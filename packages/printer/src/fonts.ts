import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { GlobalFonts } from '@napi-rs/canvas';

/** The bundled font (Noto Sans, SIL OFL 1.1, see fonts/OFL.txt) covers every Vietnamese letter and tone mark. */
export const TICKET_FONT_FAMILY = 'Luot Noto Sans';

export const FONT_FILES = {
  regular: fileURLToPath(new URL('../fonts/NotoSans-Regular.ttf', import.meta.url)),
  bold: fileURLToPath(new URL('../fonts/NotoSans-Bold.ttf', import.meta.url)),
};

let registered = false;

/** Register the bundled fonts with the canvas once; independent of the fonts installed on the machine. */
export function ensureFonts(): void {
  if (registered) return;
  for (const file of [FONT_FILES.regular, FONT_FILES.bold]) {
    if (!existsSync(file)) throw new Error(`ticket font missing: ${file}`);
    GlobalFonts.registerFromPath(file, TICKET_FONT_FAMILY);
  }
  registered = true;
}

export function font(sizePx: number, bold = false): string {
  return `${bold ? 'bold ' : ''}${sizePx}px "${TICKET_FONT_FAMILY}"`;
}
