/**
 * A private PostgreSQL cluster in a directory, for development and tests: Debian's binaries
 * (`initdb`, `pg_ctl`), one free port on 127.0.0.1, unix sockets inside the cluster's own directory
 * (never /var/run/postgresql, which belongs to the machine's own cluster), a random password for TCP.
 *
 * Why not a container or an embedded build: the machines this project runs on (developers', CI)
 * have Debian's `postgresql` package and nothing else; `.ci/run` installs it when missing.
 *
 * `initdb` refuses to run as root, and this machine and CI run as root: then every binary runs as
 * the `postgres` user (`runuser -u postgres --`) and the directory is chowned to it.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chownSync,
  existsSync,
  mkdirSync,
  readFileSync,
  writeFileSync,
  appendFileSync,
  chmodSync,
  statSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Where Debian puts each major version's binaries; the newest one present wins. */
const DEBIAN_BIN_DIRS = [17, 16, 15].map((v) => `/usr/lib/postgresql/${v}/bin`);
const SUPERUSER = 'postgres';

export interface ClusterOptions {
  /** The cluster's directory (created if absent): data/, password, postgres.log. */
  dir: string;
  /** Binaries' directory; default `PG_BIN` or the newest of Debian's /usr/lib/postgresql/{17,16,15}/bin. */
  binDir?: string;
  /**
   * false (tests): no fsync, no full-page writes, so a test's thousands of commits do not wait on
   * the disk. A crash then may lose the cluster, which a test's temp cluster does not mind.
   */
  durable?: boolean;
  /** Seconds `pg_ctl` waits for start or stop before it gives up. */
  timeoutSeconds?: number;
}

export class PgBinariesMissing extends Error {}

/** The directory holding `initdb` and `pg_ctl`, or a clear error naming what to install. */
export function findPgBin(binDir = process.env.PG_BIN): string {
  const candidates = binDir ? [binDir] : DEBIAN_BIN_DIRS;
  const found = candidates.find((d) => existsSync(join(d, 'initdb')) && existsSync(join(d, 'pg_ctl')));
  if (!found) {
    throw new PgBinariesMissing(
      `PostgreSQL binaries not found (looked for initdb and pg_ctl in ${candidates.join(', ')}). ` +
        `Install Debian's PostgreSQL (apt-get install postgresql), or set PG_BIN to the directory holding them.`,
    );
  }
  return found;
}

/** A port nobody listens on now on 127.0.0.1 (the OS picks it; PostgreSQL binds it a moment later). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
  });
}

export class PgCluster {
  readonly dir: string;
  readonly dataDir: string;
  readonly logFile: string;
  private readonly bin: string;
  private readonly asRoot: boolean;
  private readonly timeout: number;
  private readonly durable: boolean;
  private password = '';
  /** The port of the running server; 0 while stopped. */
  port = 0;

  constructor(opts: ClusterOptions) {
    this.bin = findPgBin(opts.binDir);
    this.dir = opts.dir;
    this.dataDir = join(opts.dir, 'data');
    this.logFile = join(opts.dir, 'postgres.log');
    this.asRoot = process.getuid?.() === 0;
    this.timeout = opts.timeoutSeconds ?? 60;
    this.durable = opts.durable ?? true;
  }

  /** Run one of the binaries, as `postgres` when we are root (initdb and postgres refuse root). */
  private async exec(tool: string, args: string[], env: Record<string, string> = {}): Promise<string> {
    const file = join(this.bin, tool);
    const [cmd, argv] = this.asRoot
      ? [
          'runuser',
          ['-u', SUPERUSER, '--', 'env', ...Object.entries(env).map(([k, v]) => `${k}=${v}`), file, ...args],
        ]
      : [file, args];
    try {
      const { stdout } = await run(cmd, argv, {
        env: { ...process.env, ...env, LC_ALL: 'C' },
        timeout: (this.timeout + 10) * 1000,
      });
      return stdout;
    } catch (e) {
      const err = e as Error & { stderr?: string };
      throw new Error(`${tool} ${args.join(' ')} failed: ${err.stderr?.trim() || err.message}`, { cause: e });
    }
  }

  get initialized(): boolean {
    return existsSync(join(this.dataDir, 'PG_VERSION'));
  }

  /** Create the cluster unless it exists: superuser `postgres`, UTF-8, password auth over TCP. */
  async init(): Promise<void> {
    mkdirSync(this.dir, { recursive: true });
    const pwFile = join(this.dir, 'password');
    if (this.initialized) {
      this.password = readFileSync(pwFile, 'utf8').trim();
      return;
    }
    this.password = randomBytes(18).toString('base64url');
    writeFileSync(pwFile, this.password + '\n', { mode: 0o600 });
    if (this.asRoot) {
      // The postgres user must be able to reach the directory: mkdtemp makes 0700 directories, so
      // give every ancestor the search bit (o+x: enter, not list) where it lacks it.
      for (let d = dirname(this.dir); d !== dirname(d); d = dirname(d)) {
        const mode = statSync(d).mode;
        if ((mode & 0o001) === 0) chmodSync(d, (mode & 0o7777) | 0o001);
      }
      const { uid, gid } = await this.postgresIds();
      chownSync(this.dir, uid, gid);
      chownSync(pwFile, uid, gid);
    }
    await this.exec('initdb', [
      '-D',
      this.dataDir,
      '-U',
      SUPERUSER,
      `--pwfile=${pwFile}`,
      '-E',
      'UTF8',
      '--locale=C',
      // Unix socket: only the cluster's owner reaches it (it lives in the 0700 data dir); TCP on
      // 127.0.0.1 asks for the password.
      '--auth-local=trust',
      '--auth-host=scram-sha-256',
    ]);
    const conf = [
      '',
      '# Lượt: a private cluster (packages/pgcluster)',
      "listen_addresses = '127.0.0.1'",
      `unix_socket_directories = '${this.dataDir}'`,
      // @socket.io/postgres-adapter and several city processes each hold a pool.
      'max_connections = 200',
      ...(this.durable ? [] : ['fsync = off', 'full_page_writes = off', 'synchronous_commit = off']),
      '',
    ].join('\n');
    appendFileSync(join(this.dataDir, 'postgresql.conf'), conf);
  }

  private async postgresIds(): Promise<{ uid: number; gid: number }> {
    const { stdout: u } = await run('id', ['-u', SUPERUSER]);
    const { stdout: g } = await run('id', ['-g', SUPERUSER]);
    return { uid: Number(u.trim()), gid: Number(g.trim()) };
  }

  /**
   * Start the server on a free port (the one it had before when that is free: a restart keeps its
   * URL). The port is picked a moment before PostgreSQL binds it, so another process may take it
   * in between: then try another, a few times.
   */
  async start(preferredPort?: number): Promise<void> {
    if (!this.initialized) await this.init();
    if (!this.password) this.password = readFileSync(join(this.dir, 'password'), 'utf8').trim();
    let lastError: unknown;
    for (let attempt = 0; attempt < 4; attempt++) {
      const port = attempt === 0 && preferredPort ? preferredPort : await freePort();
      try {
        await this.exec('pg_ctl', [
          '-D',
          this.dataDir,
          '-l',
          this.logFile,
          '-w',
          '-t',
          String(this.timeout),
          '-o',
          `-p ${port}`,
          'start',
        ]);
        this.port = port;
        return;
      } catch (e) {
        lastError = e;
        const log = existsSync(this.logFile) ? readFileSync(this.logFile, 'utf8') : '';
        if (!/could not bind|Address already in use/.test(log.slice(-4000))) break;
      }
    }
    throw new Error(`PostgreSQL did not start (log: ${this.logFile})`, { cause: lastError });
  }

  /** Fast shutdown: open sessions are ended, committed work is on disk (or was, with durable). */
  async stop(): Promise<void> {
    if (!this.initialized) return;
    try {
      await this.exec('pg_ctl', ['-D', this.dataDir, '-m', 'fast', '-w', '-t', String(this.timeout), 'stop']);
    } catch (e) {
      // Not running is the stop we wanted.
      if (!/Is server running\?|No such file/.test((e as Error).message)) throw e;
    }
    this.port = 0;
  }

  /**
   * Use the server already running on this directory (another process started it), reading its
   * port from postmaster.pid. Returns false when none runs.
   */
  async attach(): Promise<boolean> {
    if (!this.initialized || !(await this.running())) return false;
    // postmaster.pid: pid, data dir, start time, port, … one per line (PostgreSQL's own layout).
    const port = Number(readFileSync(join(this.dataDir, 'postmaster.pid'), 'utf8').split('\n')[3]);
    if (!Number.isInteger(port) || port <= 0) return false;
    this.password = readFileSync(join(this.dir, 'password'), 'utf8').trim();
    this.port = port;
    return true;
  }

  /** Whether the server is up, by pg_ctl's own check. */
  async running(): Promise<boolean> {
    try {
      await this.exec('pg_ctl', ['-D', this.dataDir, 'status']);
      return true;
    } catch {
      return false;
    }
  }

  /** Create a database (over the unix socket, as the superuser); no-op when it exists. */
  async createDatabase(name: string): Promise<string> {
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`Bad database name: ${name}`);
    this.requireRunning();
    try {
      await this.exec('createdb', ['-h', this.dataDir, '-p', String(this.port), '-U', SUPERUSER, name]);
    } catch (e) {
      if (!/already exists/.test((e as Error).message)) throw e;
    }
    return this.url(name);
  }

  /** A connection URL over TCP on 127.0.0.1 with the cluster's password. */
  url(database = 'postgres'): string {
    this.requireRunning();
    return `postgres://${SUPERUSER}:${encodeURIComponent(this.password)}@127.0.0.1:${this.port}/${database}`;
  }

  private requireRunning(): void {
    if (!this.port) throw new Error('The cluster is not started');
  }
}

/** Make (if needed) and start a cluster in `dir`. */
export async function startCluster(opts: ClusterOptions & { port?: number }): Promise<PgCluster> {
  const c = new PgCluster(opts);
  await c.init();
  await c.start(opts.port);
  return c;
}
