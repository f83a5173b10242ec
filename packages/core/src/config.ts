/** Office configuration: everything that makes one office differ from another. */

export type Level = 1 | 2 | 3 | 4;
export const LEVELS: readonly Level[] = [1, 2, 3, 4];

export interface Text {
  vi: string;
  en: string;
}

export interface ServiceConfig {
  /** Prefix letter printed on the ticket, e.g. 'A'. Also the service id. */
  prefix: string;
  name: Text;
  /** Digits after the prefix: 3 → A012. */
  numberWidth: number;
  /** Tickets per day; absent = no cap. */
  dailyCap?: number;
  /** Still issued when the level restricts services to essential ones. */
  essential?: boolean;
  /** Zone the citizen waits in. */
  zone: string;
  /** Used for the estimated wait until real service times are known. */
  defaultServiceMinutes: number;
  icon?: string;
}

export interface CounterConfig {
  number: number;
  /** Services this counter calls, in preference order (preference breaks ties between equally old tickets). */
  services: string[];
  /** Also calls priority tickets of every service (the default profile's counter 16). */
  servesAllPriority?: boolean;
  agency: Text;
}

export interface ZoneConfig {
  id: string;
  name: Text;
  /** People allowed inside at each distancing level. */
  capacity: Record<Level, number>;
}

export interface LevelRules {
  closedCounters: number[];
  /** 'non-essential' closes every service not marked essential. */
  restrictedServices: string[] | 'non-essential';
  note?: Text;
}

export interface SessionPeriod {
  /** 'HH:MM' local time. */
  start: string;
  end: string;
}

export interface SessionsConfig {
  timeZone: string;
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  days: number[];
  periods: SessionPeriod[];
  /** Stop issuing when the estimated wait would run past the day's last session. */
  stopWhenWaitPastClose: boolean;
  /** Extra dates (YYYY-MM-DD) the office is closed. */
  holidays?: string[];
  /**
   * Demos and development: take tickets at any hour of any day. The calendar above still counts
   * working days (promised return dates), so a demo on a Friday does not promise a Saturday.
   */
  alwaysOpen?: boolean;
}

export interface PriorityCategory {
  id: string;
  name: Text;
}

export interface FairnessConfig {
  /** Priority calls in a row at one counter while normal tickets wait; then one normal ticket is called. */
  maxPriorityInRow: number;
  /** A normal ticket that has waited this long is ordered with the priority class. */
  agingMinutes: number;
}

export interface RatingConfig {
  scale: 3 | 4 | 5;
  timeoutSeconds: number;
  reasons: Array<{ id: string; name: Text }>;
}

export interface OfficeConfig {
  office: { name: Text; shortName?: Text; address?: string; notice?: Text };
  services: ServiceConfig[];
  counters: CounterConfig[];
  zones: ZoneConfig[];
  levels: Record<Level, LevelRules>;
  initialLevel: Level;
  sessions: SessionsConfig;
  priorityCategories: PriorityCategory[];
  fairness: FairnessConfig;
  rating: RatingConfig;
}
