/**
 * Lượt Kiosk — Electron main process. Wiring only: config, printer, IPC, session policy and the kiosk window.
 * Built to dist-electron/main.cjs by electron/build.mjs.
 */
import path from 'node:path';
import { app, dialog, ipcMain, powerSaveBlocker, session } from 'electron';
import type { BrowserWindow, IpcMainInvokeEvent } from 'electron';
import { createPrinter } from '@luot/printer';
import { IPC, type DeviceConfig } from './api';
import { USER_DATA_DIR, loadKioskConfig, type KioskConfig } from './config';
import { isPermissionAllowed, isTrustedSender } from './navigation';
import { createPrintService } from './print-flow';
import { createKioskWindow, guardWebContents } from './window';

const log = (message: string) => console.log(`[luot-kiosk] ${message}`);

// A plain ASCII folder name: `~/.config/luot-kiosk/kiosk.json`, `%APPDATA%\luot-kiosk\kiosk.json`.
app.setPath('userData', path.join(app.getPath('appData'), USER_DATA_DIR));
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  const config = readConfig();
  if (config) start(config);
  else app.exit(1);
}

function readConfig(): KioskConfig | null {
  try {
    return loadKioskConfig({ argv: process.argv, env: process.env, userDataDir: app.getPath('userData') })
      .config;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    console.error(message);
    dialog.showErrorBox('Lượt Kiosk — cấu hình / configuration', message);
    return null;
  }
}

function start(config: KioskConfig): void {
  const printer = config.printer.kind === 'none' ? null : createPrinter(config.printer);
  const printing = createPrintService({
    printer,
    timeoutMs: config.printTimeoutMs,
    locale: config.locale,
    keepIssuingWhenPrinterFails: config.keepIssuingWhenPrinterFails,
    log,
  });
  let win: BrowserWindow | null = null;
  let quitting = false;

  app.on('web-contents-created', (_e, wc) => guardWebContents(wc, config, log));
  app.on('second-instance', () => {
    if (win?.isMinimized()) win.restore();
    win?.focus();
  });
  app.on('before-quit', () => (quitting = true));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => void printer?.close().catch(() => {}));

  // Only the kiosk page itself (top frame, allowed URL) may use the API; the offline page and iframes may not.
  const checkSender = (e: IpcMainInvokeEvent) => {
    const frame = e.senderFrame;
    if (!isTrustedSender(frame && { url: frame.url, isMainFrame: frame.parent === null }, config.hubUrl)) {
      throw new Error('Refused: the sender is not the kiosk page');
    }
  };
  ipcMain.handle(IPC.print, (e, ticket: unknown) => (checkSender(e), printing.print(ticket)));
  ipcMain.handle(IPC.printerStatus, (e) => (checkSender(e), printing.status()));
  ipcMain.handle(IPC.deviceConfig, (e): DeviceConfig => {
    checkSender(e);
    return { deviceId: config.deviceId, token: config.token, locale: config.locale };
  });

  void app.whenReady().then(() => {
    const ses = session.defaultSession;
    ses.setPermissionRequestHandler((_wc, permission, callback, details) =>
      callback(isPermissionAllowed(permission, details.requestingUrl, config.hubUrl)),
    );
    ses.setPermissionCheckHandler((_wc, permission, origin) =>
      isPermissionAllowed(permission, origin, config.hubUrl),
    );
    ses.setDevicePermissionHandler(() => false);
    ses.on('will-download', (e) => e.preventDefault());
    powerSaveBlocker.start('prevent-display-sleep');
    win = createKioskWindow({
      config,
      preloadPath: path.join(__dirname, 'preload.cjs'),
      canClose: () => quitting || config.debug,
      log,
    });
  });
}
