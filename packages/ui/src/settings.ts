/**
 * Device settings for a browser app: the hub URL and the device token. Given once in the URL
 * (`?token=…&hub=…&lang=en`, e.g. from a bookmark made at set-up) and kept in localStorage, so the
 * screen comes back by itself after a power cut. The token is then removed from the address bar.
 */
export interface DeviceSettings {
  hubUrl: string;
  token: string | null;
  lang: 'vi' | 'en';
}

export function loadSettings(app: string, search = globalThis.location?.search ?? ''): DeviceSettings {
  const q = new URLSearchParams(search);
  const store = globalThis.localStorage;
  const key = (k: string) => `luot.${app}.${k}`;
  // A hub address is taken only from a set-up link that also carries a token: a link with just
  // `?hub=` must not send this device's stored token to another host.
  for (const k of ['token', 'hub', 'lang'] as const) {
    const v = q.get(k);
    if (v !== null && (k !== 'hub' || q.has('token'))) store?.setItem(key(k), v);
  }
  if (q.has('token') && globalThis.history && globalThis.location) {
    q.delete('token');
    const rest = q.toString();
    globalThis.history.replaceState(null, '', globalThis.location.pathname + (rest ? `?${rest}` : ''));
  }
  const lang = store?.getItem(key('lang'));
  return {
    hubUrl: store?.getItem(key('hub')) ?? '',
    token: store?.getItem(key('token')) ?? null,
    lang: lang === 'en' ? 'en' : 'vi',
  };
}

export function saveSetting(app: string, k: 'token' | 'hub' | 'lang', value: string | null): void {
  const store = globalThis.localStorage;
  if (!store) return;
  if (value === null) store.removeItem(`luot.${app}.${k}`);
  else store.setItem(`luot.${app}.${k}`, value);
}
