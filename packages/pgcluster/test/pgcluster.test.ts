import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findPgBin, PgBinariesMissing, PgCluster } from '../src/index.js';

describe('pgcluster', () => {
  const dir = mkdtempSync(join(tmpdir(), 'luot-pg-'));
  let cluster: PgCluster | null = null;
  afterAll(async () => {
    await cluster?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('fails with a clear message when the binaries are missing', () => {
    expect(() => findPgBin(join(dir, 'nowhere'))).toThrow(PgBinariesMissing);
    expect(() => new PgCluster({ dir, binDir: join(dir, 'nowhere') })).toThrow(/apt-get install postgresql/);
  });

  it('creates a cluster, starts it on 127.0.0.1, creates a database, stops and starts again', async () => {
    cluster = new PgCluster({ dir: join(dir, 'c'), durable: false });
    await cluster.init();
    await cluster.start();
    expect(cluster.port).toBeGreaterThan(0);
    const url = await cluster.createDatabase('luot_test');
    expect(url).toMatch(new RegExp(`^postgres://postgres:[^@]+@127\\.0\\.0\\.1:${cluster.port}/luot_test$`));
    // Creating it again is a no-op.
    await cluster.createDatabase('luot_test');
    expect(await cluster.running()).toBe(true);
    await cluster.stop();
    expect(await cluster.running()).toBe(false);
    // A second start finds the cluster made (same password) and starts it again.
    const again = new PgCluster({ dir: join(dir, 'c'), durable: false });
    await again.start();
    cluster = again;
    expect(await again.running()).toBe(true);
    expect(again.url('luot_test').split('@')[0]).toBe(url.split('@')[0]);
  });
});
