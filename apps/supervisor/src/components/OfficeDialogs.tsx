import { useState } from 'react';
import { pick } from '@luot/ui';
import { localMidnight, type Level, type OfficeConfig } from '@luot/core';
import { useAction, useConsole } from '../session.js';
import { useSay } from '../text.js';
import { FormDialog, ReasonField } from './Dialog.js';

/** The distancing level: what each level closes is written beside it, from the configuration. */
export function LevelDialog({
  config,
  level,
  onClose,
}: {
  config: OfficeConfig;
  level: Level;
  onClose: () => void;
}) {
  const { say, locale } = useSay();
  const { client } = useConsole();
  const { run, busy, error } = useAction();
  const [chosen, setChosen] = useState<Level>(level);
  const submit = async () => {
    if (await run(() => client.send('supervisor.setLevel', { level: chosen }))) onClose();
  };
  return (
    <FormDialog
      title={say({ vi: 'Cấp độ giãn cách', en: 'Distancing level' })}
      onClose={onClose}
      onSubmit={() => void submit()}
      ready={chosen !== level}
      busy={busy}
      error={error}
      submitLabel={say({ vi: 'Áp dụng', en: 'Apply' })}
    >
      <fieldset className="choices">
        <legend>{say({ vi: 'Chọn cấp độ', en: 'Choose a level' })}</legend>
        {([1, 2, 3, 4] as const).map((l) => {
          const rules = config.levels[l];
          const cap = config.zones.map((z) => z.capacity[l]).join(' + ');
          return (
            <label key={l}>
              <input type="radio" name="level" checked={chosen === l} onChange={() => setChosen(l)} />
              {say({ vi: 'Cấp độ {l}', en: 'Level {l}' }, { l })} —{' '}
              {say({ vi: 'tối đa {cap} người trong sảnh', en: 'at most {cap} in the hall' }, { cap })}
              {rules.closedCounters.length > 0 &&
                say(
                  { vi: '; đóng quầy {c}', en: '; closes counters {c}' },
                  { c: rules.closedCounters.join(', ') },
                )}
              {rules.note && <small className="muted"> {pick(rules.note, locale)}</small>}
            </label>
          );
        })}
      </fieldset>
    </FormDialog>
  );
}

/** A notice on the wall displays until a time of today (or until cleared). */
export function NoticeDialog({
  current,
  day,
  timeZone,
  onClose,
}: {
  current: string | null;
  /** Today (YYYY-MM-DD) and the office's zone: "until 16:30" is 16:30 of the office's day. */
  day: string;
  timeZone: string;
  onClose: () => void;
}) {
  const { say } = useSay();
  const { client } = useConsole();
  const { run, busy, error } = useAction();
  const [text, setText] = useState(current ?? '');
  const [until, setUntil] = useState('');
  const submit = async () => {
    const t = text.trim();
    const end = until ? untilToday(until, day, timeZone) : null;
    if (await run(() => client.send('supervisor.setNotice', { text: t || null, until: end }))) onClose();
  };
  return (
    <FormDialog
      title={say({ vi: 'Thông báo trên màn hình chung', en: 'Notice on the wall display' })}
      onClose={onClose}
      onSubmit={() => void submit()}
      ready={text.trim() !== '' || current !== null}
      busy={busy}
      error={error}
      submitLabel={
        text.trim() === ''
          ? say({ vi: 'Gỡ thông báo', en: 'Clear the notice' })
          : say({ vi: 'Hiển thị', en: 'Show' })
      }
    >
      <label className="field">
        <span>{say({ vi: 'Nội dung (để trống để gỡ)', en: 'Text (empty clears it)' })}</span>
        <textarea value={text} maxLength={200} rows={3} onChange={(e) => setText(e.target.value)} />
      </label>
      <label className="field inline">
        <span>{say({ vi: 'Hiển thị đến (giờ:phút, tuỳ chọn)', en: 'Until (hh:mm, optional)' })}</span>
        <input type="time" value={until} onChange={(e) => setUntil(e.target.value)} />
      </label>
    </FormDialog>
  );
}

/** "hh:mm" of the office's day as epoch ms (whatever the PC's own zone or date). */
export function untilToday(hhmm: string, day: string, timeZone: string): number {
  const [h = 0, m = 0] = hhmm.split(':').map(Number);
  return localMidnight(day, timeZone) + (h * 60 + m) * 60_000;
}

/** Closing the day: a reason is required; the queue refuses new numbers afterwards. */
export function CloseDayDialog({ onClose }: { onClose: () => void }) {
  const { say } = useSay();
  const { client } = useConsole();
  const { run, busy, error } = useAction();
  const [reason, setReason] = useState('');
  const submit = async () => {
    if (await run(() => client.send('supervisor.closeDay', { reason: reason.trim() }))) onClose();
  };
  return (
    <FormDialog
      title={say({ vi: 'Kết thúc ngày làm việc', en: 'Close the day' })}
      onClose={onClose}
      onSubmit={() => void submit()}
      ready={reason.trim() !== ''}
      busy={busy}
      error={error}
      submitLabel={say({ vi: 'Kết thúc ngày', en: 'Close the day' })}
      danger
    >
      <p>
        {say({
          vi: 'Sau khi kết thúc, ki-ốt không cấp số mới cho đến ngày làm việc sau.',
          en: 'Afterwards the kiosks issue no numbers until the next working day.',
        })}
      </p>
      <ReasonField value={reason} onChange={setReason} required />
    </FormDialog>
  );
}
