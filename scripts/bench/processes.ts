import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Start an entry point (TypeScript through tsx, or built JavaScript) in its own Node process and wait for
 * a log line that matches (timeoutMs 0: do not wait).
 */
export async function startProcess(
  entry: string,
  args: string[],
  ready: (line: string) => string | null,
  timeoutMs = 20_000,
  nodeFlags: string[] = [],
): Promise<{ child: ChildProcess; value: string }> {
  const runner = entry.endsWith('.ts') ? ['--import', 'tsx', entry] : [entry];
  // BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the measured processes.
  const extra = process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeFlags, ...extra, ...runner, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
    // Only warnings: a thousand 'device connected' lines would be measured too.
    env: { ...process.env, LOG_LEVEL: 'warn' },
  });
  const lines = createInterface({ input: child.stdout! });
  if (timeoutMs === 0) {
    lines.on('line', () => {});
    return { child, value: '' };
  }
  const value = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${entry} did not start in time`)), timeoutMs);
    child.once('exit', (code) => reject(new Error(`${entry} exited with ${code}`)));
    lines.on('line', (line) => {
      const v = ready(line);
      if (v !== null) {
        clearTimeout(timer);
        resolve(v);
      }
    });
  });
  lines.on('line', () => {}); // keep draining the child's output
  return { child, value };
}

/** Resident memory of a process, in MB, from /proc (Linux). */
export function rssMb(pid: number, field: 'VmRSS' | 'RssAnon' | 'RssFile' | 'RssShmem' = 'VmRSS'): number {
  const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 102.4) / 10 : NaN;
}

export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}
