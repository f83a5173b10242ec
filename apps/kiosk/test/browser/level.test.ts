import { quocOai } from '@luot/core/testing';
import { startTestHub, testConfig, type TestHub } from '@luot/hub/testing';
import { browserSuite } from '@luot/testing';
import { describe, expect, it } from 'vitest';
import { assertBuilt, PORTRAIT, shootBoth, tile } from './kiosk-fixture';

// The distancing level on the kiosk (issue #17, item 15): the attract screen says which level the
// office works at and which services it closes, and a closed service tells where to file it online.

const suite = browserSuite(startTestHub);

/** The kiosk of `t`, going idle after a second without a touch. */
async function openIdleKiosk(t: TestHub) {
  assertBuilt();
  const context = await suite.browser.newContext({ viewport: PORTRAIT });
  const page = await context.newPage();
  await page.goto(`${t.hub.url}/kiosk?token=test-kiosk-1-token&idleSeconds=1`);
  return page;
}

describe('kiosk: the distancing level', () => {
  it('the idle screen names the level and the services it closes; their tiles give the national portal', async () => {
    const t = await suite.hub();
    const boss = await t.client('test-supervisor-token');
    await boss.setLevel(4); // essential services only (C, E, L, S, R, H)
    const page = await openIdleKiosk(t);

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

    // Home: the closed tiles say why, and the notice above them where to file those online.
    await page.getByText('Chạm để lấy số thứ tự').click();
    await tile(page, 'Đất đai').getByText('Tạm dừng tiếp nhận (cấp độ 4)').waitFor();
    await expect
      .poll(() => page.getByTestId('portal').textContent())
      .toBe('Lĩnh vực tạm dừng tiếp nhận tại quầy: tra cứu, nộp hồ sơ trực tuyến tại dichvucong.gov.vn');
    await shootBoth(page, 'home-level4-portal');
  });

  it("names the office's own portal, and at level 1 shows the level alone", async () => {
    const office = quocOai((c) => (c.office.onlinePortal = 'https://dichvucong.hanoi.gov.vn/'));
    const t = await suite.hub({ config: testConfig({ office }) });
    const page = await openIdleKiosk(t);

    const level = page.getByTestId('idle-level');
    await level.waitFor({ timeout: 10_000 });
    await expect.poll(() => level.getAttribute('data-level')).toBe('1');
    expect(await page.getByTestId('idle-closed').count()).toBe(0);
    await shootBoth(page, 'idle-level1');

    // The level changes while the kiosk waits: the attract screen follows.
    const boss = await t.client('test-supervisor-token');
    await boss.setLevel(4);
    await expect.poll(() => level.getAttribute('data-level')).toBe('4');
    await level.getByText('dichvucong.hanoi.gov.vn', { exact: false }).first().waitFor();
    await page.getByText('Chạm để lấy số thứ tự').click();
    await page.getByTestId('portal').getByText('dichvucong.hanoi.gov.vn', { exact: false }).waitFor();
    // In English too, once the citizen switches.
    await page.getByRole('button', { name: 'English' }).click();
    await expect
      .poll(() => page.getByTestId('portal').textContent())
      .toBe('Services not taken at the counters: check and file online at dichvucong.hanoi.gov.vn');
  });
});
