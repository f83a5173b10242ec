import { promises as fs } from 'node:fs';
import { PrinterError, type Connection, type Transport } from '../transport.js';

/** Development sink: every job is appended to a file as raw ESC/POS bytes (decode it with decodeEscPos). */
export function createFileTransport(path: string): Transport {
  return {
    description: `file ${path}`,
    open: async () => {
      const connection: Connection = {
        supportsStatus: false,
        write: async (bytes) => {
          try {
            await fs.appendFile(path, bytes);
          } catch (err) {
            throw new PrinterError(
              'write_failed',
              `${(err as NodeJS.ErrnoException).code ?? err} writing ${path}`,
            );
          }
        },
        readByte: () => Promise.reject(new PrinterError('timeout', 'a file does not answer')),
        discardInput: () => {},
        close: async () => {},
      };
      return connection;
    },
  };
}
