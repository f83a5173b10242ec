/**
 * Kiosk behaviour settings given in the URL (e.g. from the bookmark made at set-up):
 * - `keepIssuing=false`: stop issuing after a printer failure until the printer is fixed
 *   (default true: the number is shown on screen). Kept in localStorage like the device token.
 * - `ticketSeconds=15`: how long the ticket screen stays before going home.
 * - `idleSeconds=60`: inactivity before the attract screen.
 */
export interface KioskOptions {
  keepIssuing: boolean;
  ticketSeconds: number;
  idleSeconds: number;
}

type Store = Pick<Storage, 'getItem' | 'setItem'>;

const KEEP_ISSUING_KEY = 'luot.kiosk.keepIssuing';

export function kioskOptions(search: string, store: Store | undefined): KioskOptions {
  const q = new URLSearchParams(search);
  const keep = parseBool(q.get('keepIssuing'));
  if (keep !== null) store?.setItem(KEEP_ISSUING_KEY, String(keep));
  return {
    keepIssuing: keep ?? parseBool(store?.getItem(KEEP_ISSUING_KEY) ?? null) ?? true,
    ticketSeconds: seconds(q.get('ticketSeconds'), 15),
    idleSeconds: seconds(q.get('idleSeconds'), 60),
  };
}

function parseBool(v: string | null): boolean | null {
  if (v === null) return null;
  if (/^(true|1|yes|on)$/i.test(v)) return true;
  if (/^(false|0|no|off)$/i.test(v)) return false;
  return null;
}

function seconds(v: string | null, fallback: number): number {
  const n = Number(v);
  return v !== null && Number.isFinite(n) && n >= 1 ? n : fallback;
}
