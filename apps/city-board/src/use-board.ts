/**
 * The board's live state: one Socket.IO connection to the city (`/city/socket.io`, the viewer token
 * in `auth`). Each (re)connection brings the whole board, then a line per office that changed, from
 * whichever city process took its uplink.
 */
import { useEffect, useState } from 'react';
import { io } from 'socket.io-client';
import {
  BoardSnapshotSchema,
  OfficeSummarySchema,
  type BoardSettings,
  type ViewerScope,
  type OfficeSummary,
} from '@luot/protocol';
import { withLine } from './board-view.js';

export type FeedStatus = 'connecting' | 'online' | 'offline' | 'unauthorized';

export interface BoardState {
  status: FeedStatus;
  settings: BoardSettings | null;
  /** What the token reads: every office, or one province's. */
  scope: ViewerScope | null;
  offices: OfficeSummary[];
  /** The city's clock minus ours: flags are judged on the city's time. */
  offset: number;
  /** Bumped on every line of an office, for pages that follow one office. */
  lastLine: OfficeSummary | null;
}

export function useBoard(token: string): BoardState {
  const [state, setState] = useState<BoardState>({
    status: 'connecting',
    settings: null,
    scope: null,
    offices: [],
    offset: 0,
    lastLine: null,
  });
  useEffect(() => {
    const socket = io({ path: '/city/socket.io', auth: { token } });
    socket.on('board', (raw: unknown) => {
      const b = BoardSnapshotSchema.safeParse(raw);
      if (!b.success) return console.error('board: unexpected snapshot', b.error);
      setState((s) => ({
        ...s,
        status: 'online',
        settings: b.data.settings,
        scope: b.data.scope,
        offices: b.data.offices,
        offset: b.data.now - Date.now(),
      }));
    });
    socket.on('office', (raw: unknown) => {
      const line = OfficeSummarySchema.safeParse(raw);
      if (!line.success) return console.error('board: unexpected line', line.error);
      setState((s) => ({ ...s, offices: withLine(s.offices, line.data), lastLine: line.data }));
    });
    socket.on('disconnect', () => setState((s) => ({ ...s, status: 'offline' })));
    socket.on('connect_error', (e) =>
      setState((s) => ({ ...s, status: e.message.includes('unauthorized') ? 'unauthorized' : 'offline' })),
    );
    return () => {
      socket.close();
    };
  }, [token]);
  return state;
}

/** Now, on the city's clock, ticking every second (offline and wait flags move with time alone). */
export function useNow(offset: number): number {
  const [now, setNow] = useState(() => Date.now() + offset);
  useEffect(() => {
    setNow(Date.now() + offset);
    const t = setInterval(() => setNow(Date.now() + offset), 1000);
    return () => clearInterval(t);
  }, [offset]);
  return now;
}
