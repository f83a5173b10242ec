import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { LuotClient } from '@luot/client';
import { quocOai } from '@luot/core/testing';
import { openStorage } from '../../apps/hub/src/storage/index.js';
import { FINAL_STATUSES_SQL } from '../../apps/hub/src/storage/migrations/007-lean-live-writes.js';
import { writeHistory } from '../../apps/hub/test/reports/history.js';
import { buildHub, withHub } from './hub.js';
import { round, summary } from './stats.js';

const YEAR = { from: '2026-01-01', to: '2026-12-31' };
const MONTHS = Array.from({ length: 12 }, (_, m) => {
  const month = String(m + 1).padStart(2, '0');
  const last = new Date(Date.UTC(2026, m + 1, 0)).getUTCDate();
  return { from: `2026-${month}-01`, to: `2026-${month}-${last}` };
});

/**
 * Reports over a synthetic year (#13): one 16-counter office (Quốc Oai), every working day of 2026
 * played by the seeded day simulator through the real core (≈ 800 tickets a day, ≈ 200,000 in all)
 * and written through the hub's Store. Then the built hub, as `npm start` runs it, answers
 * `GET /api/reports` for each month and for the whole year (targets: < 300 ms, < 1 s), timed from
 * request to the last byte of the answer. The substrate, in the same run: SQLite alone visiting
 * every ticket of the same range (a count and two sums through the same covering index, which holds
 * ended tickets: every ticket of a past day), in process, no JavaScript per row.
 */
export async function benchReports(dir: string) {
  const data = join(dir, 'reports-data');
  mkdirSync(data, { recursive: true });
  const file = join(data, 'luot.sqlite');
  const storage = openStorage(file);
  const t0 = performance.now();
  const history = writeHistory(storage.store, quocOai(), {
    ...YEAR,
    days: 365,
    seed: 1,
    profile: { tickets: 800 },
  });
  const historyS = round((performance.now() - t0) / 1000, 1);
  storage.close();
  console.log(`reports: a synthetic year of ${history.tickets} tickets written in ${historyS} s`);

  const db = new Database(file, { readonly: true });
  const visit = db.prepare(
    `SELECT COUNT(*) AS n, SUM(issued_at), SUM(first_called_at) FROM tickets
       WHERE day BETWEEN ? AND ? AND status IN ${FINAL_STATUSES_SQL}`,
  );
  const substrate = (range: { from: string; to: string }) => {
    const s = performance.now();
    visit.get(range.from, range.to);
    return performance.now() - s;
  };
  substrate(YEAR); // warm the page cache as the hub's first report does
  const substrateMonth = MONTHS.map(substrate);
  const substrateYear = Array.from({ length: 5 }, () => substrate(YEAR));
  db.close();

  buildHub();
  return withHub(dir, 'reports', async (url) => {
    // Supervisor routes need the device's token and a signed-in head's session.
    const boss = new LuotClient({
      url,
      token: 'bench-supervisor-token',
      timeoutMs: 30_000,
      mirror: false,
    }).connect();
    await boss.online();
    const { result } = await boss.signInSupervisor('ld1', '1234');
    const auth = {
      headers: { authorization: 'Bearer bench-supervisor-token', 'x-luot-session': result.session },
    };
    const get = async (range: { from: string; to: string }, compare = false) => {
      const s = performance.now();
      const res = await fetch(
        `${url}/api/reports?from=${range.from}&to=${range.to}${compare ? '&compare=1' : ''}`,
        auth,
      );
      const body = (await res.json()) as {
        current: { rowsScanned: number };
        previous: { rowsScanned: number } | null;
      };
      if (!res.ok) throw new Error(`report ${range.from}…${range.to}: ${res.status}`);
      return {
        ms: performance.now() - s,
        rows: body.current.rowsScanned + (body.previous?.rowsScanned ?? 0),
      };
    };
    await get(YEAR); // the hub's first report: its page cache and code warm up
    const months = [];
    for (const m of MONTHS) months.push(await get(m));
    const years = [];
    for (let i = 0; i < 5; i++) years.push(await get(YEAR));
    // A quarter compared with the one before: two scans in one answer.
    const quarter = [];
    for (let i = 0; i < 5; i++) quarter.push(await get({ from: '2026-04-01', to: '2026-06-30' }, true));
    // What a citizen at the kiosk pays meanwhile: tickets issued one after another, alone and while
    // three year reports run (the scan yields every 14 days).
    const kiosk = new LuotClient({
      url,
      token: 'bench-kiosk-1-token',
      timeoutMs: 30_000,
      mirror: false,
    }).connect();
    await kiosk.online();
    const issueWhile = async (busy: Promise<unknown> | null) => {
      const times: number[] = [];
      let done = busy === null;
      void busy?.then(() => (done = true));
      for (let i = 0; i < 40 || !done; i++) {
        const s = performance.now();
        await kiosk.issue({ service: 'A' });
        times.push(performance.now() - s);
      }
      return summary(times);
    };
    const alone = await issueWhile(null);
    const during = await issueWhile(Promise.all([get(YEAR), get(YEAR), get(YEAR)]));
    kiosk.close();
    boss.close();
    return {
      history: { ...history, writtenS: historyS },
      kioskIssueMs: { alone, duringYearReports: during },
      monthMs: { ...summary(months.map((m) => m.ms)), rowsScanned: summary(months.map((m) => m.rows)) },
      yearMs: { ...summary(years.map((y) => y.ms)), rowsScanned: years[0]!.rows },
      quarterWithPreviousMs: { ...summary(quarter.map((q) => q.ms)), rowsScanned: quarter[0]!.rows },
      substrateSqliteVisitMs: { month: summary(substrateMonth), year: summary(substrateYear) },
    };
  });
}
