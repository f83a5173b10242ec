import { describe, expect, it } from 'vitest';
import {
  isAllowedNavigation,
  isPermissionAllowed,
  isTrustedSender,
  kioskPageUrl,
} from '../../electron/navigation';

const HUB = 'http://hub.local:3000';

describe('kioskPageUrl', () => {
  it('puts the device id in the query and never the token', () => {
    expect(kioskPageUrl(HUB, 'kiosk-1')).toBe('http://hub.local:3000/kiosk?device=kiosk-1');
  });

  it('keeps a base path and encodes the device id', () => {
    expect(kioskPageUrl('https://example.gov.vn/luot/', 'a b&c')).toBe(
      'https://example.gov.vn/luot/kiosk?device=a+b%26c',
    );
  });

  it('is itself allowed', () => {
    expect(isAllowedNavigation(kioskPageUrl(HUB, 'k1'), HUB)).toBe(true);
  });
});

describe('isAllowedNavigation', () => {
  it.each([
    'http://hub.local:3000/kiosk',
    'http://hub.local:3000/kiosk/',
    'http://hub.local:3000/kiosk/services?x=1#top',
    'http://hub.local:3000/kiosk?device=k1',
    'http://hub.local:3000/t/A012-20250101',
    'HTTP://HUB.LOCAL:3000/kiosk', // case of scheme and host does not matter
    'http://hub.local:3000/kiosk/a/../b', // normalises to /kiosk/b
  ])('allows %s', (url) => {
    expect(isAllowedNavigation(url, HUB)).toBe(true);
  });

  it.each([
    // other places on the hub
    'http://hub.local:3000/',
    'http://hub.local:3000/counter',
    'http://hub.local:3000/api/export.csv',
    'http://hub.local:3000/kioskadmin',
    'http://hub.local:3000/t/',
    'http://hub.local:3000/t',
    'http://hub.local:3000/kiosk/../counter',
    // other origins and lookalikes
    'http://hub.local.evil.com:3000/kiosk',
    'http://hub.evil.com/kiosk',
    'http://evil.com/kiosk',
    'http://hub.local:3001/kiosk',
    'http://hub.local/kiosk',
    'https://hub.local:3000/kiosk',
    'http://hub.loca1:3000/kiosk',
    'http://xn--hub-local-9za.com:3000/kiosk',
    // credentials and parser tricks
    'http://hub@evil.com/kiosk',
    'http://hub.local:3000@evil.com/kiosk',
    'http://user:pass@hub.local:3000/kiosk',
    'http://hub.local:3000\\@evil.com/kiosk',
    'http://evil.com\\@hub.local:3000/kiosk',
    'http://hub.local:3000/kiosk\n/../counter',
    // encoded path structure
    'http://hub.local:3000/kiosk/%2e%2e/counter',
    'http://hub.local:3000/kiosk/%2E%2E/counter',
    'http://hub.local:3000/kiosk/..%2fcounter',
    'http://hub.local:3000/kiosk%2f..%2fcounter',
    'http://hub.local:3000/kiosk/..%5ccounter',
    'http://hub.local:3000/kiosk%00',
    // other schemes
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'file://hub.local/kiosk',
    'about:blank',
    'chrome://settings',
    'devtools://devtools/bundled/inspector.html',
    'blob:http://hub.local:3000/1234',
    'ws://hub.local:3000/kiosk',
    // not URLs
    '',
    '/kiosk',
    'kiosk',
  ])('blocks %s', (url) => {
    expect(isAllowedNavigation(url, HUB)).toBe(false);
  });

  it('only allows paths below the base path of the hub URL', () => {
    const hub = 'https://example.gov.vn/luot';
    expect(isAllowedNavigation('https://example.gov.vn/luot/kiosk', hub)).toBe(true);
    expect(isAllowedNavigation('https://example.gov.vn/luot/t/A001', hub)).toBe(true);
    expect(isAllowedNavigation('https://example.gov.vn/kiosk', hub)).toBe(false);
    expect(isAllowedNavigation('https://example.gov.vn/luotx/kiosk', hub)).toBe(false);
  });

  it('lets sub-frames use about:blank and about:srcdoc, but never the main frame', () => {
    expect(isAllowedNavigation('about:blank', HUB, { isMainFrame: false })).toBe(true);
    expect(isAllowedNavigation('about:srcdoc', HUB, { isMainFrame: false })).toBe(true);
    expect(isAllowedNavigation('about:srcdoc', HUB, { isMainFrame: true })).toBe(false);
    expect(isAllowedNavigation('http://evil.com/', HUB, { isMainFrame: false })).toBe(false);
  });
});

describe('isTrustedSender', () => {
  it('answers only the top frame of an allowed page', () => {
    expect(isTrustedSender({ url: `${HUB}/kiosk?device=k1`, isMainFrame: true }, HUB)).toBe(true);
    expect(isTrustedSender({ url: `${HUB}/kiosk`, isMainFrame: false }, HUB)).toBe(false);
    expect(isTrustedSender({ url: 'data:text/html,offline', isMainFrame: true }, HUB)).toBe(false);
    expect(isTrustedSender({ url: 'http://evil.com/kiosk', isMainFrame: true }, HUB)).toBe(false);
    expect(isTrustedSender(null, HUB)).toBe(false);
  });
});

describe('isPermissionAllowed', () => {
  it('allows only fullscreen and screen wake lock, only for the hub', () => {
    expect(isPermissionAllowed('fullscreen', 'http://hub.local:3000', HUB)).toBe(true);
    expect(isPermissionAllowed('screen-wake-lock', 'http://hub.local:3000/kiosk', HUB)).toBe(true);
    expect(isPermissionAllowed('fullscreen', 'http://evil.com', HUB)).toBe(false);
    expect(isPermissionAllowed('fullscreen', 'not a url', HUB)).toBe(false);
    for (const p of [
      'media',
      'geolocation',
      'notifications',
      'openExternal',
      'hid',
      'usb',
      'serial',
      'clipboard-read',
    ]) {
      expect(isPermissionAllowed(p, 'http://hub.local:3000', HUB)).toBe(false);
    }
  });
});
