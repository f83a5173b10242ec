import { createHash, randomBytes, scrypt, scryptSync, timingSafeEqual } from 'node:crypto';

/** PINs are stored as scrypt hashes: "scrypt$<salt base64>$<hash base64>". */
export function hashPin(pin: string, salt = randomBytes(16)): string {
  return `scrypt$${salt.toString('base64')}$${scryptSync(pin, salt, 32).toString('base64')}`;
}

/** Asynchronous, so checking a PIN (tens of milliseconds of scrypt) never stalls the hub. */
export function verifyPin(pin: string, stored: string): Promise<boolean> {
  const [scheme, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return Promise.resolve(false);
  const expected = Buffer.from(hash, 'base64');
  return new Promise((resolve) =>
    scrypt(pin, Buffer.from(salt, 'base64'), expected.length, (err, key) =>
      resolve(!err && key.length === expected.length && timingSafeEqual(key, expected)),
    ),
  );
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Phone-page tokens: 128 random bits, URL-safe. */
export function newTicketToken(): string {
  return randomBytes(16).toString('base64url');
}

/**
 * Wrong PINs per officer: after `max` failures within `windowMs`, sign-in is refused until the
 * window passes, so a PIN cannot be guessed at a counter keypad.
 */
export class AttemptLimiter {
  private readonly failures = new Map<string, number[]>();
  constructor(
    private readonly max = 5,
    private readonly windowMs = 5 * 60_000,
  ) {}

  blocked(key: string, now: number): boolean {
    return this.recent(key, now).length >= this.max;
  }

  fail(key: string, now: number): void {
    this.failures.set(key, [...this.recent(key, now), now]);
  }

  reset(key: string): void {
    this.failures.delete(key);
  }

  private recent(key: string, now: number): number[] {
    return (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
  }
}
