import { translator, type Dictionary, type Locale } from '@luot/ui';
import type { Level, Text, WaitRange } from '@luot/core';
import type { CounterTileState } from './view-model.js';

/** Every text on the wall display, Vietnamese first. */
const DICT = {
  nowCalling: { vi: 'Số thứ tự', en: 'Ticket' },
  recall: { vi: 'Mời lại', en: 'Called again' },
  /** Beside a booked citizen's number (issue #14: called like any other, the display may say so). */
  booked: { vi: 'Đặt lịch', en: 'Booked' },
  toCounter: { vi: 'Mời đến quầy số {n}', en: 'Go to counter {n}' },
  nothingCalled: { vi: 'Chưa có số nào được gọi', en: 'No number has been called yet' },
  nothingCalledHint: {
    vi: 'Xin mời công dân lấy số thứ tự tại máy cấp số',
    en: 'Please take a ticket at the kiosk',
  },
  /** Calls were made today, but none is in force now (each was served, missed or sent elsewhere). */
  noCallNow: { vi: 'Xin vui lòng chờ đến lượt', en: 'Please wait for your turn' },
  noCallNowHint: { vi: 'Số thứ tự được mời sẽ hiện ở đây', en: 'The number called will appear here' },
  history: { vi: 'Các số vừa gọi', en: 'Recently called' },
  historyEmpty: { vi: 'Chưa có', en: 'None yet' },
  counterShort: { vi: 'Quầy {n}', en: 'Counter {n}' },
  counters: { vi: 'Các quầy', en: 'Counters' },
  priority: { vi: 'Ưu tiên', en: 'Priority' },
  stateCalling: { vi: 'Đang mời', en: 'Calling' },
  stateServing: { vi: 'Đang phục vụ', en: 'Serving' },
  stateFree: { vi: 'Sẵn sàng', en: 'Ready' },
  statePaused: { vi: 'Tạm dừng', en: 'Paused' },
  /** Shown with the level ("Cấp độ 4") on the tile, which says why ("Closed for now" did not fit at 2rem). */
  stateClosedAtLevel: { vi: 'Tạm đóng', en: 'Closed' },
  stateClosed: { vi: 'Đã đóng', en: 'Closed' },
  stateOffline: { vi: 'Chưa mở', en: 'Not open' },
  inHall: { vi: 'Trong sảnh', en: 'In the hall' },
  outside: { vi: 'Chờ bên ngoài: {n}', en: 'Waiting outside: {n}' },
  full: {
    vi: 'Sảnh đã đủ người — vui lòng chờ bên ngoài',
    en: 'The hall is full — please wait outside',
  },
  entryBefore: { vi: 'Mời số', en: 'Into the hall, please:' },
  entryAfter: { vi: 'vào sảnh', en: '' },
  level: { vi: 'Cấp độ {n}', en: 'Level {n}' },
  waitingTitle: { vi: 'Đang chờ theo lĩnh vực', en: 'Waiting by service' },
  /** A service's chip: the people waiting, and the wait of a ticket taken now (as the kiosk says it). */
  waitingPeople: { vi: '{n} người đang chờ', en: '{n} waiting' },
  waitRange: { vi: '{from}–{to} phút', en: '{from}–{to} min' },
  waitUnder: { vi: 'Dưới {to} phút', en: 'Under {to} min' },
  /**
   * No officer calls for the service now: no wait is promised (the kiosk and the notice line say why).
   * As short as a counter's "Chưa mở": a longer phrase does not fit the row at a size read from 5 m.
   */
  waitNone: { vi: 'Chưa mở', en: 'Not open' },
  /** Not taking new numbers at this level (the padlock's legend): no wait for a ticket nobody can take. */
  waitPaused: { vi: 'Tạm dừng', en: 'Paused' },
  /**
   * A service not taking tickets at this level (its tickets already issued still wait and are called):
   * said once, beside the lock that marks such services.
   */
  restricted: { vi: 'Tạm dừng cấp số mới', en: 'Not issuing new numbers' },
  counterLost: {
    vi: '{name}: hiện chưa có quầy tiếp nhận, {n} người đang chờ xin giữ số thứ tự và chờ quầy mở lại',
    en: '{name}: no counter is taking it for now; the {n} waiting, please keep your number until a counter opens again',
  },
  soundOff: { vi: 'Bấm để bật âm thanh', en: 'Click to turn on sound' },
  noToken: {
    vi: 'Màn hình chưa được cấp mã thiết bị. Mở địa chỉ /display?token=… do quản trị cung cấp.',
    en: 'This screen has no device token. Open /display?token=… as given by the administrator.',
  },
  loading: { vi: 'Đang tải dữ liệu…', en: 'Loading…' },
} satisfies Dictionary<string>;

export type TextKey = keyof typeof DICT;

export const makeT = (locale: Locale) => translator<TextKey>(DICT, locale);

/** A wait as a service's row shows it: "15–20 phút", "Dưới 5 phút", or "Chưa mở" (nobody calls it now). */
export function waitText(range: WaitRange | null, locale: Locale): string {
  const t = makeT(locale);
  if (range === null) return t('waitNone');
  return t(range[0] === 0 ? 'waitUnder' : 'waitRange', { from: range[0], to: range[1] });
}

/** The dictionary key of each counter state. */
export const TILE_STATE_KEY: Record<CounterTileState, TextKey> = {
  calling: 'stateCalling',
  serving: 'stateServing',
  free: 'stateFree',
  paused: 'statePaused',
  closedAtLevel: 'stateClosedAtLevel',
  closed: 'stateClosed',
  offline: 'stateOffline',
};

/**
 * The level's note for the ticker, always introduced as "Cấp độ N: " like the rest of the screen. An
 * office's note may already start with its own label ("Cấp 4: …", "Level 4 – …"); that one is replaced.
 */
export function levelNotice(note: string, level: Level, locale: Locale): string {
  const text = note.normalize('NFC').replace(/^\s*(?:cấp(?:\s+độ)?|level)\s*\d+\s*[:.\-–—]?\s*/iu, '');
  return text ? `${makeT(locale)('level', { n: level })}: ${text}` : '';
}

/**
 * The ticker's line for each service that lost its last calling counter while people wait
 * (`servicesWithoutCounter`): those citizens are told here, in the hall, not left watching a line that
 * does not move.
 */
export function counterLostNotices(
  lost: { service: string; waiting: number }[],
  names: Record<string, Text>,
  locale: Locale,
): string[] {
  const t = makeT(locale);
  return lost.map((l) =>
    t('counterLost', { name: (names[l.service]?.[locale] ?? l.service).normalize('NFC'), n: l.waiting }),
  );
}

/** Risk names of the four levels (Nghị quyết 128/NQ-CP). */
export const LEVEL_TEXT: Record<Level, Text> = {
  1: { vi: 'Nguy cơ thấp', en: 'Low risk' },
  2: { vi: 'Nguy cơ trung bình', en: 'Medium risk' },
  3: { vi: 'Nguy cơ cao', en: 'High risk' },
  4: { vi: 'Nguy cơ rất cao', en: 'Very high risk' },
};
