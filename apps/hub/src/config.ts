import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SmsConfigSchema } from '@luot/sms';
import { z } from 'zod';
import { BookingsConfigSchema, parseOfficeConfig, TextSchema, type OfficeConfig } from '@luot/core';
import { PrinterConfigSchema } from '@luot/printer/config';
import { freeText, MAX_BATCH_EVENTS } from '@luot/protocol';
import { sha256 } from './auth.js';

/**
 * A file of the repository found by walking up from this module: it runs from `src/` in
 * development and from `dist/` or `dist/chunks/` in the bundle, where the bundler puts it (which
 * moves as the code is split), so a fixed relative path breaks without warning.
 */
function upFrom(relative: string): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, relative);
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  return join(dirname(fileURLToPath(import.meta.url)), relative);
}

const PROFILES_DIR = upFrom('packages/core/profiles');
export const DEMO_CONFIG = upFrom('config/demo.json');

/** A printer the hub drives for a browser kiosk: any printer, or (development) a fake one it starts. */
const hubPrinterConfig = z.union([
  PrinterConfigSchema,
  /** Development: the hub starts a fake TCP printer on 127.0.0.1 and prints to it. */
  z.strictObject({ kind: z.literal('fake'), paperWidth: z.union([z.literal(58), z.literal(80)]).optional() }),
]);
export type HubPrinterConfig = z.infer<typeof hubPrinterConfig>;

const device = z
  .object({
    id: z.string().regex(/^[\w-]+$/),
    /**
     * `integration`: not a screen but another system with the import API (`/api/bookings`,
     * docs/bookings.md); its `id` is the bookings' default `source`. It cannot open a socket.
     */
    role: z.enum(['kiosk', 'counter', 'display', 'supervisor', 'rating', 'integration']),
    counter: z.number().int().positive().optional(),
    name: z.string().optional(),
    /** Plain token (development) or its SHA-256 (production config files). */
    token: z.string().min(12).optional(),
    tokenSha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .optional(),
  })
  .refine((d) => d.token || d.tokenSha256, 'a device needs token or tokenSha256')
  .refine((d) => (d.role === 'counter' || d.role === 'rating') === (d.counter !== undefined), {
    message: 'counter and rating devices name their counter; others do not',
  });

export const HubConfigSchema = z.object({
  /** A profile name from packages/core/profiles, a path to an office JSON file, or the office itself. */
  office: z.union([z.string(), z.record(z.string(), z.unknown())]).default('quoc-oai'),
  /** Demo and tests: issue tickets at any hour, any day. */
  alwaysOpen: z.boolean().default(false),
  /** Base URL printed in QR codes (what phones can reach); default http://<host>:<port>. */
  publicUrl: z.string().url().optional(),
  devices: z.array(device),
  officers: z.array(
    z.object({
      id: z.string().min(1),
      // Shown on the counter, the display and in reports: cleaned like every free text (NFC, no
      // control or bidi characters), whoever typed the configuration file and with what keyboard.
      name: freeText(100),
      agency: TextSchema.optional(),
      /**
       * Service prefixes this officer can receive, for the staffing planner. Absent: the services of
       * the counters of the officer's agency (`officerSkills`).
       */
      services: z.array(z.string().min(1)).min(1).optional(),
      /**
       * When the officer is at the office, for the staffing planner ("HH:MM", end exclusive; a
       * part-timer, an officer who also goes out to the communes). Absent: the office's whole day.
       */
      hours: z
        .object({ from: z.string().regex(/^\d\d:\d\d$/), to: z.string().regex(/^\d\d:\d\d$/) })
        .refine((h) => h.from < h.to, 'hours.from must be before hours.to')
        .optional(),
      pinHash: z.string(),
      /** A supervisor may also sign in on a supervisor device (the console) and act for the office. */
      role: z.enum(['officer', 'supervisor']).default('officer'),
    }),
  ),
  /** Printers the hub drives for browser kiosks, by kiosk device id. */
  printers: z.record(z.string(), hubPrinterConfig).default({}),
  printerTimeoutMs: z.number().int().positive().default(5000),
  /**
   * How often an idle printer is asked its status (DLE EOT), so a fault that clears by itself (paper
   * refilled, printer switched back on) is seen without waiting for the next ticket.
   */
  printerPollMs: z.number().int().positive().default(10_000),
  /**
   * Whole-day snapshots (`sync` with nothing or too little to catch up from) per device: `burst` at
   * once, then one per `intervalMs` (docs/hub.md, "Snapshots"). A screen needs one per (re)connect;
   * more is a fault or an attack, and each costs the hub a megabyte on the wire.
   */
  snapshotLimit: z
    .object({ burst: z.number().int().positive(), intervalMs: z.number().int().positive() })
    .default({ burst: 5, intervalMs: 2000 }),
  /**
   * Text messages to citizens (online numbers: one-time codes, reminders): `{ "kind": "log" }` (the
   * default: the hub's log and the /dev/sms page) or a provider's HTTP API (@luot/sms). Whether the
   * log gateway shows one-time codes defaults to "not in production" (NODE_ENV).
   */
  sms: SmsConfigSchema.default({ kind: 'log' }),
  /**
   * Requests to the public routes (a ticket's phone page; later the booking page) per client
   * address per minute. Generous: every phone on the office's Wi-Fi may reach the hub from one
   * address through a router, and a hall holds a hundred of them; a flood is thousands.
   */
  publicRequestsPerMinute: z.number().int().positive().default(300),
  /**
   * A supervisor who does nothing for this long is signed out (docs/hub.md, "Supervisors"): the
   * console is often left open on a desk in a public hall.
   */
  /**
   * The city service this office ships its event log to (docs/city.md). Absent: no uplink, the hub
   * works alone as always.
   */
  city: z
    .object({
      /** The city's base URL, e.g. https://city.example.gov.vn (the uplink is its /uplink). */
      url: z.url({ protocol: /^(https?|wss?)$/ }),
      /** The office's token, as the city registered it (`npm run city -- add-office`). */
      officeToken: z.string().min(24).max(200),
      /** Reconnection back-off: from retryMinMs, doubling after each failure, up to retryMaxMs. */
      retryMinMs: z.number().int().positive().default(500),
      retryMaxMs: z.number().int().positive().default(60_000),
      /**
       * Events per batch: one bounded read of the log on the office's event loop, one transaction
       * at the city. The protocol's ceiling is MAX_BATCH_EVENTS.
       */
      batchSize: z.number().int().min(1).max(MAX_BATCH_EVENTS).default(500),
    })
    .optional(),
  /** Online numbers at the hub (the rules themselves are the office's `bookings`, docs/bookings.md). */
  bookings: z
    .object({
      /**
       * The office's booking rules (docs/queue-rules.md, "Bookings"), over those of the office file:
       * an office running a stock profile turns bookings on here (`{ "enabled": true }`).
       */
      rules: BookingsConfigSchema.optional(),
      /** Names, phone and CCCD numbers of bookings are erased this many days after their day [90]. */
      retentionDays: z.number().int().min(1).max(3650).default(90),
      /** One-time codes a phone number may be sent per hour [5]: a text message costs the office. */
      otpPerPhonePerHour: z.number().int().positive().default(5),
      /** Lookups of one booking code per hour [10]: the phone's last 3 digits are only 1,000 guesses. */
      lookupsPerCodePerHour: z.number().int().positive().default(10),
      /** Reminders by SMS the day before and `remindMinutesBefore` [60] before the slot. */
      reminders: z.boolean().default(true),
      remindMinutesBefore: z.number().int().positive().default(60),
    })
    .prefault({}),
  supervisorIdleMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
});

export type HubConfig = z.infer<typeof HubConfigSchema>;
export type OfficerConfig = HubConfig['officers'][number];

/**
 * The services an officer can receive, for the staffing planner: the configured `services`; else
 * the services of the counters whose agency is the officer's (an officer of the land registration
 * office serves land files, wherever they sit); else — no agency, or an agency with no counter —
 * every service any counter calls, since nothing in the configuration says otherwise and a plan
 * that leaves a willing officer idle would be wrong more often than one that seats them anywhere.
 */
export function officerSkills(officer: OfficerConfig, office: OfficeConfig): string[] {
  if (officer.services) return [...officer.services];
  const all = (counters: OfficeConfig['counters']) => [...new Set(counters.flatMap((c) => c.services))];
  const agency = officer.agency;
  const own = agency
    ? office.counters.filter((c) => c.agency.vi === agency.vi && c.agency.en === agency.en)
    : [];
  return own.length > 0 ? all(own) : all(office.counters);
}
type ConfiguredDevice = HubConfig['devices'][number];
/** A screen device (kiosk, counter, display, supervisor, rating): what opens a socket. */
export type DeviceConfig = Omit<ConfiguredDevice, 'role'> & {
  role: Exclude<ConfiguredDevice['role'], 'integration'>;
  tokenHash: string;
};
/** Another system that passes bookings on (import API); `id` names its source. */
export type IntegrationConfig = { id: string; name?: string; tokenHash: string };

export interface LoadedConfig {
  hub: HubConfig;
  office: OfficeConfig;
  devicesByTokenHash: Map<string, DeviceConfig>;
  /** Integration tokens (role `integration`): the import API only, never a socket. */
  integrationsByTokenHash: Map<string, IntegrationConfig>;
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`Cannot read configuration ${file}: ${(e as Error).message}`);
  }
}

/** Turn a hub configuration into everything the hub runs on, checking it all at once. */
export function resolveConfig(input: unknown, baseDir = process.cwd()): LoadedConfig {
  const r = HubConfigSchema.safeParse(input);
  if (!r.success) {
    const lines = r.error.issues.map((i) => `  - ${i.path.join('.') || '(config)'}: ${i.message}`);
    throw new Error(`Invalid hub configuration:\n${lines.join('\n')}`);
  }
  const hub = r.data;
  let officeInput: unknown = hub.office;
  if (typeof hub.office === 'string') {
    const file = /^[\w-]+$/.test(hub.office)
      ? join(PROFILES_DIR, `${hub.office}.json`)
      : resolve(baseDir, hub.office);
    officeInput = readJson(file);
  }
  let office = parseOfficeConfig(officeInput);
  const rules = hub.bookings.rules;
  if (rules) {
    const own = office.bookings;
    const merged = {
      ...own,
      ...rules,
      checkIn: { ...own?.checkIn, ...rules.checkIn },
      walkInGuard: { ...own?.walkInGuard, ...rules.walkInGuard },
    };
    office = parseOfficeConfig({ ...office, bookings: merged });
  }
  // Any hour, any day; the working-day calendar (return dates) stays the office's.
  if (hub.alwaysOpen)
    office.sessions = { ...office.sessions, alwaysOpen: true, stopWhenWaitPastClose: false };
  const devicesByTokenHash = new Map<string, DeviceConfig>();
  const integrationsByTokenHash = new Map<string, IntegrationConfig>();
  const ids = new Set<string>();
  for (const d of hub.devices) {
    if (ids.has(d.id)) throw new Error(`Invalid hub configuration: device ${d.id} is listed twice`);
    ids.add(d.id);
    if (d.counter !== undefined && !office.counters.some((c) => c.number === d.counter)) {
      throw new Error(`Invalid hub configuration: device ${d.id} names unknown counter ${d.counter}`);
    }
    const tokenHash = d.tokenSha256 ?? sha256(d.token!);
    if (d.role === 'integration')
      integrationsByTokenHash.set(tokenHash, { id: d.id, name: d.name, tokenHash });
    else devicesByTokenHash.set(tokenHash, { ...d, role: d.role, tokenHash });
  }
  for (const o of hub.officers) {
    const unknown = o.services?.find((p) => !office.services.some((s) => s.prefix === p));
    if (unknown !== undefined) {
      throw new Error(`Invalid hub configuration: officer ${o.id} names unknown service ${unknown}`);
    }
  }
  return { hub, office, devicesByTokenHash, integrationsByTokenHash };
}

export function loadConfigFile(file: string): LoadedConfig {
  return resolveConfig(readJson(file), dirname(resolve(file)));
}
