import { newRequestId, type ConnectionStatus, type LuotClient } from '@luot/client';
import type { Text } from '@luot/core';
import { ERROR_MESSAGES, printableTicket, type IssueResult, type Snapshot } from '@luot/protocol';
import type { KioskPrintResult, LuotKioskApi, PrinterFault } from '../../electron/api';

/**
 * One tap → one ticket: issue it at the hub (retry-safe), get it printed, and say honestly what
 * happened to the paper. Browser kiosks let the hub print on their network printer; the Electron
 * shell prints locally and the kiosk reports the outcome to the hub so supervisors see faults.
 */

export type PrintOutcome =
  | { kind: 'printed'; paperNearEnd: boolean }
  | { kind: 'failed'; fault: string; reason: Text }
  /** This kiosk has no printer: the screen (and its QR code) is the ticket. */
  | { kind: 'none'; message: Text }
  /** A retried request the hub had already carried out: the first attempt may have printed. */
  | { kind: 'unknown' };

export interface IssuedTicket {
  result: IssueResult;
  print: PrintOutcome;
}

export type IssueAttempt =
  { ok: true; issued: IssuedTicket; keepIssuing: boolean } | { ok: false; code: string; message: Text };

/** What the flow needs from the hub client: a LuotClient, or a fake in unit tests. */
export interface IssueClient {
  issue: LuotClient['issue'];
  reportPrinter: LuotClient['reportPrinter'];
  readonly status: ConnectionStatus;
  on(kind: 'status', fn: (s: ConnectionStatus) => void): () => void;
  readonly snapshot: Snapshot | null;
  readonly device: { id: string } | null;
}

export interface IssueDeps {
  client: IssueClient;
  /** `window.luotKiosk` in the Electron shell; null in a browser (the hub prints). */
  bridge: LuotKioskApi | null;
  locale: 'vi' | 'en';
  /** Browser kiosks: go on issuing after a printer failure (the Electron shell decides for itself). */
  keepIssuing: boolean;
  /** How long to wait for the hub when a request was sent and then the connection dropped. */
  reconnectMs?: number;
}

const MAX_ATTEMPTS = 3;

/** Messages for the citizen when nothing could be issued; the hub's own wording otherwise. */
const NOT_REACHED: Text = {
  vi: 'Chưa cấp được số vì mất kết nối tới máy chủ. Vui lòng thử lại sau giây lát hoặc liên hệ cán bộ hướng dẫn.',
  en: 'No number was issued: the kiosk lost its connection to the server. Please try again shortly or ask a member of staff.',
};

const PRINT_CRASHED: Text = { vi: 'Máy in gặp lỗi', en: 'The printer has an error' };

export async function issueTicket(
  deps: IssueDeps,
  service: string,
  priority: string | null,
): Promise<IssueAttempt> {
  const requestId = newRequestId('kiosk');
  let result: IssueResult;
  try {
    result = await sendIssue(
      deps,
      { service, priority, locale: deps.locale, print: !deps.bridge },
      requestId,
    );
  } catch (e) {
    const code = errorCode(e);
    const message =
      code === 'OFFLINE' ? NOT_REACHED : ((e as { messages?: Text }).messages ?? ERROR_MESSAGES.INTERNAL);
    return { ok: false, code, message };
  }
  const printed = deps.bridge ? await printLocally(deps, deps.bridge, result) : hubPrinted(deps, result);
  return { ok: true, issued: { result, print: printed.print }, keepIssuing: printed.keepIssuing };
}

/**
 * Send with one request id for every attempt: after a TIMEOUT, or a connection lost once the request
 * had left, the hub may already have issued the ticket, and the same id makes it answer with that one.
 */
async function sendIssue(
  deps: IssueDeps,
  payload: Parameters<LuotClient['issue']>[0],
  requestId: string,
): Promise<IssueResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      // A replayed answer carries `printed: null`: the hub prints only the first time.
      return (await deps.client.issue(payload, requestId)).result;
    } catch (e) {
      if (attempt >= MAX_ATTEMPTS) throw e;
      const code = errorCode(e);
      if (code === 'TIMEOUT') continue;
      const sent = !!(e as { details?: { requestId?: unknown } }).details?.requestId;
      if (code === 'OFFLINE' && sent && (await waitOnline(deps.client, deps.reconnectMs ?? 10_000))) continue;
      throw e;
    }
  }
}

function errorCode(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'INTERNAL';
}

function waitOnline(client: IssueClient, ms: number): Promise<boolean> {
  if (client.status === 'online') return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      off();
      resolve(false);
    }, ms);
    const off = client.on('status', (s) => {
      if (s !== 'online') return;
      clearTimeout(timer);
      off();
      resolve(true);
    });
  });
}

/** Browser kiosk: the hub printed before answering (and recorded any fault for supervisors). */
function hubPrinted(deps: IssueDeps, result: IssueResult): { print: PrintOutcome; keepIssuing: boolean } {
  const p = result.printed;
  if (p === null) return { print: { kind: 'unknown' }, keepIssuing: true };
  if (p.ok) return { print: { kind: 'printed', paperNearEnd: p.paperNearEnd }, keepIssuing: true };
  return { print: { kind: 'failed', fault: p.fault, reason: p.message }, keepIssuing: deps.keepIssuing };
}

/** Electron kiosk: print the same ticket the hub would print, then tell the hub how the printer is. */
async function printLocally(
  deps: IssueDeps,
  bridge: LuotKioskApi,
  result: IssueResult,
): Promise<{ print: PrintOutcome; keepIssuing: boolean }> {
  const config = deps.client.snapshot?.config;
  let r: KioskPrintResult | null = null;
  try {
    if (config) r = await bridge.print(printableTicket(config, result, deps.locale));
  } catch {
    r = null;
  }
  if (!r) {
    reportPrinter(deps.client, { ok: false, fault: 'unrecoverable', paperNearEnd: false }, result.ticket.id);
    return { print: { kind: 'failed', fault: 'unrecoverable', reason: PRINT_CRASHED }, keepIssuing: true };
  }
  if (r.ok) {
    reportPrinter(deps.client, { ok: true, fault: null, paperNearEnd: r.paperNearEnd }, result.ticket.id);
    return { print: { kind: 'printed', paperNearEnd: r.paperNearEnd }, keepIssuing: true };
  }
  // No printer configured: nothing to report, the screen is the ticket.
  if (r.advice.reportFault === null) {
    return { print: { kind: 'none', message: r.advice.userMessage ?? r.message }, keepIssuing: true };
  }
  reportPrinter(deps.client, { ok: false, fault: r.fault, paperNearEnd: false }, result.ticket.id);
  return { print: { kind: 'failed', fault: r.fault, reason: r.message }, keepIssuing: r.advice.keepIssuing };
}

export interface PrinterReport {
  ok: boolean;
  fault: PrinterFault | null;
  paperNearEnd: boolean;
}

/** Tell the hub only when the printer's state changed: the hub keeps the last state per kiosk. */
export function reportPrinter(client: IssueClient, p: PrinterReport, ticketId: string | null): void {
  const id = client.device?.id;
  const known = id ? client.snapshot?.printers[id] : undefined;
  if (known && known.ok === p.ok && known.fault === p.fault && known.paperNearEnd === p.paperNearEnd) return;
  client.reportPrinter({ ...p, ticketId }).catch(() => {
    // Offline: the next print reports again, since the hub's state still differs.
  });
}
