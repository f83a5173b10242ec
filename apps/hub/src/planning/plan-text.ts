import type { PlanResult } from '@luot/planner';
import { planRows } from './plan-xlsx.js';

/** One decimal with a decimal comma, as Vietnamese readers write it; "—" for nothing. */
export function dec(x: number | null | undefined, digits = 1): string {
  return x === null || x === undefined ? '—' : x.toFixed(digits).replace('.', ',');
}

const pct = (x: number | null | undefined) =>
  x === null || x === undefined ? '—' : `${Math.round(x * 100)}%`;

/** Columns padded to their widest cell (NFC text: one code unit per letter, diacritics included). */
function table(head: string[], rows: string[][], right: boolean[]): string {
  const width = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((x, c) => (right[c] ? x.padStart(width[c]!) : x.padEnd(width[c]!)))
      .join('  ')
      .trimEnd();
  return [line(head), line(width.map((w) => '─'.repeat(w))), ...rows.map(line)].join('\n');
}

/**
 * The plan as the command line prints it: the hourly table (per interval and service: expected
 * arrivals, counters needed and staffed, Erlang C's p90 wait, the simulated p90 with its 95%
 * interval, the simulated share served in time), the seats, where the day breaks, and the day.
 */
export function planText(plan: PlanResult): string {
  const out: string[] = [];
  out.push(
    `Kế hoạch ngày ${plan.date} — cấp độ ${plan.level} — lượt đến theo ${plan.source?.vi ?? 'số nhập tay'}`,
    `Mục tiêu: ${Math.round(plan.target.share * 100)}% được gọi trong ${plan.target.withinMinutes} phút · ${plan.runs} ngày mô phỏng`,
    '',
  );
  const within = `Trong ${plan.target.withinMinutes}′`;
  out.push(
    table(
      ['Giờ', 'DV', 'Đến', 'Cần', 'Bố trí', 'P90 Erlang', 'P90 mô phỏng (95%)', within],
      planRows(plan).map(({ interval, service }) => {
        const f = plan.perService[service]![interval]!;
        const p90 = f.sim?.p90WaitMinutes;
        return [
          plan.intervals[interval]!,
          service,
          dec(f.arrivals),
          String(f.needed),
          String(f.staffed),
          f.erlang.p90WaitMinutes === null ? '∞' : dec(f.erlang.p90WaitMinutes),
          p90 ? `${dec(p90.value)} (${dec(p90.low)}–${dec(p90.high)})` : '—',
          pct(f.sim?.withinTarget.value),
        ];
      }),
      [false, false, true, true, true, true, true, true],
    ),
  );
  out.push('', 'Phân công:');
  out.push(
    table(
      ['Cán bộ', 'Họ tên', 'Quầy', 'Dịch vụ', 'Từ–đến'],
      plan.seats.map((s) => [
        s.officerId,
        s.officerName,
        String(s.counter),
        s.services.join(','),
        `${s.from}–${s.to}`,
      ]),
      [false, false, true, false, false],
    ),
  );
  out.push('', 'Điểm nghẽn:');
  if (plan.breaks.length === 0 && plan.hallBreaks.length === 0) out.push('  không có: kế hoạch đạt mục tiêu');
  for (const b of plan.breaks) out.push(`  • ${b.text.vi}`);
  for (const b of plan.hallBreaks) out.push(`  • ${b.text.vi}`);
  const d = plan.day;
  out.push(
    '',
    `Cả ngày: ${Math.round(d.citizens.value)} lượt công dân (95%: ${Math.round(d.citizens.low)}–${Math.round(d.citizens.high)}), ` +
      `chờ trung bình ${dec(d.meanWaitMinutes.value)} phút (${dec(d.meanWaitMinutes.low)}–${dec(d.meanWaitMinutes.high)}), ` +
      `${pct(d.withinTarget.value)} được gọi trong ${plan.target.withinMinutes} phút; tối đa ${d.countersOpenMax} quầy mở.`,
  );
  return out.join('\n');
}
