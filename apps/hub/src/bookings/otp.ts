import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/** A one-time code works for 5 minutes and 3 tries (issue #14). */
export const OTP_TTL_MS = 5 * 60_000;
export const OTP_MAX_ATTEMPTS = 3;

/** Six random digits, leading zeros kept ("004217"). */
export function newOtpCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/**
 * One-time codes are stored as an HMAC-SHA-256 under a secret of this hub, not with scrypt: there
 * are only a million six-digit codes, so a slow hash of one is found by trying them all in minutes
 * by anyone holding the database — slowness buys nothing. What protects a code is a key that is
 * not in the database: `otp.key` beside it, made on first start (0600). A copy of the database
 * alone reveals no code, and checking one costs microseconds, so a thousand citizens confirming
 * at once do not queue behind a hash. The request's id is part of the message, so one code gives
 * different HMACs on two requests.
 */
export class OtpHasher {
  constructor(private readonly key: Buffer) {}

  /** The hub's key from `file`, made there (32 random bytes) the first time. */
  static fromFile(file: string): OtpHasher {
    if (!existsSync(file)) writeFileSync(file, randomBytes(32), { mode: 0o600, flag: 'wx' });
    const key = readFileSync(file);
    if (key.length < 32) throw new Error(`${file} is not a one-time code key (32 bytes expected)`);
    return new OtpHasher(key);
  }

  hmac(requestId: string, code: string): string {
    return createHmac('sha256', this.key).update(`${requestId}:${code}`).digest('hex');
  }

  /** In constant time: how long a comparison takes says nothing about the code. */
  verify(requestId: string, code: string, stored: string): boolean {
    const a = Buffer.from(this.hmac(requestId, code), 'hex');
    const b = Buffer.from(stored, 'hex');
    return a.length === b.length && timingSafeEqual(a, b);
  }
}
