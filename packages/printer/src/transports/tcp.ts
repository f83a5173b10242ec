import { Socket } from 'node:net';
import { PrinterError, ReplyBuffer, type Connection, type Transport } from '../transport.js';
import type { PrinterFault } from '../types.js';

export const DEFAULT_TCP_PORT = 9100;

/** Socket error codes → faults. Anything else while connecting: 'refused'; while writing: 'write_failed'. */
const CONNECT_FAULTS: Record<string, PrinterFault> = {
  ECONNREFUSED: 'refused',
  ECONNRESET: 'refused',
  ENOTFOUND: 'refused',
  EAI_AGAIN: 'refused',
  EHOSTUNREACH: 'offline',
  ENETUNREACH: 'offline',
  EHOSTDOWN: 'offline',
  ENETDOWN: 'offline',
  ETIMEDOUT: 'timeout',
};

/** Raw TCP printing (port 9100, "JetDirect"/AppSocket), one connection a job or status query. */
export function createTcpTransport(host: string, port = DEFAULT_TCP_PORT): Transport {
  const where = `${host}:${port}`;
  return {
    description: `tcp ${where}`,
    open: (timeoutMs) =>
      new Promise<Connection>((resolve, reject) => {
        const socket = new Socket();
        const replies = new ReplyBuffer();
        let connected = false;
        const timer = setTimeout(() => {
          socket.destroy();
          reject(new PrinterError('timeout', `no TCP connection to ${where} within ${timeoutMs} ms`));
        }, timeoutMs);

        socket.on('error', (err: NodeJS.ErrnoException) => {
          const code = err.code ?? 'EUNKNOWN';
          if (!connected) {
            clearTimeout(timer);
            reject(new PrinterError(CONNECT_FAULTS[code] ?? 'refused', `${code} connecting to ${where}`));
          } else {
            replies.fail(new PrinterError('write_failed', `${code} on ${where}`));
          }
        });
        socket.on('data', (chunk: Buffer) => replies.push(chunk));
        socket.on('close', () => replies.fail(new PrinterError('timeout', `${where} closed the connection`)));
        socket.connect({ host, port }, () => {
          connected = true;
          clearTimeout(timer);
          socket.setNoDelay(true);
          resolve(tcpConnection(socket, replies, where));
        });
      }),
  };
}

function tcpConnection(socket: Socket, replies: ReplyBuffer, where: string): Connection {
  return {
    supportsStatus: true,
    write: (bytes, timeoutMs) =>
      new Promise<void>((resolve, reject) => {
        if (socket.destroyed || !socket.writable) {
          reject(new PrinterError('write_failed', `connection to ${where} is closed`));
          return;
        }
        let settled = false;
        const finish = (err?: PrinterError): void => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          socket.off('error', onError);
          if (err) reject(err);
          else resolve();
        };
        const onError = (err: NodeJS.ErrnoException): void =>
          finish(new PrinterError('write_failed', `${err.code ?? err.message} writing to ${where}`));
        // A printer that stops taking data (buffer full, paper out mid-job) never drains the socket.
        const timer = setTimeout(() => {
          finish(
            new PrinterError('timeout', `${where} did not take ${bytes.length} bytes within ${timeoutMs} ms`),
          );
          socket.destroy();
        }, timeoutMs);
        socket.on('error', onError);
        socket.write(bytes, (err) => (err ? onError(err) : finish()));
      }),
    readByte: (timeoutMs) => replies.readByte(timeoutMs, `${where} did not answer`),
    discardInput: () => replies.clear(),
    close: async () => {
      if (socket.destroyed) return;
      // Every byte written was answered by a status reply after it, so a graceful end loses nothing;
      // a printer that never closes its side is cut off a little later.
      socket.end();
      setTimeout(() => socket.destroy(), 2000).unref();
    },
  };
}
