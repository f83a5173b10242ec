import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents, TicketWatch } from '@luot/protocol';

/** A phone page following one ticket by its token: sees that ticket, nothing else. */
export function watchTicket(
  url: string,
  ticketToken: string,
  on: { ticket: (w: TicketWatch) => void; status?: (online: boolean) => void },
): () => void {
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(url, {
    auth: { ticketToken },
    transports: ['websocket', 'polling'],
    reconnectionDelayMax: 5000,
  });
  socket.on('ticket', on.ticket);
  socket.on('connect', () => on.status?.(true));
  socket.on('disconnect', () => on.status?.(false));
  socket.on('connect_error', () => on.status?.(false));
  return () => socket.disconnect();
}
