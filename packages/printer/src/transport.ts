import type { PrinterFault } from './types.js';

/** A failure with its typed fault; transports throw it, the printer turns it into a PrintResult. */
export class PrinterError extends Error {
  constructor(
    readonly fault: PrinterFault,
    readonly detail: string,
  ) {
    super(`${fault}: ${detail}`);
    this.name = 'PrinterError';
  }
}

/** One open link to a printer, for one print job or one status query. */
export interface Connection {
  /** false for sinks that cannot answer (the file transport): status is then assumed fine */
  readonly supportsStatus: boolean;
  /** Resolves when the bytes are handed over (socket flushed, device written); PrinterError otherwise. */
  write(bytes: Uint8Array, timeoutMs: number): Promise<void>;
  /** The next byte from the printer; PrinterError('timeout') when none arrives in time. */
  readByte(timeoutMs: number): Promise<number>;
  /** Forget bytes received so far (stale or unsolicited replies). */
  discardInput(): void;
  close(): Promise<void>;
}

/** How bytes reach a printer: TCP port 9100, a USB printer-class device, a file. */
export interface Transport {
  /** for logs, e.g. 'tcp 192.168.1.50:9100' */
  readonly description: string;
  open(timeoutMs: number): Promise<Connection>;
}

/** A byte queue with at most one reader waiting, shared by the transports. */
export class ReplyBuffer {
  private bytes: number[] = [];
  private waiter: { resolve: (b: number) => void; reject: (e: Error) => void; timer: NodeJS.Timeout } | null =
    null;
  private failure: PrinterError | null = null;

  push(chunk: Uint8Array): void {
    for (const b of chunk) this.bytes.push(b);
    this.wake();
  }

  /** The link is gone: a pending and every later read fails with this error. */
  fail(error: PrinterError): void {
    this.failure ??= error;
    if (this.waiter) {
      const w = this.waiter;
      this.waiter = null;
      clearTimeout(w.timer);
      w.reject(error);
    }
  }

  clear(): void {
    this.bytes = [];
  }

  readByte(timeoutMs: number, what = 'printer did not answer'): Promise<number> {
    if (this.waiter) return Promise.reject(new Error('concurrent reads on one printer connection'));
    if (this.bytes.length > 0) return Promise.resolve(this.bytes.shift()!);
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => {
          this.waiter = null;
          reject(new PrinterError('timeout', `${what} within ${timeoutMs} ms`));
        },
        Math.max(0, timeoutMs),
      );
      this.waiter = { resolve, reject, timer };
    });
  }

  private wake(): void {
    if (this.waiter && this.bytes.length > 0) {
      const w = this.waiter;
      this.waiter = null;
      clearTimeout(w.timer);
      w.resolve(this.bytes.shift()!);
    }
  }
}
