import { z } from 'zod';
/** Folder name under the OS app-data folder (`~/.config/luot-kiosk`, `%APPDATA%\luot-kiosk`). */
export declare const USER_DATA_DIR = 'luot-kiosk';
export declare const CONFIG_FILE_NAME = 'kiosk.json';
export declare const CONFIG_ENV = 'LUOT_KIOSK_CONFIG';
export declare const kioskConfigSchema: z.ZodObject<
  {
    hubUrl: z.ZodPipe<z.ZodString, z.ZodTransform<string, string>>;
    deviceId: z.ZodString;
    token: z.ZodString;
    printer: z.ZodDiscriminatedUnion<
      [
        z.ZodObject<
          {
            kind: z.ZodLiteral<'tcp'>;
            host: z.ZodString;
            port: z.ZodOptional<z.ZodNumber>;
            paperWidth: z.ZodOptional<z.ZodUnion<readonly [z.ZodLiteral<58>, z.ZodLiteral<80>]>>;
            timeoutMs: z.ZodOptional<z.ZodNumber>;
            writeTimeoutMs: z.ZodOptional<z.ZodNumber>;
            buzzer: z.ZodOptional<z.ZodBoolean>;
            nativeQr: z.ZodOptional<z.ZodBoolean>;
          },
          z.core.$strict
        >,
        z.ZodObject<
          {
            kind: z.ZodLiteral<'usb'>;
            device: z.ZodString;
            paperWidth: z.ZodOptional<z.ZodUnion<readonly [z.ZodLiteral<58>, z.ZodLiteral<80>]>>;
            timeoutMs: z.ZodOptional<z.ZodNumber>;
            writeTimeoutMs: z.ZodOptional<z.ZodNumber>;
            buzzer: z.ZodOptional<z.ZodBoolean>;
          },
          z.core.$strict
        >,
        z.ZodObject<
          {
            kind: z.ZodLiteral<'file'>;
            path: z.ZodString;
            paperWidth: z.ZodOptional<z.ZodUnion<readonly [z.ZodLiteral<58>, z.ZodLiteral<80>]>>;
          },
          z.core.$strict
        >,
        z.ZodObject<
          {
            kind: z.ZodLiteral<'none'>;
          },
          z.core.$strict
        >,
      ],
      'kind'
    >;
    locale: z.ZodDefault<
      z.ZodEnum<{
        vi: 'vi';
        en: 'en';
      }>
    >;
    keepIssuingWhenPrinterFails: z.ZodDefault<z.ZodBoolean>;
    printTimeoutMs: z.ZodDefault<z.ZodNumber>;
    debug: z.ZodDefault<z.ZodBoolean>;
  },
  z.core.$strict
>;
export type KioskConfig = z.output<typeof kioskConfigSchema>;
export type ConfigSource = '--config' | typeof CONFIG_ENV | 'userData';
export declare class KioskConfigError extends Error {
  name: string;
}
export interface ConfigLocation {
  path: string;
  source: ConfigSource;
}
/** Where the config file is, by the documented search order. */
export declare function resolveConfigPath(
  argv: readonly string[],
  env: Record<string, string | undefined>,
  userDataDir: string,
): ConfigLocation;
/** Validate an already-parsed config object. The token never appears in an error. */
export declare function parseKioskConfig(data: unknown, where?: string): KioskConfig;
export interface LoadedConfig extends ConfigLocation {
  config: KioskConfig;
}
export interface LoadOptions {
  argv: readonly string[];
  env: Record<string, string | undefined>;
  userDataDir: string;
  readFile?: (path: string) => string;
}
export declare function loadKioskConfig({ argv, env, userDataDir, readFile }: LoadOptions): LoadedConfig;
