import { useEffect, useLayoutEffect, useState } from 'react';
import type { LuotClient, ConnectionStatus } from '@luot/client';
import type { Outcome } from '@luot/core';
import { ERROR_MESSAGES, type ErrorCode, type Snapshot } from '@luot/protocol';
import { pick, useHubNow, type Locale } from '@luot/ui';
import { counterView, type CallBlocker, type CounterView } from '../counter-view.js';
import { useLatest, useRunner, useText, useToast, useTransferNotes } from '../hooks.js';
import { pauseReasonLabel } from '../reasons.js';
import { actionForKey, isFunctionKey, shortcutGate, typesText, type ShortcutAction } from '../shortcuts.js';
import type { TextKey } from '../text.js';
import { ActionBar } from './ActionBar.js';
import { CallTicketDialog } from './CallTicketDialog.js';
import { ErrorAlert } from './common.js';
import { ConfirmCloseDialog } from './ConfirmCloseDialog.js';
import { ConfirmNoShowDialog } from './ConfirmNoShowDialog.js';
import { CurrentTicket } from './CurrentTicket.js';
import { FinishDialog } from './FinishDialog.js';
import { Header } from './Header.js';
import { HelpOverlay } from './HelpOverlay.js';
import { PauseDialog } from './PauseDialog.js';
import { SidePanel } from './SidePanel.js';
import { TransferDialog, type TransferTarget } from './TransferDialog.js';

type DialogKind = 'finish' | 'transfer' | 'pause' | 'callTicket' | 'close' | 'signOut' | 'help' | 'noShow';

/** How long a no-show can be undone from the terminal, on the hub's clock. */
export const UNDO_MS = 10_000;

const BLOCKER_TEXT: Record<Exclude<CallBlocker, 'busy' | 'queue_empty'>, TextKey> = {
  offline: 'blockOffline',
  closed_by_supervisor: 'blockSupervisor',
  closed_at_level: 'blockLevel',
  paused: 'blockPaused',
  not_open: 'blockNotOpen',
};

/** The signed-in officer's terminal: the ticket in hand, the actions, and the queue beside them. */
export function Workspace({
  client,
  snapshot,
  status,
  counter,
  onLocale,
}: {
  client: LuotClient;
  snapshot: Snapshot;
  status: ConnectionStatus;
  counter: number;
  onLocale: (l: Locale) => void;
}) {
  const { t, locale } = useText();
  const runner = useRunner();
  const notes = useTransferNotes(client);
  // After each action the hub carried out, a short message that it did ("Đã mời số C001."), so the
  // officer knows the key or tap was taken without reading the whole screen again.
  const { toast, show: showToast } = useToast();
  const [dialog, setDialog] = useState<DialogKind | null>(null);
  // The last ticket this terminal skipped, and when (the hub's time), for "Hoàn tác".
  const [skipped, setSkipped] = useState<{ id: string; number: string; at: number } | null>(null);
  // A visit here that the citizen rated. The officer sees that a rating arrived, never its level:
  // a rating the officer reads at once is one the citizen feels watched giving.
  useEffect(
    () =>
      client.on('events', (events, live) => {
        if (!live) return; // replayed after a reconnection: old news, not worth a message now
        for (const { event: e } of events) {
          const tk = e.type === 'ticket.rated' ? client.snapshot?.state.tickets[e.ticketId] : undefined;
          if (tk && e.type === 'ticket.rated' && e.score !== null && tk.counter === counter)
            showToast('ratingReceived', { number: tk.number });
        }
      }),
    [client, counter, showToast],
  );
  // Re-rendered every second: the live "time since called" counts by the hub's clock.
  const hubNow = useHubNow(client, 1000);
  const online = status === 'online';
  const { config, state } = snapshot;
  const view = counterView(config, state, counter, hubNow, online, 9);

  // A dialog about the ticket in hand closes when the hub says there is none (finished elsewhere,
  // cancelled by the supervisor…): at once for this render and the keys, and in state just after,
  // so it never pops up again over the next citizen.
  const ticketId = view?.ticket?.id ?? null;
  const aboutTicket = (d: DialogKind | null) => d === 'finish' || d === 'transfer' || d === 'noShow';
  const openDialog = aboutTicket(dialog) && !ticketId ? null : dialog;
  useEffect(() => {
    if (!ticketId) setDialog((d) => (aboutTicket(d) ? null : d));
  }, [ticketId]);

  // Back online: a refusal for being offline no longer holds.
  const { error, clearError } = runner;
  const stale = online && (error?.code === 'OFFLINE' || error?.code === 'TIMEOUT');
  useEffect(() => {
    if (stale) clearError();
  }, [stale, clearError]);

  const open = (d: DialogKind) => {
    runner.clearError();
    setDialog(d);
  };
  const refuse = (code: ErrorCode) => runner.setError({ code, messages: ERROR_MESSAGES[code] });
  // Close the dialog that sent the command, not whatever is open when the hub answers: the event
  // that ends a visit arrives before the answer, and the officer may already be in the next dialog.
  const closes = (kind: DialogKind) => (ok: boolean) => {
    if (ok) setDialog((d) => (d === kind ? null : d));
  };

  const perform = (a: ShortcutAction, v: CounterView) => {
    if (a === 'help') return setDialog((d) => (d === 'help' ? null : 'help'));
    switch (a) {
      case 'callNext':
        return void runner.run(a, async () => {
          const { result } = await client.callNext();
          if (result.ticket) showToast('toastCalled', { number: result.ticket.number });
        });
      case 'recall':
        return void runner.run(a, async () => {
          const { result } = await client.recall();
          if (result.ticket) showToast('toastRecalled', { number: result.ticket.number });
        });
      case 'startServing':
        return void runner.run(a, () => client.startServing());
      case 'noShow':
        // A question first: skipping is the end of the citizen's turn (ConfirmNoShowDialog).
        if (!v.ticket) return;
        return open('noShow');
      case 'pause':
        if (v.counter.status === 'paused') return void runner.run('pause', () => client.resume());
        break;
    }
    // The rest open a dialog: say at once when it cannot end well.
    if (!online) return refuse('OFFLINE');
    if ((a === 'finish' || a === 'transfer') && !v.ticket) return refuse('NO_TICKET_IN_HAND');
    if ((a === 'pause' || a === 'callTicket') && v.ticket) return refuse('COUNTER_BUSY');
    open(a === 'finish' ? 'finish' : a === 'transfer' ? 'transfer' : a === 'pause' ? 'pause' : 'callTicket');
  };

  const latest = useLatest({ view, dialog: openDialog, perform, pending: runner.pending, online });
  useLayoutEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // Every F-key first, held or not, dialog or not: F5 would reload the terminal, F1 open the
      // browser's help, F10–F12 reach the menu, full screen or developer tools.
      if (isFunctionKey(e.key)) e.preventDefault();
      const { view: v, dialog: d, perform: act, pending, online: on } = latest.current;
      if (!v || d !== null || e.repeat) return; // dialogs handle their own keys
      const target = e.target instanceof HTMLElement ? e.target : null;
      if (target?.closest('input, textarea, select') && typesText(e.key)) return;
      if (e.key === 'Enter' && target?.closest('button, a')) return; // Enter presses a focused button
      const status = v.ticket?.status === 'called' || v.ticket?.status === 'serving' ? v.ticket.status : null;
      const action = actionForKey(e, status);
      if (!action) return;
      e.preventDefault();
      // The same guards as the buttons: nothing while a command is in flight, nothing not allowed.
      const gate = shortcutGate(action, {
        can: v.can,
        paused: v.counter.status === 'paused',
        online: on,
        pending,
      });
      if (gate === 'ignore') return;
      act(action, v);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [latest]);

  if (!view) return null;
  const officer = view.counter.officer;
  const blocker = view.callBlocker;
  const pauseReason = pick(pauseReasonLabel(view.counter.pauseReason) ?? undefined, locale);
  const inDialog = openDialog !== null && openDialog !== 'help';
  const undoable = skipped && hubNow < skipped.at + UNDO_MS ? skipped : null;
  // Undo puts the ticket back into its line (the queue's reactivation rule) and, when this counter
  // is still free, calls it again at once: the citizen who was there after all is back in hand.
  const undo = (s: { id: string }) =>
    void runner.run('undo', async () => {
      setSkipped(null);
      await client.reactivate(s.id);
      if (!client.snapshot?.state.counters[counter]?.current) await client.callTicket(s.id);
    });
  const callTicket = (id: string) =>
    runner.run('callTicket', async () => {
      const { result } = await client.callTicket(id);
      if (result.ticket) showToast('toastCalled', { number: result.ticket.number });
    });
  // "sang lĩnh vực E – Tư pháp – Chứng thực" or "đến quầy số 6": where the citizen was sent.
  const transferred = (number: string, to: TransferTarget) => {
    if (to.toCounter) return showToast('toastToCounter', { number, counter: to.toCounter });
    const svc = config.services.find((s) => s.prefix === to.toService);
    const service = svc ? `${svc.prefix} – ${pick(svc.name, locale)}` : (to.toService ?? '');
    showToast('toastToService', { number, service });
  };
  const stillHeld = view.ticket && (runner.error?.code === 'OFFLINE' || runner.error?.code === 'TIMEOUT');
  // One notice about the lost connection is enough: the refusal, when there is one, says it.
  const offlineShown = blocker === 'offline' && runner.error?.code === 'OFFLINE' && !inDialog;

  return (
    <div className="workspace" data-connection={status}>
      <Header
        config={config}
        view={view}
        level={state.level}
        online={online}
        canSignOut={view.can.signOut}
        onLocale={onLocale}
        onHelp={() => setDialog('help')}
        onSignOut={() => open('signOut')}
        onClose={() => open('close')}
      />
      <main className="main">
        <div className="work">
          {blocker && blocker !== 'busy' && blocker !== 'queue_empty' && !offlineShown && (
            <div
              className={`alert ${blocker === 'paused' ? 'alert-paused' : 'alert-warn'}`}
              role="status"
              data-blocker={blocker}
            >
              {blocker === 'closed_by_supervisor' && view.counter.closedReason
                ? t('blockSupervisorReason', { reason: view.counter.closedReason })
                : t(BLOCKER_TEXT[blocker], { level: state.level, reason: pauseReason })}
            </div>
          )}
          {!inDialog && (
            <ErrorAlert
              error={runner.error}
              onDismiss={runner.clearError}
              extra={stillHeld ? <span className="alert-sub">{t('stillHeld')}</span> : undefined}
            />
          )}
          <CurrentTicket
            view={view}
            config={config}
            hubNow={hubNow}
            note={view.ticket ? notes.get(view.ticket.id) : undefined}
            calls={view.ticket?.callsHere ?? 0}
          />
          {/* Where the citizen is: on the way while called, at the counter only once serving starts. */}
          {blocker === 'busy' && view.ticket && (
            <p className="hint" data-testid="busy-hint">
              {view.ticket.status === 'serving'
                ? t('blockServing')
                : t('blockCalling', { number: view.ticket.number })}
            </p>
          )}
          {blocker === 'queue_empty' && <p className="hint">{t('blockEmpty')}</p>}
          <ActionBar view={view} pending={runner.pending} onAction={(a) => perform(a, view)} />
          {/* One message at a time: "Hoàn tác" matters more than what happened just before. */}
          {toast && !undoable && (
            <div className="toast toast-info" role="status" data-testid="toast" key={toast.key}>
              {t(toast.text, toast.params)}
            </div>
          )}
          {undoable && (
            <div className="toast" role="status" data-testid="undo-toast">
              <span>{t('skippedToast', { number: undoable.number })}</span>
              <button
                type="button"
                className="btn btn-ghost"
                onClick={() => undo(undoable)}
                disabled={runner.pending !== null}
              >
                {t('undo')} ({Math.max(1, Math.ceil((undoable.at + UNDO_MS - hubNow) / 1000))} s)
              </button>
            </div>
          )}
        </div>
        {officer && (
          <SidePanel
            view={view}
            state={state}
            officerId={officer.id}
            hubNow={hubNow}
            pending={runner.pending}
            onCall={(id) => void callTicket(id)}
            config={config}
            online={online}
            onReactivate={(id) => void runner.run('reactivate', () => client.reactivate(id))}
            client={client}
          />
        )}
      </main>

      {openDialog === 'finish' && view.ticket && (
        <FinishDialog
          ticket={view.ticket}
          today={state.day}
          sessions={config.sessions}
          error={runner.error}
          busy={runner.pending !== null}
          onClose={() => setDialog(null)}
          onConfirm={(outcome: Outcome) =>
            void runner
              .run('finish', async () => {
                const { result } = await client.finish(outcome);
                if (result.ticket) showToast('toastFinished', { number: result.ticket.number });
              })
              .then(closes('finish'))
          }
        />
      )}
      {openDialog === 'transfer' && view.ticket && (
        <TransferDialog
          config={config}
          state={state}
          ticket={view.ticket}
          counter={counter}
          error={runner.error}
          busy={runner.pending !== null}
          onClose={() => setDialog(null)}
          onConfirm={(to: TransferTarget) =>
            void runner
              .run('transfer', async () => {
                const { result } = await client.transfer(to);
                if (result.ticket) transferred(result.ticket.number, to);
              })
              .then(closes('transfer'))
          }
        />
      )}
      {openDialog === 'pause' && (
        <PauseDialog
          error={runner.error}
          busy={runner.pending !== null}
          onClose={() => setDialog(null)}
          onConfirm={(reason) => void runner.run('pause', () => client.pause(reason)).then(closes('pause'))}
        />
      )}
      {openDialog === 'callTicket' && (
        <CallTicketDialog
          config={config}
          tickets={view.next}
          all={state.tickets}
          error={runner.error}
          busy={runner.pending !== null}
          onClose={() => setDialog(null)}
          onCall={(tk) => void callTicket(tk.id).then(closes('callTicket'))}
        />
      )}
      {/* Closing for the day and signing out ask the same question: who is left waiting with no counter. */}
      {(openDialog === 'close' || openDialog === 'signOut') && (
        <ConfirmCloseDialog
          kind={openDialog === 'close' ? 'close' : 'signOut'}
          config={config}
          state={state}
          counter={counter}
          error={runner.error}
          busy={runner.pending !== null}
          onClose={() => setDialog(null)}
          onConfirm={() =>
            void runner.run(openDialog, () => client.signOut(openDialog === 'close')).then(closes(openDialog))
          }
        />
      )}
      {openDialog === 'noShow' && view.ticket && (
        <ConfirmNoShowDialog
          ticket={view.ticket}
          error={runner.error}
          busy={runner.pending !== null}
          onClose={() => setDialog(null)}
          onConfirm={() =>
            void runner
              .run('noShow', async () => {
                const { result } = await client.noShow();
                const tk = result.ticket;
                if (tk?.status === 'no_show')
                  setSkipped({ id: tk.id, number: tk.number, at: tk.finishedAt ?? client.now() });
              })
              .then(closes('noShow'))
          }
        />
      )}
      {openDialog === 'help' && <HelpOverlay onClose={() => setDialog(null)} />}
    </div>
  );
}
