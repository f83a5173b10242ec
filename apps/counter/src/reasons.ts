import type { Text } from '@luot/core';

/**
 * Why a counter pauses. The hub stores the id; screens show the label (an unknown id as it is).
 * Keys 1–5 choose one in the pause dialog.
 */
export const PAUSE_REASONS: ReadonlyArray<{ id: string; label: Text }> = [
  { id: 'break', label: { vi: 'Nghỉ giải lao', en: 'Short break' } },
  { id: 'meeting', label: { vi: 'Họp, công việc chung', en: 'Meeting' } },
  { id: 'helping', label: { vi: 'Hỗ trợ quầy khác', en: 'Helping another counter' } },
  { id: 'technical', label: { vi: 'Sự cố kỹ thuật', en: 'Technical problem' } },
  { id: 'urgent', label: { vi: 'Việc đột xuất', en: 'Urgent matter' } },
];

export function pauseReasonLabel(id: string | null): Text | null {
  if (!id) return null;
  return PAUSE_REASONS.find((r) => r.id === id)?.label ?? { vi: id, en: id };
}

/** Quick notes for a transfer: the receiving officer reads them; typing stays optional. */
export const TRANSFER_NOTES: readonly Text[] = [
  { vi: 'Nộp phí, lệ phí', en: 'Pay fees' },
  { vi: 'Nhận kết quả', en: 'Collect the result' },
  { vi: 'Thủ tục liên thông', en: 'Linked procedure' },
  { vi: 'Cần tư vấn thêm', en: 'Needs more advice' },
];
