import type { Outcome, OutcomeKind, SessionsConfig, Text } from '@luot/core';

/**
 * Outcomes of a visit ("rõ kết quả"), chosen with one key each. Reasons are short ids sent to the
 * hub; their labels live here, Vietnamese first.
 */
export interface OutcomeChoice {
  kind: OutcomeKind;
  key: string;
  label: Text;
  /** Short reasons the officer may tick; `required` means at least one must be ticked. */
  reasons: Array<{ id: string; label: Text }>;
  reasonRequired: boolean;
  /** A received dossier (or a returned result) has a code in the office's e-system. */
  dossier: boolean;
  returnDate: boolean;
}

export const OUTCOMES: readonly OutcomeChoice[] = [
  {
    kind: 'received',
    key: '1',
    label: { vi: 'Tiếp nhận hồ sơ', en: 'Dossier received' },
    reasons: [],
    reasonRequired: false,
    dossier: true,
    returnDate: true,
  },
  {
    kind: 'guided',
    key: '2',
    label: { vi: 'Hướng dẫn, bổ sung giấy tờ', en: 'Guidance / documents to add' },
    reasons: [
      { id: 'missing_documents', label: { vi: 'Thiếu giấy tờ, cần bổ sung', en: 'Documents to add' } },
      { id: 'fill_form', label: { vi: 'Hướng dẫn kê khai tờ khai', en: 'Helped with the form' } },
      { id: 'submit_online', label: { vi: 'Hướng dẫn nộp trực tuyến', en: 'Guided to submit online' } },
      { id: 'other_office', label: { vi: 'Hướng dẫn nộp đúng nơi', en: 'Sent to the right office' } },
      { id: 'information', label: { vi: 'Giải đáp thông tin', en: 'Information only' } },
    ],
    reasonRequired: false,
    dossier: false,
    returnDate: false,
  },
  {
    kind: 'returned',
    key: '3',
    label: { vi: 'Trả kết quả', en: 'Result returned' },
    reasons: [],
    reasonRequired: false,
    dossier: true,
    returnDate: false,
  },
  {
    kind: 'refused',
    key: '4',
    label: { vi: 'Từ chối tiếp nhận', en: 'Refused' },
    reasons: [
      { id: 'not_competent', label: { vi: 'Không thuộc thẩm quyền', en: 'Not this office’s competence' } },
      { id: 'ineligible', label: { vi: 'Không đủ điều kiện', en: 'Not eligible' } },
      { id: 'invalid_documents', label: { vi: 'Giấy tờ không hợp lệ', en: 'Invalid documents' } },
      { id: 'fees_unpaid', label: { vi: 'Chưa nộp phí, lệ phí', en: 'Fees not paid' } },
      { id: 'withdrawn', label: { vi: 'Công dân rút hồ sơ', en: 'Citizen withdrew' } },
    ],
    reasonRequired: true,
    dossier: false,
    returnDate: false,
  },
  {
    kind: 'other',
    key: '5',
    label: { vi: 'Khác', en: 'Other' },
    reasons: [],
    reasonRequired: false,
    dossier: false,
    returnDate: false,
  },
];

export function outcomeChoice(kind: OutcomeKind): OutcomeChoice {
  return OUTCOMES.find((o) => o.kind === kind)!;
}

export interface OutcomeDraft {
  kind: OutcomeKind | null;
  reasons: string[];
  dossierCode: string;
  returnDate: string;
}

export const EMPTY_DRAFT: OutcomeDraft = { kind: null, reasons: [], dossierCode: '', returnDate: '' };

export type DraftCheck = { ok: true; outcome: Outcome } | { ok: false; missing: 'kind' | 'reason' };

/** The outcome to send for a draft, keeping only the fields its kind uses. */
export function buildOutcome(d: OutcomeDraft): DraftCheck {
  if (!d.kind) return { ok: false, missing: 'kind' };
  const choice = outcomeChoice(d.kind);
  const reasons = d.reasons.filter((r) => choice.reasons.some((c) => c.id === r));
  if (choice.reasonRequired && reasons.length === 0) return { ok: false, missing: 'reason' };
  const code = d.dossierCode.trim();
  return {
    ok: true,
    outcome: {
      kind: d.kind,
      ...(choice.dossier && code ? { dossierCode: code } : {}),
      ...(choice.returnDate && d.returnDate ? { returnDate: d.returnDate } : {}),
      ...(reasons.length > 0 ? { reasons } : {}),
    },
  };
}

/** Label of a reason id, whatever outcome it belongs to; an unknown id is shown as it is. */
export function reasonLabel(id: string): Text {
  for (const o of OUTCOMES) {
    const r = o.reasons.find((x) => x.id === id);
    if (r) return r.label;
  }
  return { vi: id, en: id };
}

/**
 * The working day `n` working days after `day` (YYYY-MM-DD), skipping non-working weekdays and
 * holidays of the office's sessions: the usual way a return date is promised.
 */
export function addWorkingDays(
  day: string,
  n: number,
  sessions: Pick<SessionsConfig, 'days' | 'holidays'>,
): string {
  const [y, m, d] = day.split('-').map(Number);
  const date = new Date(Date.UTC(y!, m! - 1, d!));
  let left = n;
  while (left > 0) {
    date.setUTCDate(date.getUTCDate() + 1);
    const iso = date.toISOString().slice(0, 10);
    const weekday = date.getUTCDay() === 0 ? 7 : date.getUTCDay();
    if (sessions.days.includes(weekday) && !sessions.holidays?.includes(iso)) left -= 1;
  }
  return date.toISOString().slice(0, 10);
}

/** Quick choices for the promised return date, in working days. */
export const RETURN_IN_WORKING_DAYS = [1, 3, 5, 7, 10, 15] as const;

/** "07/12/2026" from "2026-12-07". */
export function formatDay(day: string): string {
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
}
