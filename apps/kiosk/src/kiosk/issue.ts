import { newRequestId, type ConnectionStatus, type LuotClient } from '@luot/client';
import type { Text } from '@luot/core';
import { printableTicket } from '@luot/printer/printable';
import { ERROR_MESSAGES, type IssueResult, type Snapshot } from '@luot/protocol';
import type { KioskPrintResult, LuotKioskApi, PrinterFault } from '../../electron/api';

/**
 * One tap → one ticket: issue it at the hub (retry-safe), get it printed, and say honestly what
 * happened to the paper. Browser kiosks let the hub print on their network printer; the Electron
 * shell prints locally and the kiosk reports the outcome to the hub so supervisors see faults.
 */

export type PrintOutcome =
  | { kind: 'printed'; paperNearEnd: boolean }
  /**
   * `maybePrinted`: the fault came after the job reached the printer (e.g. paper ran out on the last
   * lines), so a ticket may lie in the tray: the citizen checks it before anything is printed again.
   */
  | { kind: 'failed'; fault: string; reason: Text; maybePrinted: boolean }
  /** This kiosk has no printer: the screen (and its QR code) is the ticket. */
  | { kind: 'none'; message: Text }
  /** A retried request the hub had already carried out: the first attempt may have printed. */
  | { kind: 'unknown' };

export interface IssuedTicket {
  result: IssueResult;
  print: PrintOutcome;
}

export type IssueAttempt =
  | { ok: true; issued: IssuedTicket; keepIssuing: boolean }
  /**
   * No ticket to show. `unconfirmed`: the hub may have issued one, but the kiosk gave up asking
   * (see MAX_PENDING_MS); the screen must then not say that no number was issued.
   */
  | {
      ok: false;
      code: string;
      message: Text;
      unconfirmed: boolean;
      /** The hub's details of a refusal (a check-in refused early carries `opensAt`). */
      details?: Record<string, unknown>;
    };

/** What the flow needs from the hub client: a LuotClient, or a fake in unit tests. */
export interface IssueClient {
  issue: LuotClient['issue'];
  reportPrinter: LuotClient['reportPrinter'];
  readonly status: ConnectionStatus;
  on(kind: 'status', fn: (s: ConnectionStatus) => void): () => void;
  readonly snapshot: Snapshot | null;
  readonly device: { id: string } | null;
}

export interface IssuePayload {
  service: string;
  priority: string | null;
  locale: 'vi' | 'en';
  print: boolean;
}

/**
 * An issue request whose outcome the kiosk does not know yet. Resent as is (same id, same payload)
 * until the hub answers: the hub replays its stored answer, so this never makes a second ticket.
 */
export interface PendingIssue {
  requestId: string;
  payload: IssuePayload;
  /** When the citizen tapped (kiosk clock, ms). */
  since: number;
}

/** Where the pending request survives a reload of the page (sessionStorage in the app). */
export interface PendingStore {
  load(): PendingIssue | null;
  save(p: PendingIssue): void;
  clear(): void;
}

export interface IssueDeps {
  client: IssueClient;
  /** `window.luotKiosk` in the Electron shell; null in a browser (the hub prints). */
  bridge: LuotKioskApi | null;
  locale: 'vi' | 'en';
  /** Browser kiosks: go on issuing after a printer failure (the Electron shell decides for itself). */
  keepIssuing: boolean;
  /** Keeps the request in flight across a reload; none in unit tests that do not need it. */
  pending?: PendingStore;
  /** Called once when the outcome becomes unknown: the screen says "confirming your number". */
  onUnknown?: () => void;
  /** Pause before each resend of a request whose outcome is unknown. */
  retryMs?: number;
}

/** Stop resending after this long: well inside the hub's 48 h replay window, long after the citizen left. */
export const MAX_PENDING_MS = 2 * 3600_000;
const RETRY_MS = 1000;

/** Messages for the citizen when nothing could be issued; the hub's own wording otherwise. */
const NOT_REACHED: Text = {
  vi: 'Chưa cấp được số vì mất kết nối tới máy chủ. Vui lòng thử lại sau giây lát hoặc liên hệ cán bộ hướng dẫn.',
  en: 'No number was issued: the kiosk lost its connection to the server. Please try again shortly or ask a member of staff.',
};

const UNCONFIRMED: Text = {
  vi: 'Kiosk chưa nhận được xác nhận từ máy chủ, số thứ tự có thể đã được cấp. Vui lòng liên hệ cán bộ hướng dẫn trước khi lấy số mới.',
  en: 'The kiosk got no confirmation from the server; a number may have been issued. Please ask a member of staff before taking another number.',
};

const PRINT_CRASHED: Text = { vi: 'Máy in gặp lỗi', en: 'The printer has an error' };

export async function issueTicket(
  deps: IssueDeps,
  service: string,
  priority: string | null,
): Promise<IssueAttempt> {
  const pending: PendingIssue = {
    requestId: newRequestId('kiosk'),
    payload: { service, priority, locale: deps.locale, print: !deps.bridge },
    since: Date.now(),
  };
  // Kept before sending: a reload while the request is out must not forget it.
  deps.pending?.save(pending);
  return settle(deps, issueRequest(deps, pending), false);
}

/** What the check-in needs of the hub client besides issuing: sending `booking.checkIn`. */
export interface CheckInClient extends IssueClient {
  send: LuotClient['send'];
}

/**
 * A booked citizen checks in with their code (typed or scanned): the hub issues a number of the
 * service's series, marked with the booking, and it is printed like any ticket. The same
 * retry-safe loop as a tap on a tile: one request id until the outcome is known, so a lost answer
 * never makes a second number. Not kept across a reload: the code is scanned again, and the hub
 * answers a second check-in of the same booking with ALREADY_CHECKED_IN.
 */
export function checkInBooking(
  deps: IssueDeps & { client: CheckInClient },
  code: string,
): Promise<IssueAttempt> {
  const requestId = newRequestId('checkin');
  const payload = { code, locale: deps.locale, print: !deps.bridge };
  return settle(
    deps,
    {
      requestId,
      since: Date.now(),
      locale: deps.locale,
      send: async () => (await deps.client.send('booking.checkIn', payload, { requestId })).result,
      forget: () => undefined,
    },
    false,
  );
}

/** One request whose outcome `settle` finds out: how to (re)send it, and what to forget once known. */
interface Outstanding {
  requestId: string;
  /** When the citizen tapped (kiosk clock, ms). */
  since: number;
  locale: 'vi' | 'en';
  send: () => Promise<IssueResult>;
  /** Drop the copy kept for a reload. */
  forget: () => void;
}

function issueRequest(deps: IssueDeps, pending: PendingIssue): Outstanding {
  return {
    requestId: pending.requestId,
    since: pending.since,
    locale: pending.payload.locale,
    // A replayed answer carries `printed: null`: the hub prints only the first time.
    send: async () => (await deps.client.issue(pending.payload, pending.requestId)).result,
    forget: () => deps.pending?.clear(),
  };
}

/**
 * After a reload: the request the page was waiting for, if any. Null too when it is too old to
 * resend safely (the citizen has long gone); it is then forgotten.
 */
export function pendingIssue(store: PendingStore): PendingIssue | null {
  const pending = store.load();
  if (pending && Date.now() - pending.since > MAX_PENDING_MS) {
    store.clear();
    return null;
  }
  return pending;
}

/** Finish that request. The page may have sent it before it reloaded: the outcome is unknown from the start. */
export function resumeIssue(deps: IssueDeps, pending: PendingIssue): Promise<IssueAttempt> {
  return settle(deps, issueRequest(deps, pending), true);
}

/**
 * Send with one request id until the outcome is known. After a TIMEOUT, or a connection lost once
 * the request had left, the hub may already have issued (and printed) the ticket: the kiosk says
 * it is confirming the number and resends the same id once the hub is back, and the hub answers
 * with that same ticket (`replayed: true`). "No number was issued" only when it surely was not:
 * the hub refused, or the request never left the kiosk.
 */
async function settle(deps: IssueDeps, request: Outstanding, maybeSent: boolean): Promise<IssueAttempt> {
  let sent = maybeSent;
  let told = false;
  const unknown = () => {
    if (told) return;
    told = true;
    deps.onUnknown?.();
  };
  let result: IssueResult;
  for (;;) {
    if (sent) unknown();
    try {
      result = await request.send();
      break;
    } catch (e) {
      const code = errorCode(e);
      if (code === 'TIMEOUT' || (code === 'OFFLINE' && wasSent(e))) sent = true;
      if (code !== 'TIMEOUT' && code !== 'OFFLINE') {
        // The hub answered: it stores only successes, so a refusal means nothing under this id.
        request.forget();
        const details = (e as { details?: Record<string, unknown> }).details;
        return {
          ok: false,
          code,
          message: hubMessage(e),
          unconfirmed: false,
          ...(details ? { details } : {}),
        };
      }
      if (!sent) {
        request.forget();
        return { ok: false, code: 'OFFLINE', message: NOT_REACHED, unconfirmed: false };
      }
      unknown();
      const remaining = request.since + MAX_PENDING_MS - Date.now();
      if (remaining <= 0 || !(await waitOnline(deps.client, remaining))) {
        request.forget();
        return { ok: false, code, message: UNCONFIRMED, unconfirmed: true };
      }
      await delay(deps.retryMs ?? RETRY_MS);
    }
  }
  request.forget();
  const printed = deps.bridge
    ? await printLocally(deps, deps.bridge, result, request.locale)
    : hubPrinted(deps, result);
  return { ok: true, issued: { result, print: printed.print }, keepIssuing: printed.keepIssuing };
}

/** The client marks an error with the request id when the request had left the kiosk. */
function wasSent(e: unknown): boolean {
  return !!(e as { details?: { requestId?: unknown } }).details?.requestId;
}

function hubMessage(e: unknown): Text {
  return (e as { messages?: Text }).messages ?? ERROR_MESSAGES.INTERNAL;
}

function errorCode(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'INTERNAL';
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
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

const PENDING_KEY = 'luot.kiosk.pendingIssue';

/** The pending request in sessionStorage: it survives a reload of the page, not a new session. */
export function sessionPendingStore(given?: Storage): PendingStore {
  let storage: Storage | undefined = given;
  try {
    storage ??= globalThis.sessionStorage;
  } catch {
    // Storage blocked: the request is still resent while the page lives.
  }
  return {
    load() {
      try {
        const raw = storage?.getItem(PENDING_KEY);
        return raw ? parsePending(JSON.parse(raw)) : null;
      } catch {
        return null;
      }
    },
    save(p) {
      try {
        storage?.setItem(PENDING_KEY, JSON.stringify(p));
      } catch {
        // No storage (private mode, quota): the request is still resent while the page lives.
      }
    },
    clear() {
      try {
        storage?.removeItem(PENDING_KEY);
      } catch {
        // As above.
      }
    },
  };
}

function parsePending(v: unknown): PendingIssue | null {
  const p = v as Partial<PendingIssue> | null;
  const payload = p?.payload as Partial<IssuePayload> | undefined;
  if (
    !p ||
    typeof p.requestId !== 'string' ||
    typeof p.since !== 'number' ||
    !payload ||
    typeof payload.service !== 'string' ||
    !(typeof payload.priority === 'string' || payload.priority === null) ||
    (payload.locale !== 'vi' && payload.locale !== 'en') ||
    typeof payload.print !== 'boolean'
  ) {
    return null;
  }
  return {
    requestId: p.requestId,
    since: p.since,
    payload: {
      service: payload.service,
      priority: payload.priority,
      locale: payload.locale,
      print: payload.print,
    },
  };
}

/** Browser kiosk: the hub printed before answering (and recorded any fault for supervisors). */
function hubPrinted(deps: IssueDeps, result: IssueResult): { print: PrintOutcome; keepIssuing: boolean } {
  const p = result.printed;
  if (p === null) {
    // A replay: the hub printed the first time and recorded the printer's state for this kiosk.
    const id = deps.client.device?.id;
    const known = id ? deps.client.snapshot?.printers[id] : undefined;
    return { print: { kind: 'unknown' }, keepIssuing: known?.ok === false ? deps.keepIssuing : true };
  }
  if (p.ok) return { print: { kind: 'printed', paperNearEnd: p.paperNearEnd }, keepIssuing: true };
  return {
    print: { kind: 'failed', fault: p.fault, reason: p.message, maybePrinted: p.maybePrinted },
    keepIssuing: deps.keepIssuing,
  };
}

/** Electron kiosk: print the same ticket the hub would print, then tell the hub how the printer is. */
async function printLocally(
  deps: IssueDeps,
  bridge: LuotKioskApi,
  result: IssueResult,
  locale: 'vi' | 'en',
): Promise<{ print: PrintOutcome; keepIssuing: boolean }> {
  const config = deps.client.snapshot?.config;
  let r: KioskPrintResult | null = null;
  try {
    if (config) r = await bridge.print(printableTicket(config, result, locale));
  } catch {
    r = null;
  }
  if (!r) {
    reportPrinter(
      deps.client,
      { ok: false, fault: 'unrecoverable', paperNearEnd: false, maybePrinted: true },
      result.ticket.id,
    );
    // The shell failed mid-call: whether the job left is unknown, so the tray is checked first.
    return {
      print: { kind: 'failed', fault: 'unrecoverable', reason: PRINT_CRASHED, maybePrinted: true },
      keepIssuing: true,
    };
  }
  if (r.ok) {
    reportPrinter(deps.client, { ok: true, fault: null, paperNearEnd: r.paperNearEnd }, result.ticket.id);
    return { print: { kind: 'printed', paperNearEnd: r.paperNearEnd }, keepIssuing: true };
  }
  // No printer configured: nothing to report, the screen is the ticket.
  if (r.advice.reportFault === null) {
    return { print: { kind: 'none', message: r.advice.userMessage ?? r.message }, keepIssuing: true };
  }
  const maybePrinted = r.maybePrinted !== false;
  reportPrinter(
    deps.client,
    { ok: false, fault: r.fault, paperNearEnd: false, maybePrinted },
    result.ticket.id,
  );
  return {
    print: { kind: 'failed', fault: r.fault, reason: r.message, maybePrinted },
    keepIssuing: r.advice.keepIssuing,
  };
}

export interface PrinterReport {
  ok: boolean;
  fault: PrinterFault | null;
  paperNearEnd: boolean;
  /** the job had left when the fault came: the ticket may lie in the tray */
  maybePrinted?: boolean;
}

/**
 * Tell the hub how the printer is. A report about a ticket always goes (the hub stores every ticket's
 * print outcome for the day report); a status check alone only when the state changed.
 */
export function reportPrinter(client: IssueClient, p: PrinterReport, ticketId: string | null): void {
  const id = client.device?.id;
  const known = id ? client.snapshot?.printers[id] : undefined;
  const same = known && known.ok === p.ok && known.fault === p.fault && known.paperNearEnd === p.paperNearEnd;
  if (same && ticketId === null) return;
  client.reportPrinter({ ...p, ticketId }).catch(() => {
    // Offline: the next print reports again, since the hub's state still differs.
  });
}
