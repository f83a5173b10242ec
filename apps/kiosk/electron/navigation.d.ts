/**
 * URL allow-list for the kiosk window: the hub's origin, and paths under `<base>/kiosk` or `<base>/t/` only.
 * Everything else (other hosts and ports, lookalike hosts, credentials in the URL, file:, data:, javascript:,
 * encoded dots or slashes) is blocked. `<base>` is the path of `hubUrl`, usually empty.
 */
/** The page the kiosk window loads. The token is not in it: the page gets it from `getDeviceConfig()`. */
export declare function kioskPageUrl(hubUrl: string, deviceId: string): string;
export interface NavigationTarget {
  isMainFrame: boolean;
}
/** May the kiosk window (or one of its frames) navigate to `target`? */
export declare function isAllowedNavigation(
  target: string,
  hubUrl: string,
  { isMainFrame }?: NavigationTarget,
): boolean;
/** IPC is answered only for the kiosk page itself: the top frame, on an allowed URL. */
export declare function isTrustedSender(
  frame: {
    url: string;
    isMainFrame: boolean;
  } | null,
  hubUrl: string,
): boolean;
export declare function isPermissionAllowed(
  permission: string,
  requestingOrigin: string,
  hubUrl: string,
): boolean;
