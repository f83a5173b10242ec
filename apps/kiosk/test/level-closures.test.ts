import { parseOfficeConfig } from '@luot/core';
import { describe, expect, it } from 'vitest';
import { homeView, type HomeOptions } from '../src/kiosk/availability';
import { portalAddress } from '../src/kiosk/texts';
import { NINE, office, run, snapshot } from './fixtures';

const ONLINE: HomeOptions = { online: true, priority: false, paused: false };
const prefixes = (view: ReturnType<typeof homeView>) => view.closedByLevel.map((s) => s.prefix);

describe('what the distancing level closes, for the idle screen', () => {
  it('names the services the level closes, and the national portal by default', () => {
    expect(homeView(snapshot(), NINE, ONLINE)).toMatchObject({
      level: 1,
      closedByLevel: [],
      portal: 'https://dichvucong.gov.vn',
    });
    const s = run(snapshot(), { type: 'setLevel', level: 4 });
    // Level 4: essential services only (C, E, L, S, R, H stay).
    expect(prefixes(homeView(s, NINE, ONLINE))).toEqual(['A', 'B', 'G', 'K', 'M', 'N', 'T', 'V']);
  });

  it('still names them when something else closes the whole kiosk (outside hours, a printer fault)', () => {
    const s = run(snapshot(), { type: 'setLevel', level: 4 });
    expect(prefixes(homeView(s, NINE, { ...ONLINE, paused: true }))).toContain('A');
  });

  it("takes the office's own portal, and shows an address as a citizen types it", () => {
    const config = office((c) => (c.office.onlinePortal = 'https://dichvucong.hanoi.gov.vn/'));
    expect(homeView(snapshot(config), NINE, ONLINE).portal).toBe('https://dichvucong.hanoi.gov.vn/');
    expect(portalAddress('https://dichvucong.hanoi.gov.vn/')).toBe('dichvucong.hanoi.gov.vn');
    expect(portalAddress('http://dvc.example.vn/nop-ho-so')).toBe('dvc.example.vn/nop-ho-so');
  });

  it('accepts only a web address for the portal in the office configuration', () => {
    const withPortal = (url: string) => office((c) => (c.office.onlinePortal = url));
    expect(parseOfficeConfig(withPortal('https://dichvucong.gov.vn')).office.onlinePortal).toBe(
      'https://dichvucong.gov.vn',
    );
    // The kiosk shows it to citizens: nothing that is not a plain http(s) address.
    expect(() => parseOfficeConfig(withPortal('javascript:alert(1)'))).toThrow(/onlinePortal/);
    expect(() => parseOfficeConfig(withPortal('dichvucong.gov.vn'))).toThrow(/onlinePortal/);
  });
});
