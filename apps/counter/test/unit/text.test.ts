import { describe, expect, it } from 'vitest';
import { counterText, TEXT } from '../../src/text.js';

describe("the terminal's texts", () => {
  it('are Vietnamese in NFC, with English beside', () => {
    for (const [key, { vi, en }] of Object.entries(TEXT)) {
      expect(vi, key).toBe(vi.normalize('NFC'));
      expect(vi.trim(), key).not.toBe('');
      expect(en.trim(), key).not.toBe('');
    }
  });

  it('name the distancing level "cấp độ N", never "cấp N"', () => {
    for (const [key, { vi }] of Object.entries(TEXT)) {
      expect(vi, key).not.toMatch(/(^|[\s(])cấp (\{|\d)/iu);
    }
    const vi = counterText('vi');
    const en = counterText('en');
    expect(vi('blockLevel', { level: 3 })).toContain('(cấp độ 3)');
    expect(en('blockLevel', { level: 3 })).toContain('(level 3)');
    expect(vi('closedAtLevelShort', { level: 4 })).toBe('Tạm đóng (cấp độ 4)');
    expect(en('closedAtLevelShort', { level: 4 })).toBe('Closed (level 4)');
  });

  it('say how long a citizen has waited, and "under a minute" as the other screens do', () => {
    expect(counterText('vi')('waitedFor', { time: '0 phút' })).toBe('đã chờ 0 phút');
    expect(counterText('en')('waitedFor', { time: '0 min' })).toBe('waited 0 min');
    // As the kiosk and the phone page write it.
    expect(counterText('vi')('underAMinute')).toBe('Dưới 1 phút');
    expect(counterText('en')('underAMinute')).toBe('Under 1 min');
  });
});
