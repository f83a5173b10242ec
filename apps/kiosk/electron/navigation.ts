/**
 * URL allow-list for the kiosk window: the hub's origin, and paths under `<base>/kiosk` or `<base>/t/` only.
 * Everything else (other hosts and ports, lookalike hosts, credentials in the URL, file:, data:, javascript:,
 * encoded dots or slashes) is blocked. `<base>` is the path of `hubUrl`, usually empty.
 */

interface Hub {
  origin: string;
  protocol: string;
  basePath: string;
}

function parseHub(hubUrl: string): Hub {
  const url = new URL(hubUrl);
  return { origin: url.origin, protocol: url.protocol, basePath: url.pathname.replace(/\/+$/, '') };
}

/** The page the kiosk window loads. The token is not in it: the page gets it from `getDeviceConfig()`. */
export function kioskPageUrl(hubUrl: string, deviceId: string): string {
  const { origin, basePath } = parseHub(hubUrl);
  const url = new URL(`${origin}${basePath}/kiosk`);
  url.searchParams.set('device', deviceId);
  return url.href;
}

// Characters Chromium and the WHATWG parser may treat differently, and encodings that hide path structure.
const SUSPICIOUS_RAW = /[\\\s\p{Cc}]/u;
const SUSPICIOUS_PATH = /%(2e|2f|5c|00)/i;

export interface NavigationTarget {
  isMainFrame: boolean;
}

/** May the kiosk window (or one of its frames) navigate to `target`? */
export function isAllowedNavigation(
  target: string,
  hubUrl: string,
  { isMainFrame }: NavigationTarget = { isMainFrame: true },
): boolean {
  // Same-origin helper frames made by the page itself are harmless; the main frame never goes there.
  if (!isMainFrame && (target === 'about:blank' || target === 'about:srcdoc')) return true;
  if (SUSPICIOUS_RAW.test(target)) return false;
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return false;
  }
  const hub = parseHub(hubUrl);
  if (url.protocol !== hub.protocol || url.origin !== hub.origin) return false;
  if (url.username !== '' || url.password !== '') return false;
  const path = url.pathname;
  if (SUSPICIOUS_PATH.test(path)) return false;
  if (!path.startsWith(hub.basePath)) return false;
  const rest = path.slice(hub.basePath.length);
  return rest === '/kiosk' || rest.startsWith('/kiosk/') || (rest.startsWith('/t/') && rest.length > 3);
}

/** IPC is answered only for the kiosk page itself: the top frame, on an allowed URL. */
export function isTrustedSender(
  frame: { url: string; isMainFrame: boolean } | null,
  hubUrl: string,
): boolean {
  return frame !== null && frame.isMainFrame && isAllowedNavigation(frame.url, hubUrl);
}

/** Permissions the kiosk page may have; everything else (camera, microphone, geolocation, HID, USB…) is denied. */
const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['fullscreen', 'screen-wake-lock']);

export function isPermissionAllowed(permission: string, requestingOrigin: string, hubUrl: string): boolean {
  if (!ALLOWED_PERMISSIONS.has(permission)) return false;
  try {
    return new URL(requestingOrigin).origin === parseHub(hubUrl).origin;
  } catch {
    return false;
  }
}
