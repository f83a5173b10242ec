import type { ConnectionStatus } from '@luot/client';
import { printableTicket, type IssueResult, type PrinterState } from '@luot/protocol';
import { describe, expect, it } from 'vitest';
import type { KioskPrintResult, LuotKioskApi, PrintResult, TicketPrintData } from '../electron/api';
import { issueTicket, type IssueClient } from '../src/kiosk/issue';
import { issue, run, snapshot } from './fixtures';

/** What the hub answers: a ticket issued on the fixture's day. */
function issueResult(printed: IssueResult['printed'] = null): IssueResult {
  const s = run(snapshot(), issue('C'));
  const ticket = Object.values(s.state.tickets)[0]!;
  return {
    ticket,
    token: 'tok-1234567890',
    url: 'http://hub/t/tok-1234567890',
    estimate: { peopleAhead: 0, counters: 1, serviceMinutes: 8, minutes: 0 },
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

/** A hub client that answers each issue with the next scripted reply, and records what was sent. */
function fakeClient(replies: Array<IssueResult | Error>, printers: Record<string, PrinterState> = {}) {
  const sent: Array<{ payload: unknown; requestId: string | undefined }> = [];
  const reports: unknown[] = [];
  const statusListeners = new Set<(s: ConnectionStatus) => void>();
  const client: FakeClient = {
    status: 'online',
    device: { id: 'kiosk-1' },
    snapshot: { ...snapshot(), printers },
    async issue(payload, requestId) {
      sent.push({ payload, requestId });
      const reply = replies.shift();
      if (!reply) throw new Error('no scripted reply');
      if (reply instanceof Error) throw reply;
      return { ok: true, seq: 1, result: reply, replayed: false };
    },
    async reportPrinter(p) {
      reports.push(p);
      return { ok: true, seq: 2, result: null, replayed: false };
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
  return { client, sent, reports };
}

const browser = (client: IssueClient, keepIssuing = true) => ({
  client,
  bridge: null,
  locale: 'vi' as const,
  keepIssuing,
});

describe('issueTicket in a browser (the hub prints)', () => {
  it('asks the hub to print and reports what the printer did', async () => {
    const { client, sent } = fakeClient([issueResult({ ok: true, paperNearEnd: false })]);
    const r = await issueTicket(browser(client), 'C', null);
    expect(sent[0]!.payload).toEqual({ service: 'C', priority: null, locale: 'vi', print: true });
    expect(r).toMatchObject({ ok: true, keepIssuing: true, issued: { print: { kind: 'printed' } } });
  });

  it('keeps the number when the printer failed, and follows the keepIssuing setting', async () => {
    const failed = {
      ok: false as const,
      fault: 'paper_end',
      message: { vi: 'Máy in hết giấy', en: 'Out of paper' },
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
    client.status = 'offline';
    const pending = issueTicket({ ...browser(client), reconnectMs: 5000 }, 'C', null);
    await new Promise((r) => setTimeout(r, 10));
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
      'kiosk-1': { device: 'kiosk-1', ok: false, fault: 'cover_open', paperNearEnd: false, at: 0 },
    };
    const again = fakeClient([issueResult()], known);
    await issueTicket({ client: again.client, bridge: b.api, locale: 'vi', keepIssuing: true }, 'C', null);
    expect(again.reports).toEqual([]);
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
