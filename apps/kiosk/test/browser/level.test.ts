import { quocOai } from '@luot/core/testing';
import { startTestHub, testConfig, type TestHub } from '@luot/hub/testing';
import { browserSuite } from '@luot/testing';
import { describe, expect, it } from 'vitest';
import { assertBuilt, PORTRAIT, shootBoth, tile } from './kiosk-fixture';

// The distancing level on the kiosk (issue #17, item 15): the attract screen says which level the
// office works at and which services it closes, and a closed service tells where to file it online.

const suite = browserSuite(startTestHub);

/**
 * The kiosk of `t` in a browser of its own. `idleSeconds` 1: it goes to the attract screen at once;
 * the default (60) keeps the home screen while the test looks at it.
 */
async function openKiosk(t: TestHub, idleSeconds = 60) {
  assertBuilt();
  const context = await suite.browser.newContext({ viewport: PORTRAIT });
  const page = await context.newPage();
  await page.goto(`${t.hub.url}/kiosk?token=test-kiosk-1-token&idleSeconds=${idleSeconds}`);
  return page;
}

describe('kiosk: the distancing level', () => {
  it('the idle screen names the level and the services it closes; their tiles give the national portal', async () => {
    const t = await suite.hub();
    const boss = await t.supervisor();
    await boss.setLevel(4); // essential services only (C, E, L, S, R, H)
    const page = await openKiosk(t, 1);

    const level = page.getByTestId('idle-level');
    await level.waitFor({ timeout: 10_000 });
    await expect.poll(() => level.getAttribute('data-level')).toBe('4');
    await level.getByText('Cấp độ phòng dịch: 4', { exact: false }).first().waitFor();
    await level.getByText('Cấp độ 4: chỉ tiếp nhận thủ tục thiết yếu', { exact: false }).waitFor();
    const closed = page.getByTestId('idle-closed');
    for (const name of ['Đất đai', 'Tài nguyên và Môi trường', 'Thuế', 'Xây dựng'])
      await closed.getByText(name, { exact: false }).waitFor();
    // An essential service is still taken at the counters: not in the list.
    expect(await closed.getByText('Hộ tịch', { exact: false }).count()).toBe(0);
    await level.getByText('dichvucong.gov.vn', { exact: false }).first().waitFor();
    await shootBoth(page, 'idle-level4');

    // A tap wakes it.
    await page.getByText('Chạm để lấy số thứ tự').click();
    await page.getByRole('heading', { name: 'Chọn lĩnh vực cần giải quyết' }).waitFor();

    // Home (a kiosk that stays there): the closed tiles say why, and the notice above them where
    // to file those online.
    const home = await openKiosk(t);
    await tile(home, 'Đất đai').getByText('Tạm dừng tiếp nhận (cấp độ 4)').waitFor();
    await expect
      .poll(() => home.getByTestId('portal').textContent())
      .toBe('Tra cứu, nộp hồ sơ trực tuyến: dichvucong.gov.vn');
    await shootBoth(home, 'home-level4-portal');
    // With the hall full too, both notices share a row in landscape: the tiles must still fit.
    const kiosk = await t.client('test-kiosk-2-token');
    for (let i = 0; i < 20; i++) await kiosk.issue({ service: 'C' });
    await home.getByText('Sảnh chờ đã đủ người', { exact: false }).waitFor();
    await shootBoth(home, 'home-level4-portal-full');
  });

  it("names the office's own portal, and at level 1 shows the level alone", async () => {
    const office = quocOai((c) => (c.office.onlinePortal = 'https://dichvucong.hanoi.gov.vn/'));
    const t = await suite.hub({ config: testConfig({ office }) });
    const page = await openKiosk(t, 1);

    const level = page.getByTestId('idle-level');
    await level.waitFor({ timeout: 10_000 });
    await expect.poll(() => level.getAttribute('data-level')).toBe('1');
    expect(await page.getByTestId('idle-closed').count()).toBe(0);
    await shootBoth(page, 'idle-level1');

    // The level changes while the kiosk waits: the attract screen follows.
    const boss = await t.supervisor();
    await boss.setLevel(4);
    await expect.poll(() => level.getAttribute('data-level')).toBe('4');
    await level.getByText('dichvucong.hanoi.gov.vn', { exact: false }).first().waitFor();
    const home = await openKiosk(t);
    await home.getByTestId('portal').getByText('dichvucong.hanoi.gov.vn', { exact: false }).waitFor();
    // In English too, once the citizen switches.
    await home.getByRole('button', { name: 'English' }).click();
    await expect
      .poll(() => home.getByTestId('portal').textContent())
      .toBe('Check and file online: dichvucong.hanoi.gov.vn');
  });
});
