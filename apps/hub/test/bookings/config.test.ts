import { describe, expect, it } from 'vitest';
import { bookingRules } from '@luot/core';
import { DEMO_CONFIG, loadConfigFile } from '../../src/config.js';
import { testConfig } from '@luot/hub/testing';

describe('bookings in the hub file', () => {
  it('are off for a stock profile, and turned on by the hub file’s bookings.rules over it', () => {
    expect(bookingRules(testConfig().office).enabled).toBe(false);
    const on = testConfig({ bookings: { rules: { enabled: true, checkIn: { lateMinutes: 5 } } } });
    expect(bookingRules(on.office)).toMatchObject({
      enabled: true,
      checkIn: { earlyMinutes: 30, lateMinutes: 5 },
    });
    expect(on.hub.bookings).toMatchObject({ retentionDays: 90, otpPerPhonePerHour: 5, reminders: true });
    expect(() => testConfig({ bookings: { rules: { share: 2 } } })).toThrow(/bookings\.share|share/);
  });

  it('are on in the demo configuration (npm start), with an integration token that is not a device', () => {
    const demo = loadConfigFile(DEMO_CONFIG);
    expect(bookingRules(demo.office).enabled).toBe(true);
    expect([...demo.integrationsByTokenHash.values()].map((i) => i.id)).toEqual(['demo-ihanoi']);
    expect([...demo.devicesByTokenHash.values()].some((d) => d.id === 'demo-ihanoi')).toBe(false);
  });
});
