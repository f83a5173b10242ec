import { describe, expect, it } from 'vitest';
import { newTicketToken } from '../src/auth.js';

describe('phone-page tokens', () => {
  it('are 128 random bits, URL-safe, and never repeat across pool refills', () => {
    const tokens = Array.from({ length: 1000 }, () => newTicketToken()); // ~4 refills of 256
    expect(new Set(tokens).size).toBe(1000);
    for (const t of tokens) {
      expect(t).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(Buffer.from(t, 'base64url')).toHaveLength(16);
    }
  });
});
