import { createHash, randomBytes, scrypt, scryptSync, timingSafeEqual } from 'node:crypto';

/**
 * PINs are stored as scrypt hashes: "scrypt$<N>$<salt base64>$<hash base64>". A 4–8 digit PIN is
 * guarded by the sign-in lock-out (engine/checks.ts), not by the hash's cost; N = 4096 (4 MB per check) keeps sixteen
 * officers signing in at 8:00 from leaving the hub 64 MB heavier, as the default 16384 would.
 */
const PIN_COST = 4096;

export function hashPin(pin: string, salt = randomBytes(16), cost = PIN_COST): string {
  const hash = scryptSync(pin, salt, 32, { N: cost });
  return `scrypt$${cost}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

/** Asynchronous, so checking a PIN (tens of milliseconds of scrypt) never stalls the hub. */
export function verifyPin(pin: string, stored: string): Promise<boolean> {
  const [scheme, cost, salt, hash] = stored.split('$');
  const N = Number(cost);
  if (scheme !== 'scrypt' || !salt || !hash || !Number.isInteger(N) || N < 1024 || N > 1 << 20) {
    return Promise.resolve(false);
  }
  const expected = Buffer.from(hash, 'base64');
  return new Promise((resolve) =>
    scrypt(pin, Buffer.from(salt, 'base64'), expected.length, { N, maxmem: 256 * N * 8 }, (err, key) =>
      resolve(!err && key.length === expected.length && timingSafeEqual(key, expected)),
    ),
  );
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Phone-page tokens: 128 random bits, URL-safe. Drawn from a pool filled 4 KB at a time (as Node does
 * for `randomUUID`): one call into the system's generator per 256 tickets, not one per ticket.
 */
export function newTicketToken(): string {
  if (tokenPool.used + 16 > tokenPool.bytes.length) tokenPool = { bytes: randomBytes(4096), used: 0 };
  const token = tokenPool.bytes.subarray(tokenPool.used, tokenPool.used + 16).toString('base64url');
  tokenPool.used += 16;
  return token;
}
let tokenPool = { bytes: Buffer.alloc(0), used: 0 };
