/**
 * Office configuration: everything that makes one office differ from another.
 *
 * The schema is the one source of the configuration's shape: the types below are inferred from it,
 * so the file the hub reads, the rules that use it and the screens that show it cannot drift apart.
 * It lives in the core (zod is pure: no I/O) because the rules are what read it.
 */
import { z } from 'zod';

/** A text people read, in Vietnamese first and English. */
export const TextSchema = z.object({ vi: z.string().min(1), en: z.string().min(1) });
export type Text = z.infer<typeof TextSchema>;

export const LevelSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
/** Distancing level after Nghị quyết 128/NQ-CP: 1 green … 4 red. */
export type Level = z.infer<typeof LevelSchema>;
export const LEVELS: readonly Level[] = [1, 2, 3, 4];

/** One value per distancing level; JSON keys "1"…"4", read with the level number. */
const perLevel = <S extends z.ZodType>(value: S) => z.object({ 1: value, 2: value, 3: value, 4: value });

const hm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'HH:MM');

export const ServiceConfigSchema = z.object({
  /** Prefix letter printed on the ticket, e.g. 'A'. Also the service id. */
  prefix: z
    .string()
    .regex(/^[A-Z]$/, 'one capital letter')
    .refine((p) => !'DIOQ'.includes(p), 'D, Đ, I, O and Q are misread or misheard; choose another prefix'),
  name: TextSchema,
  /** Digits after the prefix: 3 → A012. */
  numberWidth: z.number().int().min(2).max(4),
  /** Tickets per day; absent = no cap. */
  dailyCap: z.number().int().positive().optional(),
  /** Still issued when the level restricts services to essential ones. */
  essential: z.boolean().optional(),
  /** Zone the citizen waits in. */
  zone: z.string(),
  /** Used for the estimated wait until real service times are known. */
  defaultServiceMinutes: z.number().positive(),
  icon: z.string().optional(),
  /** The procedures (TTHC) received under this service, as the booking page lists them. */
  procedures: z.array(TextSchema).optional(),
  /** What a citizen should bring (papers), on a booking's confirmation. */
  bring: z.array(TextSchema).optional(),
  /** This service's own booking rules, over the office's `bookings` (see `serviceBookingRules`). */
  bookings: z
    .object({
      /** false: no online numbers for this service even when the office takes bookings. */
      enabled: z.boolean().optional(),
      share: z.number().min(0).max(1).optional(),
      fixedPlaces: z.number().int().min(0).optional(),
    })
    .optional(),
});
export type ServiceConfig = z.infer<typeof ServiceConfigSchema>;

export const CounterConfigSchema = z.object({
  number: z.number().int().min(1).max(999),
  /** Services this counter calls, in preference order (preference breaks ties between equally old tickets). */
  services: z.array(z.string()),
  /** Also calls priority tickets of every service (the default profile's counter 16). */
  servesAllPriority: z.boolean().optional(),
  agency: TextSchema,
});
export type CounterConfig = z.infer<typeof CounterConfigSchema>;

export const ZoneConfigSchema = z.object({
  id: z.string(),
  name: TextSchema,
  /** People allowed inside at each distancing level. */
  capacity: perLevel(z.number().int().min(4)),
});
export type ZoneConfig = z.infer<typeof ZoneConfigSchema>;

export const LevelRulesSchema = z.object({
  closedCounters: z.array(z.number().int().positive()),
  /** 'non-essential' closes every service not marked essential. */
  restrictedServices: z.union([z.array(z.string()), z.literal('non-essential')]),
  note: TextSchema.optional(),
});
export type LevelRules = z.infer<typeof LevelRulesSchema>;

export const SessionPeriodSchema = z.object({ start: hm, end: hm });
/** 'HH:MM' local times. */
export type SessionPeriod = z.infer<typeof SessionPeriodSchema>;

export const SessionsConfigSchema = z.object({
  timeZone: z.string(),
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  days: z.array(z.number().int().min(1).max(7)),
  periods: z.array(SessionPeriodSchema).min(1),
  /** Stop issuing when the estimated wait would run past the day's last session. */
  stopWhenWaitPastClose: z.boolean(),
  /** Extra dates (YYYY-MM-DD) the office is closed. */
  holidays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)).optional(),
  /**
   * Demos and development: take tickets at any hour of any day. The calendar above still counts
   * working days (promised return dates), so a demo on a Friday does not promise a Saturday.
   */
  alwaysOpen: z.boolean().optional(),
});
export type SessionsConfig = z.infer<typeof SessionsConfigSchema>;

export const PriorityCategorySchema = z.object({ id: z.string(), name: TextSchema });
export type PriorityCategory = z.infer<typeof PriorityCategorySchema>;

export const FairnessConfigSchema = z.object({
  /** Priority calls in a row at one counter while normal tickets wait; then one normal ticket is called. */
  maxPriorityInRow: z.number().int().min(1),
  /** A normal ticket that has waited this long is ordered with the priority class. */
  agingMinutes: z.number().positive(),
  /**
   * A no-show ticket that is reactivated goes back into its line with exactly this many of the
   * tickets then waiting in that line ahead of it (fewer if fewer wait). Default 2.
   */
  reactivateBehind: z.number().int().min(0).optional(),
  /** A no-show can be reactivated only this many minutes after it was marked. Default 120. */
  reactivateWithinMinutes: z.number().positive().optional(),
});
export type FairnessConfig = z.infer<typeof FairnessConfigSchema>;

export const RatingConfigSchema = z.object({
  scale: z.union([z.literal(3), z.literal(4), z.literal(5)]),
  timeoutSeconds: z.number().int().min(5),
  reasons: z.array(z.object({ id: z.string(), name: TextSchema })),
});
export type RatingConfig = z.infer<typeof RatingConfigSchema>;

/**
 * When the supervisor console raises an alert (every field optional; `alertThresholds` fills in
 * the defaults): a citizen waiting longer than `waitMinutes` [30]; a counter idle `idleCounterMinutes`
 * [3] while its services have people waiting; a device offline longer than `deviceOfflineMinutes`
 * [1]; `dissatisfiedInRow` [3] "not satisfied" ratings in a row at one counter.
 */
export const AlertConfigSchema = z.object({
  waitMinutes: z.number().positive().optional(),
  idleCounterMinutes: z.number().positive().optional(),
  deviceOfflineMinutes: z.number().positive().optional(),
  dissatisfiedInRow: z.number().int().min(1).optional(),
});
export type AlertConfig = z.infer<typeof AlertConfigSchema>;

export const ALERT_DEFAULTS: Required<AlertConfig> = {
  waitMinutes: 30,
  idleCounterMinutes: 3,
  deviceOfflineMinutes: 1,
  dissatisfiedInRow: 3,
};

/** The office's alert thresholds, defaults filled in. */
export function alertThresholds(config: { alerts?: AlertConfig }): Required<AlertConfig> {
  return { ...ALERT_DEFAULTS, ...config.alerts };
}

/**
 * Online numbers (docs/queue-rules.md, "Bookings"). Every field is optional so that every office
 * file written before bookings stays valid; `bookingRules` fills in `BOOKING_DEFAULTS`. Bookings
 * are off unless the office turns them on.
 */
export const BookingsConfigSchema = z.object({
  enabled: z.boolean().optional(),
  /** Length of a slot in minutes [15]; slots start at each session's start. */
  slotMinutes: z.number().int().min(5).max(240).optional(),
  /** Share of what the counters can finish in a slot that is offered for booking [0.5]. */
  share: z.number().min(0).max(1).optional(),
  /** A fixed number of places per slot instead of the share (a service may override either). */
  fixedPlaces: z.number().int().min(0).optional(),
  /** Bookable days: today and the next N working days [6]. */
  horizonWorkingDays: z.number().int().min(0).max(60).optional(),
  /** Booking a slot closes this many minutes before it starts [30]. */
  closeBeforeMinutes: z.number().min(0).optional(),
  /** Bookings per citizen (phone, or CCCD when given) per day [2], and per service per day [1]. */
  perDay: z.number().int().min(1).optional(),
  perServiceDay: z.number().int().min(1).optional(),
  /** Cancellations in any 7 days [3] that block booking for `blockDays` [7]. */
  cancellationsPerWeek: z.number().int().min(1).optional(),
  blockDays: z.number().min(0).optional(),
  checkIn: z
    .object({
      /** Check-in opens this many minutes before the slot [30] … */
      earlyMinutes: z.number().min(0).optional(),
      /** … and closes this many after its start [10]; later, the booking lapses. */
      lateMinutes: z.number().min(0).optional(),
      /** Before the window: tell the citizen when to come back, or check them in to wait ['come_back']. */
      early: z.enum(['come_back', 'wait']).optional(),
    })
    .optional(),
  walkInGuard: z
    .object({
      /** Once the walk-in a counter would call has waited this long [the wait target, `alerts.waitMinutes`, 30] … */
      afterMinutes: z.number().positive().optional(),
      /** … at most this many bookings are called in a row before it [2]. */
      maxBookedInRow: z.number().int().min(1).optional(),
    })
    .optional(),
});
export type BookingsConfig = z.infer<typeof BookingsConfigSchema>;

/** The booking rules with every default filled in. */
export interface BookingRules {
  enabled: boolean;
  slotMinutes: number;
  share: number;
  fixedPlaces: number | null;
  horizonWorkingDays: number;
  closeBeforeMinutes: number;
  perDay: number;
  perServiceDay: number;
  cancellationsPerWeek: number;
  blockDays: number;
  checkIn: { earlyMinutes: number; lateMinutes: number; early: 'come_back' | 'wait' };
  walkInGuard: { afterMinutes: number; maxBookedInRow: number };
}

/** The defaults (the issue's figures; `walkInGuard.afterMinutes` is the office's wait target). */
export const BOOKING_DEFAULTS: BookingRules = {
  enabled: false,
  slotMinutes: 15,
  share: 0.5,
  fixedPlaces: null,
  horizonWorkingDays: 6,
  closeBeforeMinutes: 30,
  perDay: 2,
  perServiceDay: 1,
  cancellationsPerWeek: 3,
  blockDays: 7,
  checkIn: { earlyMinutes: 30, lateMinutes: 10, early: 'come_back' },
  walkInGuard: { afterMinutes: ALERT_DEFAULTS.waitMinutes, maxBookedInRow: 2 },
};

/** Resolved once per configuration object (never changed in place): routing reads the guard on every call. */
const resolvedRules = new WeakMap<object, BookingRules>();

/** The office's booking rules, defaults filled in. */
export function bookingRules(config: { bookings?: BookingsConfig; alerts?: AlertConfig }): BookingRules {
  let r = resolvedRules.get(config);
  if (r) return r;
  const b = config.bookings ?? {};
  const d = BOOKING_DEFAULTS;
  r = {
    enabled: b.enabled ?? d.enabled,
    slotMinutes: b.slotMinutes ?? d.slotMinutes,
    share: b.share ?? d.share,
    fixedPlaces: b.fixedPlaces ?? d.fixedPlaces,
    horizonWorkingDays: b.horizonWorkingDays ?? d.horizonWorkingDays,
    closeBeforeMinutes: b.closeBeforeMinutes ?? d.closeBeforeMinutes,
    perDay: b.perDay ?? d.perDay,
    perServiceDay: b.perServiceDay ?? d.perServiceDay,
    cancellationsPerWeek: b.cancellationsPerWeek ?? d.cancellationsPerWeek,
    blockDays: b.blockDays ?? d.blockDays,
    checkIn: { ...d.checkIn, ...b.checkIn },
    walkInGuard: {
      // The guard protects the wait the office promises itself: its alert threshold.
      afterMinutes: b.walkInGuard?.afterMinutes ?? alertThresholds(config).waitMinutes,
      maxBookedInRow: b.walkInGuard?.maxBookedInRow ?? d.walkInGuard.maxBookedInRow,
    },
  };
  resolvedRules.set(config, r);
  return r;
}

/** A service's places rule: its own `enabled` / `fixedPlaces` / `share` over the office's. */
export interface ServiceBookingRules {
  enabled: boolean;
  share: number;
  fixedPlaces: number | null;
}

export function serviceBookingRules(config: OfficeConfig, service: string): ServiceBookingRules {
  const office = bookingRules(config);
  const own = config.services.find((s) => s.prefix === service)?.bookings;
  // A service's share replaces the office's fixed number too: the more specific rule wins.
  const fixedPlaces = own?.fixedPlaces ?? (own?.share !== undefined ? null : office.fixedPlaces);
  return {
    enabled: office.enabled && (own?.enabled ?? true),
    share: own?.share ?? office.share,
    fixedPlaces,
  };
}

/** Runtime schema of an office configuration file. The hub refuses to start on an invalid one. */
export const OfficeConfigSchema = z
  .object({
    office: z.object({
      name: TextSchema,
      shortName: TextSchema.optional(),
      address: z.string().optional(),
      notice: TextSchema.optional(),
      /**
       * The online public-service portal where citizens can file a procedure the distancing level
       * closes at the office (the kiosk names it). Absent: the national portal,
       * `DEFAULT_ONLINE_PORTAL`; a province sets its own, e.g. https://dichvucong.hanoi.gov.vn.
       */
      onlinePortal: z.url({ protocol: /^https?$/ }).optional(),
    }),
    services: z.array(ServiceConfigSchema).min(1),
    counters: z.array(CounterConfigSchema).min(1),
    zones: z.array(ZoneConfigSchema).min(1),
    levels: perLevel(LevelRulesSchema),
    initialLevel: LevelSchema,
    sessions: SessionsConfigSchema,
    priorityCategories: z.array(PriorityCategorySchema),
    fairness: FairnessConfigSchema,
    rating: RatingConfigSchema,
    alerts: AlertConfigSchema.optional(),
    bookings: BookingsConfigSchema.optional(),
  })
  .superRefine((c, ctx) => {
    const prefixes = new Set<string>();
    for (const s of c.services) {
      if (prefixes.has(s.prefix))
        ctx.addIssue({ code: 'custom', message: `service prefix ${s.prefix} is used twice` });
      prefixes.add(s.prefix);
      if (!c.zones.some((z) => z.id === s.zone)) {
        ctx.addIssue({ code: 'custom', message: `service ${s.prefix} waits in unknown zone ${s.zone}` });
      }
    }
    const numbers = new Set<number>();
    for (const k of c.counters) {
      if (numbers.has(k.number))
        ctx.addIssue({ code: 'custom', message: `counter ${k.number} is listed twice` });
      numbers.add(k.number);
      for (const s of k.services) {
        if (!prefixes.has(s))
          ctx.addIssue({ code: 'custom', message: `counter ${k.number} serves unknown service ${s}` });
      }
    }
    for (const s of c.services) {
      if (!c.counters.some((k) => k.services.includes(s.prefix))) {
        ctx.addIssue({ code: 'custom', message: `no counter serves service ${s.prefix}` });
      }
    }
    for (const level of LEVELS) {
      for (const n of c.levels[level].closedCounters) {
        if (!numbers.has(n))
          ctx.addIssue({ code: 'custom', message: `level ${level} closes unknown counter ${n}` });
      }
    }
    try {
      new Intl.DateTimeFormat('en', { timeZone: c.sessions.timeZone });
    } catch {
      ctx.addIssue({ code: 'custom', message: `unknown time zone ${c.sessions.timeZone}` });
    }
  });
export type OfficeConfig = z.infer<typeof OfficeConfigSchema>;

/** The national public-service portal (Cổng Dịch vụ công quốc gia). */
export const DEFAULT_ONLINE_PORTAL = 'https://dichvucong.gov.vn';

/** Where citizens can file online: the office's configured portal, or the national one. */
export function onlinePortal(config: OfficeConfig): string {
  return config.office.onlinePortal ?? DEFAULT_ONLINE_PORTAL;
}

/** Parse and check an office configuration; throws a readable error listing every problem. */
export function parseOfficeConfig(input: unknown): OfficeConfig {
  const r = OfficeConfigSchema.safeParse(input);
  if (!r.success) {
    const lines = r.error.issues.map((i) => `  - ${i.path.join('.') || '(config)'}: ${i.message}`);
    throw new Error(`Invalid office configuration:\n${lines.join('\n')}`);
  }
  return r.data;
}
