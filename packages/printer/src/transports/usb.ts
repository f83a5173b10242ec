import { constants, promises as fs } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { PrinterError, type Connection, type Transport } from '../transport.js';
import type { PrinterFault } from '../types.js';

/** What the USB transport needs from a device file; injectable so tests can stand in for a printer. */
export interface DeviceHandle {
  /** Write some of `data`; returns how many bytes were taken. May throw an error with code 'EAGAIN' (busy). */
  write(data: Uint8Array): Promise<number>;
  /** Read what is waiting into `into`; 0 when nothing is. Must not block. */
  read(into: Uint8Array): Promise<number>;
  close(): Promise<void>;
}

export type OpenDevice = (path: string) => Promise<DeviceHandle>;

const POLL_MS = 5;

const isBusy = (err: unknown): boolean => {
  const code = (err as NodeJS.ErrnoException).code;
  return code === 'EAGAIN' || code === 'EWOULDBLOCK';
};

/**
 * The Linux USB printer class device (/dev/usb/lpN, driver usblp), opened non-blocking: a read with no
 * reply waiting returns at once instead of holding a libuv thread forever, and a busy device answers
 * EAGAIN, which the transport retries until the write timeout.
 */
export const openDeviceFile: OpenDevice = async (path) => {
  const fh = await fs.open(path, constants.O_RDWR | constants.O_NONBLOCK | constants.O_NOCTTY);
  return {
    write: async (data) => (await fh.write(data, 0, data.length, null)).bytesWritten,
    read: async (into) => {
      try {
        return (await fh.read(into, 0, into.length, null)).bytesRead;
      } catch (err) {
        if (isBusy(err)) return 0;
        throw err;
      }
    },
    close: () => fh.close(),
  };
};

const OPEN_FAULTS: Record<string, PrinterFault> = {
  ENOENT: 'offline', // unplugged or switched off: the device node is gone
  ENODEV: 'offline',
  ENXIO: 'offline',
  EACCES: 'refused', // user not in group lp
  EPERM: 'refused',
  EBUSY: 'refused', // another process holds the printer
};

function errorCode(err: unknown): string {
  return (err as NodeJS.ErrnoException).code ?? String((err as Error).message ?? err);
}

export function createUsbTransport(device: string, openDevice: OpenDevice = openDeviceFile): Transport {
  return {
    description: `usb ${device}`,
    open: async (timeoutMs) => {
      let handle: DeviceHandle;
      let timer: NodeJS.Timeout | undefined;
      try {
        handle = await Promise.race([
          openDevice(device),
          new Promise<never>((_, reject) => {
            timer = setTimeout(
              () => reject(new PrinterError('timeout', `could not open ${device} within ${timeoutMs} ms`)),
              timeoutMs,
            );
          }),
        ]);
      } catch (err) {
        if (err instanceof PrinterError) throw err;
        const code = errorCode(err);
        throw new PrinterError(OPEN_FAULTS[code] ?? 'refused', `${code} opening ${device}`);
      } finally {
        clearTimeout(timer);
      }
      return usbConnection(handle, device);
    },
  };
}

function usbConnection(handle: DeviceHandle, device: string): Connection {
  let pending: number[] = [];
  const chunk = new Uint8Array(64);
  let closed = false;

  const fill = async (): Promise<void> => {
    let n: number;
    try {
      n = await handle.read(chunk);
    } catch (err) {
      throw new PrinterError('offline', `${errorCode(err)} reading ${device}`);
    }
    for (let i = 0; i < n; i++) pending.push(chunk[i]!);
  };

  return {
    supportsStatus: true,
    write: async (bytes, timeoutMs) => {
      if (closed) throw new PrinterError('write_failed', `${device} is closed`);
      const deadline = Date.now() + timeoutMs;
      let offset = 0;
      while (offset < bytes.length) {
        try {
          offset += await handle.write(bytes.subarray(offset));
          continue;
        } catch (err) {
          if (!isBusy(err)) {
            const code = errorCode(err);
            throw new PrinterError(
              code === 'ENODEV' ? 'offline' : 'write_failed',
              `${code} writing to ${device}`,
            );
          }
        }
        if (Date.now() >= deadline) {
          throw new PrinterError(
            'timeout',
            `${device} did not take ${bytes.length - offset} bytes within ${timeoutMs} ms`,
          );
        }
        await sleep(POLL_MS);
      }
    },
    readByte: async (timeoutMs) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        if (pending.length > 0) return pending.shift()!;
        await fill();
        if (pending.length > 0) return pending.shift()!;
        if (Date.now() >= deadline)
          throw new PrinterError('timeout', `${device} did not answer within ${timeoutMs} ms`);
        await sleep(Math.min(POLL_MS, Math.max(0, deadline - Date.now())));
      }
    },
    discardInput: () => {
      pending = [];
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await handle.close();
    },
  };
}
