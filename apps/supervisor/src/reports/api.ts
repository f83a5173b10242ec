/**
 * The report routes of the hub (docs/reports.md) as the console calls them: the device token and
 * the signed-in session in the headers, a refusal read as the hub's Vietnamese and English words.
 */
import type { Text } from '@luot/core';
import type { ReportResponse, ReportView } from '@luot/protocol';
import type { DateRange } from './presets.js';

export interface ReportFilters extends DateRange {
  service: string;
  counter: string;
  officer: string;
  compare: boolean;
}

export interface HubAccess {
  hubUrl: string;
  token: string;
  session: string;
}

/** An answer the console cannot use: the hub's words, and whether the session is over. */
export class ReportError extends Error {
  constructor(
    readonly text: Text,
    readonly signedOut = false,
  ) {
    super(text.en);
  }
}

const LOST: Text = { vi: 'Mất kết nối máy chủ.', en: 'Lost connection to the hub.' };
const FAILED: Text = {
  vi: 'Máy chủ không trả lời được báo cáo.',
  en: 'The hub could not answer the report.',
};

/** The query string: only the filters that are set. */
export function reportQuery(f: ReportFilters, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams({ from: f.from, to: f.to });
  if (f.service) q.set('service', f.service);
  if (f.counter) q.set('counter', f.counter);
  if (f.officer.trim()) q.set('officer', f.officer.trim());
  if (f.compare) q.set('compare', '1');
  for (const [k, v] of Object.entries(extra)) q.set(k, v);
  return q.toString();
}

async function get(access: HubAccess, path: string): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(`${access.hubUrl.replace(/\/$/, '')}${path}`, {
      headers: { authorization: `Bearer ${access.token}`, 'x-luot-session': access.session },
    });
  } catch {
    throw new ReportError(LOST);
  }
  if (res.ok) return res;
  // Refusals are JSON: a 400 { code, message: { vi, en } }, a 401 { error: { code, message } }.
  const body = (await res.json().catch(() => ({}))) as {
    message?: Text;
    error?: { code?: string; message?: Text } | string;
  };
  if (body.message?.vi) throw new ReportError(body.message);
  if (typeof body.error === 'object' && body.error.message) {
    throw new ReportError(body.error.message, body.error.code === 'SUPERVISOR_SIGNED_OUT');
  }
  throw new ReportError(FAILED);
}

export async function fetchReport(access: HubAccess, f: ReportFilters): Promise<ReportResponse> {
  const res = await get(access, `/api/reports?${reportQuery(f)}`);
  return (await res.json()) as ReportResponse;
}

/** The file's name from the hub's content-disposition, else a fallback. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  return /filename="([^"]+)"/.exec(disposition ?? '')?.[1] ?? fallback;
}

/**
 * Downloads an export (XLSX, or one view's CSV) through the hub with the session headers: a plain
 * link could not send them, so the file is fetched, then handed to the browser as a blob.
 */
export async function downloadExport(
  access: HubAccess,
  f: ReportFilters,
  kind: 'xlsx' | 'csv',
  view: ReportView,
): Promise<void> {
  const path =
    kind === 'xlsx'
      ? `/api/exports/report.xlsx?${reportQuery(f)}`
      : `/api/exports/report.csv?${reportQuery({ ...f, compare: false }, { view })}`;
  const res = await get(access, path);
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileNameOf(res.headers.get('content-disposition'), `luot-bao-cao.${kind}`);
  document.body.append(a);
  a.click();
  a.remove();
  // The browser has taken the file once the click returns; the URL is freed a little later.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
