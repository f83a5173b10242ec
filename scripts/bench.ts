/**
 * `npm run bench`: figures, not assertions. Each figure is printed beside the cost of what it stands
 * on, measured the same way in the same run, and everything is saved as JSON under artifacts/bench/.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { benchHub, benchSnapshotFlood, benchSubstrate, buildHub, tempDir, withHub } from './bench/hub.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const only = process.argv.slice(2);
const want = (name: string) => only.length === 0 || only.includes(name);

const results: Record<string, unknown> = { date: new Date().toISOString(), node: process.version };
const { dir, remove } = tempDir();
try {
  if (want('hub')) {
    console.log('substrate: SQLite synchronous=FULL commit, Socket.IO round trip …');
    results.substrate = await benchSubstrate(dir);
    console.log(results.substrate);
    console.log('hub: issue latency, throughput, call → 1,000 displays, memory …');
    results.hub = await benchHub(dir);
    console.log(results.hub);
  }
  // The snapshot flood alone (also part of 'hub'): `npm run bench -- flood`.
  if (only.includes('flood') && !want('hub')) {
    console.log('hub: kiosk issue latency during a snapshot flood …');
    buildHub();
    results.flood = await withHub(dir, 'flood', (url, pid) => benchSnapshotFlood(url, pid));
    console.log(JSON.stringify(results.flood, null, 2));
  }
  // Reports over a synthetic year: not part of 'hub', a year of history takes a minute to write.
  if (want('reports')) {
    const { benchReports } = await import('./bench/reports.js');
    console.log('reports: a synthetic year, then GET /api/reports per month and for the year …');
    results.reports = await benchReports(dir);
    console.log(JSON.stringify(results.reports, null, 2));
  }
  // Reports across 170 offices at the city: not part of 'hub', it needs PostgreSQL and ≈ 3 M tickets.
  if (only.includes('city-reports')) {
    const { benchCityReports } = await import('./bench/city-reports.js');
    console.log('city reports: a month of 170 offices on PostgreSQL, then GET /api/reports …');
    results.cityReports = await benchCityReports();
    console.log(JSON.stringify(results.cityReports, null, 2));
  }
  if (want('planner')) {
    const { benchPlanner } = await import('./bench/planner.js');
    console.log('planner: one day of 16 counters simulated 1,000 times, beside Erlang C …');
    results.planner = await benchPlanner();
    console.log(results.planner);
  }
  // The simulator against Erlang C, the table of docs/planner.md (minutes): `npm run bench -- mmc`.
  if (only.includes('mmc')) {
    const { benchMmc } = await import('./bench/planner.js');
    results.mmc = benchMmc();
    console.table(results.mmc);
  }
  // The city's ingest on a durable private PostgreSQL (needs Debian's postgresql): `npm run bench -- city`.
  if (only.includes('city')) {
    const { benchCity } = await import('./bench/city.js');
    console.log('city: sustained ingest and catch-up over real uplinks, beside bare INSERTs …');
    results.city = await benchCity();
    console.log(JSON.stringify(results.city, null, 2));
  }
  // Issue #14's race: 1,000 bookers for one slot of 50 places (`npm run bench -- bookings`).
  if (want('bookings')) {
    const { benchBookingRace } = await import('./bench/bookings.js');
    console.log('bookings: 1,000 concurrent confirms for one slot of 50 places …');
    results.bookings = await benchBookingRace(dir);
    console.log(results.bookings);
  }
  if (want('client')) {
    const { benchMirror } = await import('./bench/client.js');
    results.clientMirror = benchMirror();
    console.log('client mirror (per event):', results.clientMirror);
  }
  if (want('printer')) {
    const { benchPrinter } = await import('@luot/printer');
    results.printer = await benchPrinter();
    console.log('printer:', results.printer);
  }
  // Browser benchmarks need the built apps and Chromium.
  const built = (app: string) => existsSync(`${ROOT}apps/${app}/dist/index.html`);
  if (want('kiosk') && built('kiosk')) {
    const { benchTapToPrint } = await import('../apps/kiosk/test/bench/tap-to-print.js');
    results.kioskTapToPrintMs = await benchTapToPrint(30);
    console.log('kiosk tap → printed:', results.kioskTapToPrintMs);
  }
  if (want('display') && built('display')) {
    const { benchCallToDom } = await import('../apps/display/test/bench/call-to-dom.js');
    results.displayCallToDomMs = await benchCallToDom(40);
    console.log('display call → DOM:', results.displayCallToDomMs);
  }
} finally {
  remove();
}

mkdirSync(`${ROOT}artifacts/bench`, { recursive: true });
const file = `${ROOT}artifacts/bench/bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
writeFileSync(file, JSON.stringify(results, null, 2));
console.log(`saved ${file}`);
process.exit(0);
