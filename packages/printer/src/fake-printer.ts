import { createServer, type Socket } from 'node:net';
import { concatBytes } from './encode.js';
import { parseCommand } from './decode.js';
import { STATUS_BITS, STATUS_IDLE } from './status.js';

export type FakePrinterMode =
  | 'ok'
  | 'paper_end'
  | 'paper_near_end'
  | 'cover_open'
  | 'cutter_error'
  /** takes every byte, never answers */
  | 'silent'
  /** answers every status query after `slowMs` */
  | 'slow'
  /**
   * prints the next job, running out of paper on its last lines: from then on it is 'paper_end', so the
   * status asked after the job reports the fault although every byte was taken (a ticket may lie in the tray)
   */
  | 'paper_runs_out';

export interface FakeJob {
  bytes: Uint8Array;
  /** when its last byte arrived (epoch ms) */
  receivedAt: number;
  /** when its first byte arrived (epoch ms, fractional: performance.timeOrigin + performance.now()) */
  startedAt: number;
  /** false when the printer was in a state that cannot print (paper end, cover open, cutter error) */
  printed: boolean;
  /** which TCP connection (1, 2, …) brought it */
  connection: number;
}

/** The status bytes a printer in `mode` answers to DLE EOT 1–4 (Epson bit layout). */
export function fakeStatusByte(mode: FakePrinterMode, n: number): number {
  const offline = STATUS_IDLE | STATUS_BITS.offline;
  switch (mode) {
    case 'paper_end':
      return [
        0,
        offline,
        STATUS_IDLE | STATUS_BITS.stoppedByPaperEnd,
        STATUS_IDLE,
        STATUS_IDLE | STATUS_BITS.nearEnd | STATUS_BITS.paperEnd,
      ][n]!;
    case 'paper_near_end':
      return n === 4 ? STATUS_IDLE | STATUS_BITS.nearEnd : STATUS_IDLE;
    case 'cover_open':
      return [0, offline, STATUS_IDLE | STATUS_BITS.coverOpen, STATUS_IDLE, STATUS_IDLE][n]!;
    case 'cutter_error':
      return [
        0,
        offline,
        STATUS_IDLE | STATUS_BITS.errorOccurred,
        STATUS_IDLE | STATUS_BITS.cutterError,
        STATUS_IDLE,
      ][n]!;
    default:
      return STATUS_IDLE;
  }
}

const canPrint = (mode: FakePrinterMode): boolean =>
  !['paper_end', 'cover_open', 'cutter_error'].includes(mode);

/**
 * The printer's side of the byte stream, transport-free (the TCP fake and USB tests use it). It splits the
 * stream into commands as a printer does, answers real-time status requests (DLE EOT 1–4) — including ones
 * that appear by accident inside image data, as real printers do — and records jobs. A job starts at
 * ESC @ and ends at the next ESC @, at a status request after job data, or when the connection ends.
 */
export class PrinterEmulator {
  mode: FakePrinterMode = 'ok';
  slowMs = 500;
  readonly jobs: FakeJob[] = [];
  /** every DLE EOT n received at a command boundary, in order */
  readonly statusQueries: number[] = [];
  /** DLE EOT sequences found inside image data (a well-encoded ticket has none) */
  strayStatusRequests = 0;
  private listeners: Array<(job: FakeJob) => void> = [];
  private connections = 0;

  onJob(listener: (job: FakeJob) => void): () => void {
    this.listeners.push(listener);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  /** One connection: feed it the bytes that arrive; `reply` sends bytes back to the host. */
  session(reply: (bytes: Uint8Array) => void): {
    feed(chunk: Uint8Array): void;
    end(): void;
    cancel(): void;
  } {
    const connection = ++this.connections;
    let buffer = new Uint8Array(0);
    let job: Uint8Array[] = [];
    let startedAt = 0;
    let timers: NodeJS.Timeout[] = [];

    const answer = (n: number): void => {
      if (this.mode === 'silent') return;
      const byte = Uint8Array.of(fakeStatusByte(this.mode, n));
      if (this.mode === 'slow') {
        const t = setTimeout(() => {
          timers = timers.filter((x) => x !== t);
          reply(byte);
        }, this.slowMs);
        timers.push(t);
      } else {
        reply(byte);
      }
    };

    const finishJob = (): void => {
      if (job.length === 0) return;
      const done: FakeJob = {
        bytes: concatBytes(job),
        receivedAt: Date.now(),
        startedAt,
        printed: canPrint(this.mode),
        connection,
      };
      job = [];
      if (this.mode === 'paper_runs_out') this.mode = 'paper_end';
      this.jobs.push(done);
      for (const l of this.listeners) l(done);
    };

    return {
      feed: (chunk) => {
        const merged = new Uint8Array(buffer.length + chunk.length);
        merged.set(buffer);
        merged.set(chunk, buffer.length);
        let pos = 0;
        for (;;) {
          if (pos >= merged.length) break;
          const cmd = parseCommand(merged, pos);
          if (!cmd) break; // wait for the rest of the command
          const bytes = merged.slice(pos, pos + cmd.length);
          pos += cmd.length;
          if (cmd.name === 'DLE EOT') {
            finishJob();
            this.statusQueries.push(Number(cmd.value));
            answer(Number(cmd.value));
            continue;
          }
          if (cmd.name === 'ESC @') finishJob();
          if (cmd.name === 'GS v 0') {
            for (let i = 8; i + 2 < bytes.length; i++) {
              if (bytes[i] === 0x10 && bytes[i + 1] === 0x04 && bytes[i + 2]! >= 1 && bytes[i + 2]! <= 4) {
                this.strayStatusRequests++;
                answer(bytes[i + 2]!);
              }
            }
          }
          if (job.length === 0) startedAt = performance.timeOrigin + performance.now();
          job.push(bytes);
        }
        buffer = merged.slice(pos);
      },
      end: () => {
        if (buffer.length > 0) {
          if (job.length === 0) startedAt = performance.timeOrigin + performance.now();
          job.push(buffer);
        }
        buffer = new Uint8Array(0);
        finishJob();
      },
      cancel: () => {
        for (const t of timers) clearTimeout(t);
        timers = [];
      },
    };
  }
}

export interface FakePrinter {
  port: number;
  host: string;
  /** every job received, in order */
  jobs: FakeJob[];
  /** DLE EOT n received, in order */
  statusQueries: number[];
  setMode(mode: FakePrinterMode, slowMs?: number): void;
  /** The next job not yet returned by waitForJob (it may have arrived already). */
  waitForJob(timeoutMs?: number): Promise<FakeJob>;
  close(): Promise<void>;
}

export interface FakePrinterOptions {
  host?: string;
  port?: number;
  mode?: FakePrinterMode;
  onJob?: (job: FakeJob) => void;
}

/** A TCP ESC/POS printer for tests and development: listens on 127.0.0.1, port 0 (any free port) by default. */
export async function startFakePrinter(opts: FakePrinterOptions = {}): Promise<FakePrinter> {
  const emulator = new PrinterEmulator();
  if (opts.mode) emulator.mode = opts.mode;
  if (opts.onJob) emulator.onJob(opts.onJob);
  const sockets = new Set<Socket>();
  const cancels = new Set<() => void>();
  let consumed = 0;

  const server = createServer((socket) => {
    sockets.add(socket);
    const session = emulator.session((bytes) => {
      if (!socket.destroyed) socket.write(bytes);
    });
    cancels.add(session.cancel);
    socket.on('data', (chunk: Buffer) => session.feed(chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      sockets.delete(socket);
      cancels.delete(session.cancel);
      session.end();
    });
  });

  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  return {
    port,
    host,
    jobs: emulator.jobs,
    statusQueries: emulator.statusQueries,
    setMode: (mode, slowMs) => {
      emulator.mode = mode;
      if (slowMs !== undefined) emulator.slowMs = slowMs;
    },
    waitForJob: (timeoutMs = 5000) =>
      new Promise<FakeJob>((resolve, reject) => {
        const take = (): boolean => {
          const job = emulator.jobs[consumed];
          if (!job) return false;
          consumed++;
          resolve(job);
          return true;
        };
        if (take()) return;
        const timer = setTimeout(() => {
          off();
          reject(new Error(`no print job within ${timeoutMs} ms`));
        }, timeoutMs);
        const off = emulator.onJob(() => {
          if (take()) {
            clearTimeout(timer);
            off();
          }
        });
      }),
    close: () =>
      new Promise<void>((resolve) => {
        for (const cancel of cancels) cancel();
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
