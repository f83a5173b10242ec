/** Electron wiring for the kiosk window and its guards. Every decision is made in a plain module. */
import { BrowserWindow, type WebContents } from 'electron';
import type { KioskConfig } from './config';
import {
  UNRESPONSIVE_GRACE_MS,
  createCrashPolicy,
  isHubUnreachable,
  offlineRetryDelay,
} from './crash-policy';
import { isAllowedNavigation, kioskPageUrl } from './navigation';
import { localPageUrl, type LocalPage } from './pages';
import { blockedShortcut } from './shortcuts';

type Log = (message: string) => void;

/** Attached to every webContents the app creates (`web-contents-created`). */
export function guardWebContents(wc: WebContents, config: KioskConfig, log: Log): void {
  const guard = (e: { url: string; isMainFrame: boolean; preventDefault(): void }) => {
    if (isAllowedNavigation(e.url, config.hubUrl, { isMainFrame: e.isMainFrame })) return;
    e.preventDefault();
    log(`blocked navigation to ${e.url}`);
  };
  wc.on('will-navigate', guard);
  wc.on('will-frame-navigate', (e) => !e.isMainFrame && guard(e)); // main frame: will-navigate
  wc.on('will-redirect', guard);
  wc.setWindowOpenHandler(({ url }) => {
    log(`blocked new window ${url}`);
    return { action: 'deny' };
  });
  wc.on('will-attach-webview', (e) => e.preventDefault());
  wc.on('before-input-event', (e, input) => {
    if (blockedShortcut(input, { debug: config.debug })) e.preventDefault();
  });
  wc.on('zoom-changed', () => wc.setZoomFactor(1));
  void wc.setVisualZoomLevelLimits(1, 1);
}

export interface KioskWindowOptions {
  config: KioskConfig;
  preloadPath: string;
  /** The window closes only when this says so (app quitting, or a debug kiosk). */
  canClose: () => boolean;
  log: Log;
}

export function createKioskWindow({ config, preloadPath, canClose, log }: KioskWindowOptions): BrowserWindow {
  const locked = !config.debug; // a debug kiosk is an ordinary window, so a developer can get out
  const win = new BrowserWindow({
    title: 'Lượt Kiosk',
    kiosk: locked,
    fullscreen: locked,
    autoHideMenuBar: true,
    backgroundColor: '#f4f6f8',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: config.debug,
      autoplayPolicy: 'no-user-gesture-required', // announcement chimes without a tap first
    },
  });
  win.removeMenu();
  const wc = win.webContents;
  const hubPage = kioskPageUrl(config.hubUrl, config.deviceId);
  const crashes = createCrashPolicy();
  let failedLoads = 0;
  let retryTimer: NodeJS.Timeout | undefined;
  let hangTimer: NodeJS.Timeout | undefined;

  const later = (ms: number, fn: () => void) => {
    clearTimeout(retryTimer);
    retryTimer = setTimeout(fn, ms);
  };
  // Load failures are handled by did-fail-load / did-navigate, not by the promise.
  const loadHub = () => void wc.loadURL(hubPage).catch(() => {});
  const show = (page: LocalPage, detail: string) =>
    void wc.loadURL(localPageUrl(page, config.locale, detail)).catch(() => {});
  const offline = (detail: string) => {
    const delay = offlineRetryDelay(++failedLoads);
    log(`hub unreachable (${detail}); retry in ${delay} ms`);
    show('offline', detail);
    later(delay, loadHub);
  };

  wc.on('did-fail-load', (_e, errorCode, description, url, isMainFrame) => {
    if (!url.startsWith('data:') && isHubUnreachable({ isMainFrame, errorCode }))
      offline(`${description} ${errorCode}`);
  });
  wc.on('did-navigate', (_e, url, httpStatus) => {
    if (!isAllowedNavigation(url, config.hubUrl)) return; // one of our local pages
    if (isHubUnreachable({ isMainFrame: true, httpStatus })) offline(`HTTP ${httpStatus}`);
    else failedLoads = 0;
  });
  wc.on('render-process-gone', (_e, details) => {
    const decision = crashes.recordCrash(Date.now());
    log(`renderer gone (${details.reason}, exit ${details.exitCode}): ${decision.action}`);
    if (decision.action === 'reload') return later(decision.delayMs, loadHub);
    show('error', `renderer ${details.reason}`);
    later(decision.retryAfterMs, loadHub);
  });
  win.on('unresponsive', () => {
    clearTimeout(hangTimer);
    hangTimer = setTimeout(() => wc.forcefullyCrashRenderer(), UNRESPONSIVE_GRACE_MS); // then render-process-gone
  });
  win.on('responsive', () => clearTimeout(hangTimer));
  win.on('close', (e) => {
    if (!canClose()) e.preventDefault(); // Alt+F4 and window.close() do not end the kiosk
  });
  win.on('closed', () => {
    clearTimeout(retryTimer);
    clearTimeout(hangTimer);
  });

  loadHub();
  return win;
}
