/**
 * Kiosk configuration: one JSON file per kiosk, validated with clear errors.
 * Search order: `--config <file>` (or `--config=<file>`), then `LUOT_KIOSK_CONFIG`, then `<userData>/kiosk.json`.
 * An explicitly named file that is missing is an error; there is no silent fallback.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { PrinterConfigSchema } from '@luot/printer/config';

/** Folder name under the OS app-data folder (`~/.config/luot-kiosk`, `%APPDATA%\luot-kiosk`). */
export const USER_DATA_DIR = 'luot-kiosk';
export const CONFIG_FILE_NAME = 'kiosk.json';
export const CONFIG_ENV = 'LUOT_KIOSK_CONFIG';

function isHubUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (
      (url.protocol === 'http:' || url.protocol === 'https:') &&
      url.username === '' &&
      url.password === '' &&
      url.search === '' &&
      url.hash === ''
    );
  } catch {
    return false;
  }
}

const noControl = /^[^\s\p{Cc}]+$/u;

export const kioskConfigSchema = z.strictObject({
  hubUrl: z
    .string()
    .refine(isHubUrl, 'must be an http(s) URL without user, query or hash, e.g. "http://192.168.1.10:3000"')
    .transform((s) => s.replace(/\/+$/, '')),
  deviceId: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,64}$/, 'must be 1–64 characters of A–Z, a–z, 0–9, ".", "_", "-"'),
  token: z
    .string()
    .min(1, 'must not be empty')
    .regex(noControl, 'must not contain spaces or control characters'),
  printer: PrinterConfigSchema,
  locale: z.enum(['vi', 'en'], { error: 'must be "vi" or "en"' }).default('vi'),
  keepIssuingWhenPrinterFails: z.boolean().default(false),
  /** Upper bound on one print call, on top of the printer's own I/O timeouts. */
  printTimeoutMs: z.number().int().min(1_000).max(120_000).default(20_000),
  debug: z.boolean().default(false),
});

export type KioskConfig = z.output<typeof kioskConfigSchema>;

export type ConfigSource = '--config' | typeof CONFIG_ENV | 'userData';

export class KioskConfigError extends Error {
  override name = 'KioskConfigError';
}

export interface ConfigLocation {
  path: string;
  source: ConfigSource;
}

/** Where the config file is, by the documented search order. */
export function resolveConfigPath(
  argv: readonly string[],
  env: Record<string, string | undefined>,
  userDataDir: string,
): ConfigLocation {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--config' || arg.startsWith('--config=')) {
      const value = arg === '--config' ? argv[i + 1] : arg.slice('--config='.length);
      if (!value || value.startsWith('--')) throw new KioskConfigError('--config needs a file path');
      return { path: resolve(value), source: '--config' };
    }
  }
  const fromEnv = env[CONFIG_ENV];
  if (fromEnv) return { path: resolve(fromEnv), source: CONFIG_ENV };
  return { path: join(userDataDir, CONFIG_FILE_NAME), source: 'userData' };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const field = issue.path.length > 0 ? issue.path.join('.') : '(file)';
  if (issue.code === 'unrecognized_keys') {
    const prefix = issue.path.length > 0 ? `${issue.path.join('.')}.` : '';
    return `${issue.keys.map((k) => prefix + k).join(', ')}: unknown setting (check the spelling)`;
  }
  if (issue.code === 'invalid_type') {
    const received = /received (\w+)$/.exec(issue.message)?.[1];
    if (received === 'undefined') return `${field}: is required`;
    return (
      `${field}: must be ${issue.expected === 'object' ? 'an object' : `a ${issue.expected}`}` +
      (received ? ` (got ${received})` : '')
    );
  }
  return `${field}: ${issue.message}`;
}

/** Validate an already-parsed config object. The token never appears in an error. */
export function parseKioskConfig(data: unknown, where = 'kiosk config'): KioskConfig {
  const result = kioskConfigSchema.safeParse(data);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  - ${describeIssue(issue)}`);
  throw new KioskConfigError(`Invalid ${where}:\n${lines.join('\n')}`);
}

export interface LoadedConfig extends ConfigLocation {
  config: KioskConfig;
}

export interface LoadOptions {
  argv: readonly string[];
  env: Record<string, string | undefined>;
  userDataDir: string;
  readFile?: (path: string) => string;
}

export function loadKioskConfig({
  argv,
  env,
  userDataDir,
  readFile = (p) => readFileSync(p, 'utf8'),
}: LoadOptions): LoadedConfig {
  const location = resolveConfigPath(argv, env, userDataDir);
  const where = `${location.path} (from ${location.source})`;
  let text: string;
  try {
    text = readFile(location.path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new KioskConfigError(
        `Kiosk config not found: ${where}. Looked for --config <file>, then ${CONFIG_ENV}, then ` +
          `<userData>/${CONFIG_FILE_NAME}. Start from apps/kiosk/electron/kiosk.example.json.`,
      );
    }
    throw new KioskConfigError(`Cannot read kiosk config ${where}: ${(err as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new KioskConfigError(`Kiosk config ${where} is not valid JSON: ${(err as Error).message}`);
  }
  return { ...location, config: parseKioskConfig(data, `kiosk config ${where}`) };
}
