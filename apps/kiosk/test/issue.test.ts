import type { ConnectionStatus } from '@luot/client';
import { printableTicket } from '@luot/printer/printable';
import type { IssueResult, PrinterState } from '@luot/protocol';
import { describe, expect, it } from 'vitest';
import type { KioskPrintResult, LuotKioskApi, PrintResult, TicketPrintData } from '../electron/api';
import {
  issueTicket,
  MAX_PENDING_MS,
  pendingIssue,
  resumeIssue,
  sessionPendingStore,
  type IssueClient,
  type PendingIssue,
} from '../src/kiosk/issue';
import { initialKioskState, kioskReducer, type KioskAction, type Screen } from '../src/kiosk/screens';
import { KIOSK_TEXTS } from '../src/kiosk/texts';
import { issue, run, snapshot } from './fixtures';

/** What the hub answers: a ticket issued on the fixture's day. */
function issueResult(printed: IssueResult['printed'] = null): IssueResult {
  const s = run(snapshot(), issue('C'));
  const ticket = Object.values(s.state.tickets)[0]!;
  return {
    ticket,
    token: 'tok-1234567890',
    url: 'http://hub/t/tok-1234567890',
    estimate: { peopleAhead: 0, counters: 1, serviceMinutes: 8, minutes: 0, range: [0, 5] },
    counters: [5],
    entryPlace: null,
    printed,
  };
}

const error = (code: string, details?: Record<string, unknown>) =>
  Object.assign(new Error(code), { code, messages: { vi: `vi ${code}`, en: `en ${code}` }, details });

type FakeClient = Omit<IssueClient, 'status'> & {
  status: ConnectionStatus;
  setStatus(s: ConnectionStatus): void;
};

/** The hub carried out the request but its answer never came back (then maybe the link dropped). */
interface LostAnswer {
  lost: IssueResult;
  error: Error;
  thenOffline?: boolean;
}

/**
 * A hub client that answers each issue with the next scripted reply, and records what was sent.
 * Like the hub, it keeps the answer to every request it carried out and replays it for the same
 * request id (`printed: null`, `replayed: true`); like LuotClient, it sends nothing while offline.
 */
function fakeClient(
  replies: Array<IssueResult | Error | LostAnswer>,
  printers: Record<string, PrinterState> = {},
) {
  const sent: Array<{ payload: unknown; requestId: string | undefined }> = [];
  const acks: Array<{ requestId: string | undefined; replayed: boolean }> = [];
  const reports: unknown[] = [];
  const answered = new Map<string, IssueResult>();
  const statusListeners = new Set<(s: ConnectionStatus) => void>();
  const client: FakeClient = {
    status: 'online',
    device: { id: 'kiosk-1' },
    snapshot: { ...snapshot(), printers },
    async issue(payload, requestId) {
      if (client.status !== 'online') throw error('OFFLINE');
      sent.push({ payload, requestId });
      const stored = requestId ? answered.get(requestId) : undefined;
      if (stored) {
        acks.push({ requestId, replayed: true });
        return { ok: true, seq: 1, result: { ...stored, printed: null }, replayed: true };
      }
      const reply = replies.shift();
      if (!reply) throw new Error('no scripted reply');
      if (reply instanceof Error) throw reply;
      if ('lost' in reply) {
        if (requestId) answered.set(requestId, reply.lost);
        if (reply.thenOffline) client.setStatus('offline');
        throw reply.error;
      }
      if (requestId) answered.set(requestId, reply);
      acks.push({ requestId, replayed: false });
      return { ok: true, seq: 1, result: reply, replayed: false };
    },
    async reportPrinter(p) {
      reports.push(p);
      return { ok: true, seq: 2, result: { recorded: true }, replayed: false };
    },
    on(_kind, fn) {
      statusListeners.add(fn);
      return () => statusListeners.delete(fn);
    },
    setStatus(s) {
      client.status = s;
      for (const fn of statusListeners) fn(s);
    },
  };
  return { client, sent, acks, reports };
}

/** sessionStorage as the kiosk uses it, in memory. */
function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, v),
  };
}

const browser = (client: IssueClient, keepIssuing = true) => ({
  client,
  bridge: null,
  locale: 'vi' as const,
  keepIssuing,
  retryMs: 0,
});

const tick = () => new Promise((r) => setTimeout(r, 10));

describe('issueTicket in a browser (the hub prints)', () => {
  it('asks the hub to print and reports what the printer did', async () => {
    const { client, sent } = fakeClient([issueResult({ ok: true, paperNearEnd: false })]);
    const r = await issueTicket(browser(client), 'C', null);
    expect(sent[0]!.payload).toEqual({ service: 'C', priority: null, locale: 'vi', print: true });
    expect(r).toMatchObject({ ok: true, keepIssuing: true, issued: { print: { kind: 'printed' } } });
  });

  it('says "may have printed" when the fault came after the job was sent', async () => {
    const late = {
      ok: false as const,
      fault: 'paper_end' as const,
      message: { vi: 'Máy in hết giấy', en: 'Out of paper' },
      maybePrinted: true,
    };
    const r = await issueTicket(browser(fakeClient([issueResult(late)]).client), 'C', null);
    expect(r).toMatchObject({
      ok: true,
      issued: { print: { kind: 'failed', fault: 'paper_end', maybePrinted: true } },
    });
  });

  it('keeps the number when the printer failed, and follows the keepIssuing setting', async () => {
    const failed = {
      ok: false as const,
      fault: 'paper_end' as const,
      message: { vi: 'Máy in hết giấy', en: 'Out of paper' },
      maybePrinted: false,
    };
    const keep = await issueTicket(browser(fakeClient([issueResult(failed)]).client), 'C', null);
    expect(keep).toMatchObject({
      ok: true,
      keepIssuing: true,
      issued: { print: { kind: 'failed', fault: 'paper_end', reason: failed.message } },
    });
    const stop = await issueTicket(browser(fakeClient([issueResult(failed)]).client, false), 'C', null);
    expect(stop).toMatchObject({ ok: true, keepIssuing: false });
  });

  it('retries a TIMEOUT with the same request id, so the hub never issues twice', async () => {
    const { client, sent } = fakeClient([error('TIMEOUT'), issueResult(null)]);
    const r = await issueTicket(browser(client), 'C', 'elderly');
    expect(sent).toHaveLength(2);
    expect(sent[0]!.requestId).toMatch(/^kiosk-/);
    expect(sent[1]!.requestId).toBe(sent[0]!.requestId);
    // A replayed answer: the hub printed (or not) the first time; the screen says what to do if not.
    expect(r).toMatchObject({ ok: true, issued: { print: { kind: 'unknown' } } });
  });

  it('waits for the hub when the connection dropped after the request left, then retries it', async () => {
    const { client, sent } = fakeClient([error('OFFLINE', { requestId: 'x' }), issueResult(null)]);
    const pending = issueTicket(browser(client), 'C', null);
    client.status = 'offline';
    await tick();
    client.setStatus('online');
    expect(await pending).toMatchObject({ ok: true });
    expect(sent[1]!.requestId).toBe(sent[0]!.requestId);
  });

  it('issues nothing while offline, and passes on the hub’s refusals', async () => {
    const offline = fakeClient([error('OFFLINE')]);
    const r = await issueTicket(browser(offline.client), 'C', null);
    expect(offline.sent).toHaveLength(1);
    expect(r).toMatchObject({ ok: false, code: 'OFFLINE' });
    expect(r.ok || r.message.vi).toMatch(/^Chưa cấp được số vì mất kết nối/);

    const refused = await issueTicket(browser(fakeClient([error('DAILY_CAP_REACHED')]).client), 'C', null);
    expect(refused).toEqual({
      ok: false,
      code: 'DAILY_CAP_REACHED',
      message: { vi: 'vi DAILY_CAP_REACHED', en: 'en DAILY_CAP_REACHED' },
      unconfirmed: false,
    });
  });
});

describe('an issue whose outcome is unknown (K1)', () => {
  it('confirms the same ticket after a TIMEOUT and a lost connection, never saying "no number"', async () => {
    const ticket = issueResult({ ok: true, paperNearEnd: false });
    // The hub issues (and prints) the ticket, the answer is lost, the link drops; once it is back the
    // first resend still finds the socket down (nothing sent), the next one reaches the hub.
    const { client, sent, acks } = fakeClient([
      { lost: ticket, error: error('TIMEOUT', { requestId: 'x' }), thenOffline: true },
      error('OFFLINE'),
    ]);
    const storage = memoryStorage();
    const store = sessionPendingStore(storage);
    let state = kioskReducer(initialKioskState, { type: 'issue', service: 'C' });
    const screens: Screen[] = [state.screen];
    const dispatch = (a: KioskAction) => {
      state = kioskReducer(state, a);
      screens.push(state.screen);
    };
    const deps = { ...browser(client), pending: store, onUnknown: () => dispatch({ type: 'confirming' }) };
    const attempt = issueTicket(deps, 'C', null);

    await tick();
    expect(state.screen).toMatchObject({ name: 'issuing', confirming: true });
    // Kept for a reload, under the id that was sent.
    expect(store.load()).toMatchObject({ requestId: sent[0]!.requestId, payload: { service: 'C' } });
    // What that screen (ConfirmingOverlay) says: never the refusal's "no number was issued".
    expect(KIOSK_TEXTS.confirmingTitle).toEqual({
      vi: 'Đang xác nhận số thứ tự…',
      en: 'Confirming your number…',
    });

    client.setStatus('online');
    const r = await attempt;
    if (!r.ok) throw new Error(`expected the ticket, got ${r.code}`);
    dispatch({ type: 'issued', issued: r.issued, keepIssuing: r.keepIssuing });

    // The same request id every time, and the hub's replay of the first answer: the same ticket.
    expect(new Set(sent.map((x) => x.requestId)).size).toBe(1);
    expect(acks).toEqual([{ requestId: sent[0]!.requestId, replayed: true }]);
    expect(r.issued.result.ticket).toEqual(ticket.ticket);
    expect(r.issued.print).toEqual({ kind: 'unknown' });
    expect(state.screen).toMatchObject({ name: 'ticket' });
    expect(screens.some((x) => x.name === 'refused')).toBe(false);
    expect(storage.length).toBe(0);
  });

  it('resends on TIMEOUT for as long as it takes, without a refusal in between', async () => {
    const ticket = issueResult(null);
    const { client, sent } = fakeClient([
      error('TIMEOUT', { requestId: 'x' }),
      error('TIMEOUT', { requestId: 'x' }),
      error('TIMEOUT', { requestId: 'x' }),
      error('TIMEOUT', { requestId: 'x' }),
      ticket,
    ]);
    let unknown = 0;
    const r = await issueTicket({ ...browser(client), onUnknown: () => unknown++ }, 'C', null);
    expect(r).toMatchObject({ ok: true, issued: { result: { ticket: ticket.ticket } } });
    expect(sent).toHaveLength(5);
    expect(new Set(sent.map((x) => x.requestId)).size).toBe(1);
    expect(unknown).toBe(1);
  });

  it('finishes the request after a reload of the page, with the request id it had sent', async () => {
    const ticket = issueResult({ ok: true, paperNearEnd: false });
    const before = fakeClient([
      { lost: ticket, error: error('TIMEOUT', { requestId: 'x' }), thenOffline: true },
    ]);
    const storage = memoryStorage();
    void issueTicket({ ...browser(before.client), pending: sessionPendingStore(storage) }, 'C', 'elderly');
    await tick();
    // The page reloads: a new client, the same session storage; the hub still has its answer.
    const after = fakeClient([]);
    after.client.issue = async (payload, requestId) => {
      after.sent.push({ payload, requestId });
      expect(requestId).toBe(before.sent[0]!.requestId);
      return { ok: true, seq: 1, result: { ...ticket, printed: null }, replayed: true };
    };
    const pending = pendingIssue(sessionPendingStore(storage));
    expect(pending).toMatchObject({
      payload: { service: 'C', priority: 'elderly', locale: 'vi', print: true },
    });
    const r = await resumeIssue(
      { ...browser(after.client), pending: sessionPendingStore(storage) },
      pending!,
    );
    expect(r).toMatchObject({ ok: true, issued: { result: { ticket: ticket.ticket } } });
    expect(after.sent[0]!.payload).toEqual(before.sent[0]!.payload);
    expect(pendingIssue(sessionPendingStore(storage))).toBeNull();
  });

  it('says "no number" only when the hub refused, and "not confirmed" when it gave up', async () => {
    const { client } = fakeClient([error('TIMEOUT', { requestId: 'x' }), error('DAILY_CAP_REACHED')]);
    const refused = await issueTicket(browser(client), 'C', null);
    expect(refused).toMatchObject({ ok: false, code: 'DAILY_CAP_REACHED', unconfirmed: false });

    const old: PendingIssue = {
      requestId: 'kiosk-old',
      payload: { service: 'C', priority: null, locale: 'vi', print: true },
      since: Date.now() - MAX_PENDING_MS - 1,
    };
    const storage = memoryStorage();
    sessionPendingStore(storage).save(old);
    // Too old to resend on a reload: forgotten.
    expect(pendingIssue(sessionPendingStore(storage))).toBeNull();
    const late = await resumeIssue(browser(fakeClient([error('TIMEOUT', { requestId: 'x' })]).client), old);
    expect(late).toMatchObject({ ok: false, unconfirmed: true });
    expect(late.ok || late.message.vi).toMatch(/có thể đã được cấp/);
    const shown = kioskReducer(kioskReducer(initialKioskState, { type: 'issue', service: 'C' }), {
      type: 'refused',
      message: late.ok ? { vi: '', en: '' } : late.message,
      unconfirmed: true,
    });
    expect(shown.screen).toMatchObject({ name: 'refused', unconfirmed: true });
  });

  it('pauses after a replayed issue when the hub knows this kiosk’s printer failed (K3)', async () => {
    const faulty = {
      'kiosk-1': { device: 'kiosk-1', ok: false, fault: 'paper_end' as const, paperNearEnd: false, at: 0 },
    };
    const stop = fakeClient([error('TIMEOUT', { requestId: 'x' }), issueResult(null)], faulty);
    expect(await issueTicket(browser(stop.client, false), 'C', null)).toMatchObject({
      ok: true,
      keepIssuing: false,
    });
    const fine = fakeClient([error('TIMEOUT', { requestId: 'x' }), issueResult(null)]);
    expect(await issueTicket(browser(fine.client, false), 'C', null)).toMatchObject({
      ok: true,
      keepIssuing: true,
    });
  });
});

describe('issueTicket in the Electron shell (the kiosk prints)', () => {
  function bridge(result: PrintResult, advice: Partial<KioskPrintResult['advice']> = {}) {
    const printed: TicketPrintData[] = [];
    const api: LuotKioskApi = {
      isElectron: true,
      async print(ticket) {
        printed.push(ticket);
        return {
          ...result,
          advice: { reportFault: null, paperNearEnd: false, keepIssuing: true, userMessage: null, ...advice },
        } as KioskPrintResult;
      },
      printerStatus: async () => ({
        online: true,
        coverOpen: false,
        paperNearEnd: false,
        paperEnd: false,
        cutterError: false,
        fault: null,
      }),
      getDeviceConfig: async () => ({ deviceId: 'kiosk-1', token: 't', locale: 'vi' }),
    };
    return { api, printed };
  }

  it('prints the ticket the hub would print, without asking the hub to print', async () => {
    const result = issueResult();
    const { client, sent, reports } = fakeClient([result]);
    const b = bridge({ ok: true, bytes: 1000, paperNearEnd: false });
    const r = await issueTicket({ client, bridge: b.api, locale: 'vi', keepIssuing: true }, 'C', null);
    expect(sent[0]!.payload).toMatchObject({ print: false });
    expect(b.printed).toEqual([printableTicket(client.snapshot!.config, result, 'vi')]);
    expect(r).toMatchObject({ ok: true, issued: { print: { kind: 'printed' } } });
    // The hub knew nothing of this printer yet: it is told it works.
    expect(reports).toEqual([{ ok: true, fault: null, paperNearEnd: false, ticketId: result.ticket.id }]);
  });

  it('tells the hub about a fault once, and follows the shell’s advice on issuing', async () => {
    const failure = {
      ok: false as const,
      fault: 'cover_open' as const,
      message: { vi: 'Nắp máy in đang mở', en: 'Cover open' },
      maybePrinted: false,
    };
    const fresh = fakeClient([issueResult()]);
    const b = bridge(failure, { reportFault: 'cover_open', keepIssuing: false });
    const r = await issueTicket(
      { client: fresh.client, bridge: b.api, locale: 'vi', keepIssuing: true },
      'C',
      null,
    );
    expect(r).toMatchObject({
      ok: true,
      keepIssuing: false,
      issued: { print: { kind: 'failed', fault: 'cover_open' } },
    });
    expect(fresh.reports).toMatchObject([{ ok: false, fault: 'cover_open' }]);

    const known = {
      'kiosk-1': { device: 'kiosk-1', ok: false, fault: 'cover_open' as const, paperNearEnd: false, at: 0 },
    };
    // Same state again: the report still goes, for the ticket's print outcome (the hub logs no new state).
    const again = fakeClient([issueResult()], known);
    await issueTicket({ client: again.client, bridge: b.api, locale: 'vi', keepIssuing: true }, 'C', null);
    expect(again.reports).toMatchObject([{ ok: false, fault: 'cover_open', maybePrinted: false }]);
  });

  it('shows the number alone when the kiosk has no printer', async () => {
    const { client, reports } = fakeClient([issueResult()]);
    const userMessage = { vi: 'Kiosk này không in phiếu.', en: 'No printer.' };
    const b = bridge(
      { ok: false, fault: 'offline', message: { vi: 'x', en: 'x' }, maybePrinted: false },
      { userMessage },
    );
    const r = await issueTicket({ client, bridge: b.api, locale: 'vi', keepIssuing: true }, 'C', null);
    expect(r).toMatchObject({ ok: true, issued: { print: { kind: 'none', message: userMessage } } });
    expect(reports).toEqual([]);
  });
});
