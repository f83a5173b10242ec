import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '@luot/hub/testing';
import { browserSuite, screenshot } from '@luot/testing';
import { counterRow, LARGE, openSignedIn, POLL, SMALL } from './helpers.js';

// The "Kế hoạch" page (#16) against a real hub: the plan made by the hub's worker, the breaks, the
// seats, a what-if beside it, and today's plan applied to the counters through audited commands.

const suite = browserSuite(startTestHub);
// Plans take seconds each (a worker thread per plan, two cores shared with other test files).
const PLAN = { timeout: 60_000 };
const TEST_MS = 150_000;
const PRESENT = ['Cán bộ 1', 'Cán bộ 2', 'Cán bộ 5', 'Cán bộ 6', 'Cán bộ 9', 'Cán bộ 12'];

async function openPlan(t: TestHub, viewport = SMALL): Promise<Page> {
  const page = await openSignedIn(suite.browser, t, viewport);
  await page.getByRole('link', { name: 'Kế hoạch' }).click();
  await page.getByRole('button', { name: 'Lập kế hoạch' }).waitFor();
  return page;
}

/** Fill the form with few officers and few simulated days, and make the plan. */
async function makePlan(page: Page, date?: string): Promise<void> {
  if (date) await page.getByLabel('Ngày', { exact: true }).fill(date);
  await page.getByLabel('Số ngày mô phỏng').fill('20');
  await page.getByRole('button', { name: 'Bỏ chọn' }).click();
  for (const name of PRESENT) await page.getByRole('checkbox', { name, exact: true }).check();
  await page.getByRole('button', { name: 'Lập kế hoạch' }).click();
}

describe('supervisor console: the plan', () => {
  it(
    'makes tomorrow’s plan: breaks, seats, the day with its intervals, a what-if beside it',
    async () => {
      const t = await suite.hub();
      const page = await openPlan(t);
      // Tomorrow's working day by the hub (its Monday 30 November: Tuesday 1 December).
      expect(await page.getByLabel('Ngày', { exact: true }).inputValue()).toBe('2026-12-01');
      await makePlan(page);
      const result = page.getByTestId('plan-result');
      await result.waitFor(PLAN);
      expect(await page.getByTestId('plan-line').textContent()).toContain('Kế hoạch ngày 01/12/2026');
      expect(await page.getByTestId('plan-line').textContent()).toContain('6 cán bộ');

      // Six officers for fourteen services: the day breaks, and says where in words.
      const breaks = page.getByTestId('breaks').getByRole('listitem');
      expect(await breaks.count()).toBeGreaterThan(0);
      expect(await breaks.first().textContent()).toMatch(/^\d\d:\d\d–\d\d:\d\d .+ cần \d+ quầy/);
      // The seats: only the officers present, each at a counter.
      const seats = page.locator('[data-testid="seats"] tbody tr');
      expect(await seats.count()).toBeGreaterThan(0);
      for (const officer of await seats.evaluateAll((rows) =>
        rows.map((r) => r.getAttribute('data-officer')),
      )) {
        expect(['cb1', 'cb2', 'cb5', 'cb6', 'cb9', 'cb12']).toContain(officer);
      }
      expect(await page.getByTestId('day-within').textContent()).toMatch(/^\d+% \(\d+–\d+%\)$/);
      expect(await page.getByTestId('hall-p95').textContent()).toMatch(/\d+ \/ \d+/);
      // The charts are drawn (SVG), the breaks shaded on the first.
      await page.locator('[data-testid="chart-need"] svg').waitFor();
      await page.locator('[data-testid="chart-hall"] svg').waitFor();
      expect(await page.locator('[data-testid="need-grid"] td.broken').count()).toBeGreaterThan(0);
      await screenshot(page, 'supervisor', 'plan-1366');

      // The plan on screen as a workbook: the hub hands back the plan it made, not a new one.
      const [file] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('plan-xlsx').click(),
      ]);
      expect(file.suggestedFilename()).toBe('luot-ke-hoach-2026-12-01.xlsx');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile((await file.path())!);
      const sheets = wb.worksheets.map((w) => w.name);
      expect(sheets).toEqual(expect.arrayContaining(['Kế hoạch theo giờ', 'Phân công', 'Điểm nghẽn']));
      const breaksSheet = wb.getWorksheet('Điểm nghẽn')!;
      const texts: string[] = [];
      breaksSheet.eachRow((row) =>
        row.eachCell((c) => void (typeof c.value === 'string' && texts.push(c.value))),
      );
      expect(texts).toContain(await breaks.first().textContent());

      await page.setViewportSize(LARGE);
      await screenshot(page, 'supervisor', 'plan-1920');

      // What if: one officer less and 30% more citizens.
      await page.getByLabel('Bớt một cán bộ').selectOption({ label: 'Cán bộ 12' });
      expect(await page.getByLabel('Người đến thêm (%)').inputValue()).toBe('30');
      await page.getByRole('button', { name: 'Lập phương án so sánh' }).click();
      const compare = page.getByTestId('whatif-day');
      await compare.waitFor(PLAN);
      expect(await compare.locator('thead').textContent()).toContain(
        'Phương án: bớt Cán bộ 12, người đến +30%',
      );
      const citizens = compare.getByRole('row', { name: /Công dân trong ngày/ }).locator('td');
      const [before, after] = (await citizens.allTextContents()).map((s) =>
        Number(s.split(' ')[0]!.replace('.', '')),
      );
      expect(after!).toBeGreaterThan(before!); // 30% more arrivals
      expect(await page.locator('[data-testid="whatif-services"] tbody tr').count()).toBeGreaterThan(0);
      await page.getByTestId('whatif').scrollIntoViewIfNeeded();
      await screenshot(page, 'supervisor', 'plan-whatif-1920');
      await page.setViewportSize(SMALL);
      await screenshot(page, 'supervisor', 'plan-whatif-1366');

      // Tomorrow's plan cannot be applied to today's counters.
      expect(await page.getByRole('button', { name: 'Áp dụng phân công' }).isDisabled()).toBe(true);
    },
    TEST_MS,
  );

  it(
    'applies today’s assignment after a confirmation: the counters’ services change, each audited',
    async () => {
      const t = await suite.hub();
      const page = await openPlan(t);
      await makePlan(page, '2026-11-30');
      await page.getByTestId('plan-result').waitFor(PLAN);
      expect(await page.getByTestId('plan-line').textContent()).toContain('Kế hoạch ngày 30/11/2026');

      await page.getByRole('button', { name: 'Áp dụng phân công' }).click();
      const dialog = page.getByRole('dialog', { name: 'Áp dụng phân công hôm nay' });
      await dialog.waitFor();
      const changes = await dialog
        .getByTestId('apply-changes')
        .locator('li')
        .evaluateAll((items) =>
          items.map((li) => ({
            counter: Number(li.getAttribute('data-counter')),
            to: li.getAttribute('data-to')!.split(','),
          })),
        );
      expect(changes.length).toBeGreaterThan(0);
      await screenshot(page, 'supervisor', 'plan-apply-1366');
      await dialog.getByRole('button', { name: 'Áp dụng' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page
        .getByTestId('plan-applied')
        .filter({ hasText: `Đã áp dụng cho ${changes.length} quầy.` })
        .waitFor();

      const configured = t.hub.engine.config.counters;
      for (const c of changes) {
        const same = configured.find((x) => x.number === c.counter)!.services.join(',') === c.to.join(',');
        expect(t.hub.engine.state.counters[c.counter]!.services).toEqual(same ? null : c.to);
      }

      // The monitor shows the new services, marked as today's.
      await page.getByRole('link', { name: 'Giám sát' }).click();
      const first = changes[0]!;
      await expect
        .poll(() => counterRow(page, first.counter).textContent(), POLL)
        .toContain(first.to.join(', '));

      // The audit log has one entry per counter changed, by the head.
      await page.getByRole('link', { name: 'Nhật ký' }).click();
      const rows = page.getByTestId('audit').locator('tr[data-action="supervisor.setCounterServices"]');
      await expect.poll(() => rows.count(), POLL).toBe(changes.length);
      expect(await rows.first().textContent()).toContain('Nguyễn Văn Lãnh');
      expect(await rows.first().textContent()).toContain('Đổi lĩnh vực của quầy');
    },
    TEST_MS,
  );

  it('shows the hub’s refusal in Vietnamese', async () => {
    const t = await suite.hub();
    const page = await openPlan(t);
    await page.getByRole('button', { name: 'Bỏ chọn' }).click();
    expect(await page.getByRole('button', { name: 'Lập kế hoạch' }).isDisabled()).toBe(true);
    await page.getByRole('checkbox', { name: 'Cán bộ 3', exact: true }).check();
    await page.getByLabel('Số ngày mô phỏng').fill('5000');
    // The browser's own check would stop the form first; the hub's words are what this is about.
    await page.locator('form.plan-form').evaluate((f) => f.setAttribute('novalidate', ''));
    // From the keyboard: Enter in a field makes the plan.
    await page.getByLabel('Số ngày mô phỏng').press('Enter');
    await page
      .getByTestId('plan-error')
      .filter({ hasText: 'Số ngày mô phỏng phải từ 1 đến 1000.' })
      .waitFor();
    expect(t.hub.engine.state.day).toBe('2026-11-30');
  });
});
