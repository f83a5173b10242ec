import { quocOai } from '@luot/core/testing';
import { simulateDay } from '@luot/sim';
const config = quocOai();
const first = simulateDay(config, { seed: 1, date: '2026-11-30', events: false });
console.log(simulateDay(config, { seed: 1, date: '2026-11-30', events: false, profile: { pace: { idlePoll: Infinity } } }).stats.refusals);
console.log(first.stats);
const waits = first.tickets.filter((t) => t.calledAt).map((t) => (t.calledAt! - t.issuedAt) / 60000).sort((a, b) => a - b);
console.log('wait p50', waits[waits.length >> 1]?.toFixed(1), 'p90', waits[Math.floor(waits.length * 0.9)]?.toFixed(1));
for (const events of [true, false]) {
const t1 = performance.now(); let n = 0;
for (let s = 1; s <= 20; s++) { const d = simulateDay(config, { seed: s, date: '2026-11-30', events }); n += d.tickets.length; }
const dt = performance.now() - t1;
console.log('events', events, '20 days', dt.toFixed(0), 'ms', (dt / 20).toFixed(1), 'ms/day', n / 20, 'tickets/day');
}
