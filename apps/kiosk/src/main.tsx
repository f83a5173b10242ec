import '@luot/ui/base.css';
import './kiosk/kiosk.css';
import { createRoot } from 'react-dom/client';
import { loadSettings } from '@luot/ui';
import { KioskApp } from './kiosk/KioskApp';
import { kioskOptions } from './kiosk/options';
import { BlockedScreen } from './kiosk/StatusScreens';

/**
 * The kiosk page, served by the hub at /kiosk. In a browser the device token comes from the URL
 * once (`/kiosk?token=…`, then kept in localStorage); inside the Electron shell it comes from the
 * shell's configuration and the shell prints.
 */
async function start(): Promise<void> {
  const root = createRoot(document.getElementById('root')!);
  const settings = loadSettings('kiosk');
  const options = kioskOptions(location.search, globalThis.localStorage);
  const bridge = window.luotKiosk ?? null;
  let token = settings.token;
  let locale = settings.lang;
  if (bridge) {
    try {
      const device = await bridge.getDeviceConfig();
      token = device.token;
      locale = device.locale;
    } catch {
      // Keep the browser settings: the page then works as a browser kiosk.
    }
  }
  root.render(
    token ? (
      <KioskApp hubUrl={settings.hubUrl} token={token} locale={locale} options={options} bridge={bridge} />
    ) : (
      <BlockedScreen kind="setup" />
    ),
  );
}

void start();
