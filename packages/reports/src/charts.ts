import type { RatingLevel, ReportCharts, ServiceRow } from '@luot/protocol';
import { round4 } from './stats.js';
import type { TicketFacts } from './tally.js';

/** Bucket edges of the waiting-time histogram, minutes: 0–5, 5–10, …, 90–120, 120 and more. */
export const WAIT_BUCKETS = [0, 5, 10, 15, 20, 30, 45, 60, 90, 120];

/**
 * The data behind the console's charts, collected in the same pass over the tickets as the tables:
 * arrivals per hour and service, the waits' distribution, arrivals per weekday and hour, and each
 * officer's satisfaction per day.
 */
export class ChartData {
  /** `${service}` → 24 counts by hour of issue. */
  private readonly hourly = new Map<string, number[]>();
  private readonly waits = WAIT_BUCKETS.map(() => 0);
  private readonly heat = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  private readonly datesByWeekday = Array.from({ length: 7 }, () => new Set<string>());
  /** officer → day → [answered, satisfied] */
  private readonly satisfaction = new Map<string, Map<string, [number, number]>>();

  constructor(private readonly levels: RatingLevel[]) {}

  /** One ticket: its service, office day, officer, hour of issue and ISO weekday, and its facts. */
  add(
    service: string,
    day: string,
    officer: string | null,
    hour: number,
    weekday: number,
    f: TicketFacts,
  ): void {
    let hours = this.hourly.get(service);
    if (!hours) this.hourly.set(service, (hours = new Array<number>(24).fill(0)));
    hours[hour]!++;
    this.heat[weekday - 1]![hour]!++;
    this.datesByWeekday[weekday - 1]!.add(day);

    if (f.wait !== null) {
      const wait = f.wait / 60_000;
      let b = WAIT_BUCKETS.length - 1;
      while (b > 0 && wait < WAIT_BUCKETS[b]!) b--;
      this.waits[b]!++;
    }

    if (officer !== null && typeof f.rating === 'number') {
      let days = this.satisfaction.get(officer);
      if (!days) this.satisfaction.set(officer, (days = new Map()));
      let cell = days.get(day);
      if (!cell) days.set(day, (cell = [0, 0]));
      cell[0]++;
      if (this.levels[f.rating]!.satisfied) cell[1]++;
    }
  }

  build(
    serviceOrder: (a: string, b: string) => number,
    officerOrder: (a: string, b: string) => number,
    officerName: (id: string) => string | null,
    byService: ServiceRow[],
  ): ReportCharts {
    // The hours from the first to the last that had a ticket: a chart without empty nights.
    const used = [...this.hourly.values()].reduce(
      (acc, counts) => counts.map((n, h) => n + acc[h]!),
      new Array<number>(24).fill(0),
    );
    const first = used.findIndex((n) => n > 0);
    const last = 23 - [...used].reverse().findIndex((n) => n > 0);
    const hours = first < 0 ? [] : Array.from({ length: last - first + 1 }, (_, i) => first + i);
    return {
      hourlyByService: {
        hours,
        series: [...this.hourly.keys()].sort(serviceOrder).map((service) => ({
          service,
          counts: hours.map((h) => this.hourly.get(service)![h]!),
        })),
      },
      waitHistogram: WAIT_BUCKETS.map((from, i) => ({
        from,
        to: WAIT_BUCKETS[i + 1] ?? null,
        count: this.waits[i]!,
      })),
      arrivalsHeatmap: { counts: this.heat, days: this.datesByWeekday.map((s) => s.size) },
      satisfactionByOfficer: [...this.satisfaction.keys()].sort(officerOrder).map((officer) => ({
        officer,
        name: officerName(officer),
        days: [...this.satisfaction.get(officer)!.entries()]
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([day, [answered, satisfied]]) => ({
            day,
            answered,
            satisfied,
            satisfaction: round4(satisfied / answered),
          })),
      })),
      withinTargetByService: byService.map((r) => ({ service: r.service, ...r.withinTarget })),
    };
  }
}
