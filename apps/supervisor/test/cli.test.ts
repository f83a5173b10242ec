import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '@luot/hub/testing';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
let t: TestHub;
afterEach(async () => t?.close());

function supervisor(...args: string[]) {
  return run(
    process.execPath,
    [
      '--import',
      'tsx',
      'apps/supervisor/cli/main.ts',
      '--hub',
      t.hub.url,
      '--token',
      'test-supervisor-token',
      '--officer',
      'ld1',
      ...args,
    ],
    {
      cwd: ROOT,
      env: { ...process.env, LUOT_PIN: '1234' },
    },
  );
}

describe('the supervisor command line', () => {
  it('changes the level, closes a counter and shows the status', { timeout: 30_000 }, async () => {
    t = await startTestHub();
    await supervisor('level', '3');
    await supervisor('close-counter', '7', 'Cán bộ đi tập huấn');
    await t.counter(4);
    await supervisor('pause', '4', 'Cán bộ đi họp');
    expect(t.hub.engine.state.counters[4]).toMatchObject({ status: 'paused', pauseReason: 'Cán bộ đi họp' });
    expect(t.hub.engine.state.level).toBe(3);
    expect(t.hub.engine.state.counters[7]!.closedBySupervisor).toBe(true);
    const { stdout } = await supervisor('status');
    expect(stdout).toContain('cấp độ 3');
    expect(stdout).toMatch(/Sảnh chờ: 0\/40/);
    expect(stdout).toMatch(/Quầy {2}7: chưa mở .*\(giám sát đóng\)/);
    expect(stdout).toMatch(/Quầy {2}4: tạm nghỉ/);
    expect(stdout).toMatch(/Quầy {2}2: .*\(đóng theo cấp độ 3\)/); // level 3 closes counter 2
    expect(stdout).not.toMatch(/offline|open|closed/);
  });

  it('reactivates a no-show ticket', { timeout: 30_000 }, async () => {
    t = await startTestHub();
    const kiosk = await t.client('test-kiosk-1-token');
    const c3 = await t.counter(3);
    const { ticket } = (await kiosk.issue({ service: 'A' })).result;
    await c3.callNext();
    await c3.noShow();
    const { stdout } = await supervisor('reactivate', ticket.id, 'Công dân quay lại, có mặt tại sảnh');
    expect(stdout).toContain(`${ticket.number}: đang chờ lại`);
    expect(t.hub.engine.state.tickets[ticket.id]!.status).toBe('waiting');
  });

  it('says clearly when the hub refuses', { timeout: 30_000 }, async () => {
    t = await startTestHub();
    await expect(supervisor('cancel', '20261130-A999', 'thử')).rejects.toMatchObject({
      stderr: expect.stringContaining('Không tìm thấy số thứ tự'),
    });
  });
});
